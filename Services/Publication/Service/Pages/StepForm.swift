import Contract
import H2
import RPC
import ServiceKit
import WebForms

/// What a step's form page says about its case, and the values it starts with; nil when the
/// case has nothing this form can act on.
struct StepContext: Sendable {
    /// The text above the form, in HTML.
    var intro: String
    /// The form's first values (a date prefilled, a hidden version).
    var values: [String: String] = [:]
    /// Choices read from the case, as radios' options (the open items of an action plan).
    var options: [(value: String, label: String)] = []
}

/// One step's form (`GET`/`POST <prefix><case>`): it reads its fields into its RPC's request and
/// posts it to the RPC's own handler (`PageForm.submit`), with the method's roles. A refusal
/// shows the summary and the message beside its field, the values kept; applied, it redirects
/// to the case's page (or the action plan) saying what was recorded.
struct StepForm<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// The path before the case's reference, e.g. `/schedule/`.
    let prefix: String
    /// The page's kind, for the log and the audit trail.
    let name: String
    /// The page's title.
    let title: String
    /// The RPC it stands for: its roles are the page's.
    let method: RPC.Method<Request, Response>
    /// The submit button's words.
    let button: String
    /// The `recorded=` word of the page it redirects to.
    let recorded: String
    /// Where it goes after: the publication (`CasePages.casePrefix`) or the action plan.
    var returnPrefix = CasePages.casePrefix
    /// The date fields (three inputs each).
    var dates: Set<String> = []
    /// A FAILED_PRECONDITION's rule id and the field its message goes beside.
    var preconditions: [String: String] = [:]
    /// The case as this form needs it.
    let load: @Sendable (PublicationHandlers, CaseReference) async -> StepContext?
    /// The fields, with the case's choices.
    let fields: @Sendable (FormContext, StepContext) -> String
    /// The request from the fields, or nil with `errors` filled in.
    let read: @Sendable (CaseReference, FormData, inout [FieldError]) -> Request?
    /// The RPC's handler.
    let handler: @Sendable (PublicationHandlers) -> @Sendable (Request, CallContext) async throws -> Response

    /// Adds the form's GET and POST.
    func register(_ routes: inout PageRoutes, _ handlers: PublicationHandlers) {
        let roles = method.info.roles
        routes.get(prefix + "*", name: name, roles: roles) { await form($0, handlers) }
        routes.post(prefix + "*", name: name, roles: roles) { await post($0, handlers) }
    }

    func form(_ request: PageRequest, _ handlers: PublicationHandlers) async -> HTTPResponse {
        guard let reference = PageForm.reference(request), let context = await load(handlers, reference) else { return PageForm.notFound(request) }
        let page = render(request, reference, context, FormContext(values: FormData(values: context.values)))
        return await request.audited(name, caseReference: reference.description, page)
    }

    func post(_ request: PageRequest, _ handlers: PublicationHandlers) async -> HTTPResponse {
        guard let reference = PageForm.reference(request), let context = await load(handlers, reference) else { return PageForm.notFound(request) }
        let values = PageForm.values(request)
        var errors: [FieldError] = []
        let call = read(reference, values, &errors)
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            render(request, reference, context, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let call else { return refused(errors) }
        let location = "\(returnPrefix)\(FormData.encode(reference.description))?recorded=\(recorded)"
        return await PageForm.submit(
            handlers, request, method, call, location: location, dates: dates, preconditions: preconditions, handler: handler(handlers),
            refused: refused)
    }

    private func render(_ request: PageRequest, _ reference: CaseReference, _ context: StepContext, _ form: FormContext, status: Int = 200)
        -> HTTPResponse
    {
        var html = FormContext.errorSummary(form.errors)
        html += "<p>Case <strong>\(HTML.escape(reference.description))</strong>.</p>\n" + context.intro
        html += "<form method=\"post\" action=\"\(prefix)\(HTML.escape(FormData.encode(reference.description)))\" novalidate>\n"
        html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
        html += fields(form, context)
        html += "<div class=\"buttons\">" + FormContext.button(button, value: recorded) + "</div>\n</form>\n"
        html += PageForm.back(reference)
        return request.page(title: title, errors: !form.errors.isEmpty, body: html, status: status)
    }
}

/// A list typed one per line.
extension FormData {
    func lines(_ name: String) -> [String] {
        self[name].split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
