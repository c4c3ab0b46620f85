import Contract
import H2
import RPC
import ServiceKit
import WebForms

/// The extension form (RULES.md; issue 15, item 5): its post runs `RecordExtension`'s own
/// handler through `PageCall`, once per hidden key (the call's idempotency).
extension IntakePages {
    var extensionRoles: Set<String> { IntakeAPI.recordExtension.info.roles }

    /// `GET` and `POST /extension/<reference>`.
    func addExtensionRoutes(_ routes: inout PageRoutes) {
        routes.get(ExtensionPage.prefix + "*", name: "extension-form", roles: extensionRoles) { request in await extensionForm(request) }
        routes.post(ExtensionPage.prefix + "*", name: "extension-form", roles: extensionRoles) { request in await recordExtension(request) }
    }

    /// The case's T1-T3 deadlines as they now stand.
    private func extendable(_ intakeCase: IntakeCase) -> [Deadline] {
        intakeCase.deadlines(clock: handlers.context.clock, ruleSet: handlers.ruleSet).filter { IntakeCase.extendableRules.contains($0.rule) }
    }

    private func extensionPage(_ request: PageRequest, _ form: FormContext, _ intakeCase: IntakeCase, recorded: Bool = false) -> HTTPResponse {
        let reference = intakeCase.reference
        let links = Self.caseLinks(reference.description, dashboard: dashboardURL, roles: request.session.principal.roles)
        return request.page(
            title: "Extend a deadline", errors: !form.errors.isEmpty,
            body: ExtensionPage.body(
                form, reference: reference, deadlines: extendable(intakeCase), recorded: recorded, session: request.session, links: links),
            status: form.errors.isEmpty ? 200 : 400)
    }

    /// `GET /extension/<reference>`: the form, and the deadlines as they stand (after a post,
    /// `?recorded=1` says the extension was recorded).
    private func extensionForm(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        let page = extensionPage(request, FormContext(values: FormData(values: [:])), intakeCase, recorded: request.query["recorded"] == "1")
        return await request.audited("ExtensionForm", caseReference: intakeCase.reference.description, page)
    }

    /// `POST /extension/<reference>`: `RecordExtension`'s own handler; refused, the form again
    /// with its values and the refusal beside its field; recorded, 303 to the form showing the
    /// deadline extended (a double submit: the call's idempotency answers the first result).
    private func recordExtension(_ request: PageRequest) async -> HTTPResponse {
        guard let intakeCase = await findCase(request) else { return notFound(request) }
        let values = FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
        let (read, errors) = ExtensionPage.read(values, reference: intakeCase.reference)
        guard let call = read else { return extensionPage(request, FormContext(values: values, errors: errors), intakeCase) }
        let context = handlers.context
        let result = await PageCall.run(
            IntakeAPI.recordExtension, call, session: request.session, idempotencyKey: request.form[PageCall.keyField],
            database: context.database, logger: context.logger, writeRate: context.writeRate, handler: handlers.recordExtension)
        switch result {
        case .failure(let error):
            return extensionPage(request, FormContext(values: values, errors: ExtensionPage.fieldErrors(error)), intakeCase)
        case .success:
            return PageResponse.redirect(ExtensionPage.prefix + FormData.encode(intakeCase.reference.description) + "?recorded=1")
        }
    }
}
