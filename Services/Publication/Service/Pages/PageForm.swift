import Contract
import Foundation
import H2
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// What every page of a case shares: the case read from the path, the frame's messages, a
/// call's refusal as the fields' errors, and a post applied once by its hidden key.
enum PageForm {
    /// The case of `/…/<reference>`, or nil.
    static func reference(_ request: PageRequest) -> CaseReference? { request.parameter.flatMap(CaseReference.init) }

    /// The publication of `reference` as `GetPublication` shows it, or nil when none is held.
    static func publication(_ handlers: PublicationHandlers, _ reference: CaseReference) async -> PublicationAPI.Publication? {
        try? await handlers.store.publication(reference).view(handlers.clock)
    }

    /// The action plan of `reference` as `GetActionPlan` shows it, or nil when none is held.
    static func actionPlan(_ handlers: PublicationHandlers, _ reference: CaseReference) async -> PublicationAPI.ActionPlan? {
        guard let plan = try? await handlers.actionPlans.facts(reference), !plan.isEmpty else { return nil }
        return plan.view(handlers.clock)
    }

    /// 404 in the frame.
    static func notFound(_ request: PageRequest) -> HTTPResponse {
        PageResponse.message(
            404, title: "Page not found", text: "There is no publication or action plan with this reference.", session: request.session,
            settings: request.settings)
    }

    /// 503 in the frame.
    static func unavailable(_ request: PageRequest) -> HTTPResponse {
        PageResponse.message(
            503, title: "Try again", text: "The case could not be read or saved. Try again shortly.", session: request.session,
            settings: request.settings)
    }

    /// The form's values without the CSRF token and the button pressed.
    static func values(_ request: PageRequest) -> FormData {
        FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
    }

    /// A call's refusal as the form's errors. INVALID_ARGUMENT names the field path, which is
    /// the field's name on the form (a date's error goes to its day; `audiences[1]` to the list
    /// typed one per line); a FAILED_PRECONDITION whose rule belongs to a field (`T9` to the
    /// publication date) goes beside it; anything else is shown at the top.
    static func fieldErrors(_ error: RPCError, dates: Set<String>, preconditions: [String: String]) -> [FieldError] {
        let message = error.message
        if error.code == .invalidArgument, let colon = message.range(of: ": ") {
            var path = String(message[..<colon.lowerBound])
            if let open = path.firstIndex(of: "[") { path = String(path[..<open]) }
            let problem = String(message[colon.upperBound...])
            return [FieldError(field: dates.contains(path) ? "\(path).day" : path, message: "\(words(path)): \(problem)")]
        }
        if error.code == .failedPrecondition, let rule = message.split(separator: ":").first, let path = preconditions[String(rule)] {
            return [FieldError(field: dates.contains(path) ? "\(path).day" : path, message: "\(words(path)): \(message)")]
        }
        return [FieldError(field: "main", message: message)]
    }

    /// A field path in words: `caseReviewPanelAgreed` is "Case review panel agreed".
    static func words(_ path: String) -> String {
        let text = path.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// A date in words: "24 March 2027".
    static func long(_ date: CivilDate) -> String { CaseWords.long(date) }

    /// A date's three inputs' values, for a form filled in from what is held.
    static func dateValues(_ name: String, _ date: CivilDate?) -> [String: String] { CaseWords.dateValues(name, date) }

    /// A section of a page, with its heading.
    static func section(_ heading: String, _ body: String) -> String {
        let id = FormContext.id(heading)
        return "<section aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }

    /// Rows of words as a summary list; empty when there are none.
    static func summary(_ rows: [(String, String)]) -> String {
        guard !rows.isEmpty else { return "" }
        return "<dl class=\"summary\">\n" + rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined(separator: "\n")
            + "\n</dl>\n"
    }

    /// The case's deadlines as a table.
    static func deadlines(_ deadlines: [Deadline]) -> String {
        CaseWords.deadlineTable(deadlines, empty: "<p>No deadlines apply at this step.</p>\n")
    }

    /// The links under every form: the case's page and the list.
    static func back(_ reference: CaseReference) -> String {
        let ref = HTML.escape(FormData.encode(reference.description))
        return "<nav aria-label=\"Back\"><p><a href=\"\(CasePages.casePrefix)\(ref)\">Back to the publication</a> · "
            + "<a href=\"\(ActionPlanPages.prefix)\(ref)\">The action plan</a> · <a href=\"\(CasePages.listPath)\">All publications</a></p></nav>\n"
    }

    /// Runs a form's post as its RPC call, once per hidden key: a post already applied (or being
    /// applied) redirects to where the first went; a refusal is `refused` with the call's errors
    /// beside their fields; applied, 303 to `location` saying what was recorded.
    static func submit<Request: Codable & Sendable, Response: Codable & Sendable>(
        _ handlers: PublicationHandlers, _ request: PageRequest, _ method: RPC.Method<Request, Response>, _ call: Request, location: String,
        dates: Set<String>, preconditions: [String: String], handler: @escaping @Sendable (Request, CallContext) async throws -> Response,
        refused: ([FieldError]) -> HTTPResponse
    ) async -> HTTPResponse {
        let (key, principal, context) = (request.form[PageCall.keyField], request.session.principal.name, handlers.context)
        // A double click's second post arriving while the first runs waits for its answer.
        return await PagePosts.once(context.database, key: key, principal: principal) {
            let result = await PageCall.run(
                method, call, session: request.session, idempotencyKey: key, database: context.database, logger: context.logger,
                writeRate: context.writeRate, handler: handler)
            switch result {
            case .failure(let error):
                return (refused(fieldErrors(error, dates: dates, preconditions: preconditions)), nil)
            case .success:
                return (PageResponse.redirect(location), location)
            }
        }
    }

    /// What `submitEach` came to: the page to answer, or the item refused (those before it applied).
    enum EachOutcome {
        case answered(HTTPResponse)
        case refused(index: Int, error: RPCError)
    }

    /// Runs `call` for each of `items` in order, once per hidden key, stopping at the first
    /// refusal. A post already applied (or being applied) redirects to where the first went;
    /// a post that applied at least one item is remembered, so sent again it shows the plan
    /// rather than adding those items twice.
    static func submitEach<Item: Sendable>(
        _ handlers: PublicationHandlers, _ request: PageRequest, _ items: [Item], location: String,
        call: (Item) async -> Result<Void, RPCError>
    ) async -> EachOutcome {
        let (key, principal) = (request.form[PageCall.keyField], request.session.principal.name)
        return await PagePosts.once(
            handlers.context.database, key: key, principal: principal, answered: { .answered(PageResponse.redirect($0)) }
        ) {
            for (index, item) in items.enumerated() {
                if case .failure(let error) = await call(item) { return (.refused(index: index, error: error), index > 0 ? location : nil) }
            }
            return (.answered(PageResponse.redirect(location)), location)
        }
    }
}
