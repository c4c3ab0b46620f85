import Contract
import Foundation
import H2
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// rapid-review's pages (issue 18, FORMS.md): the Rapid Reviews and each case's next step, the
/// meeting's schedule and record, the recommendation, the chair's ratification or question,
/// the submission and the Appendix 5 documents. Each form posts to its RPC's own handler
/// (`PageCall`): the same rules, refusals, roles and audit entry.
struct RapidReviewPages: Sendable {
    let handlers: RapidReviewHandlers

    /// The pages handler ServiceKit's router is given; made once at start, when the purge of
    /// old double-submit guards and drafts starts too.
    func webPages() -> WebPages {
        let context = handlers.context
        let draftLifetime = handlers.settings.draftLifetime
        DailyPurge.start("page_posts, meeting_drafts", database: context.database, logger: context.logger) { tx, now in
            try PagePurge.purge(tx, now: now, draftLifetime: draftLifetime)
        }
        return WebPages(
            serviceName: "rapid-review", database: context.database, tokens: context.tokens, settings: handlers.settings.sessions,
            logger: context.logger, routes: routes())
    }

    func routes() -> PageRoutes {
        var routes = PageRoutes()
        let api = RapidReviewAPI.self
        routes.get("/", name: "home", roles: api.listRapidReviews.info.roles) { request in CasePages.home(request) }
        routes.get(CasePages.listPath, name: "rapid-reviews", roles: api.listRapidReviews.info.roles) { request in
            await CasePages(handlers: handlers).list(request)
        }
        routes.get(CasePages.casePrefix + "*", name: "rapid-review", roles: api.getRapidReview.info.roles) { request in
            await CasePages(handlers: handlers).casePage(request)
        }
        let schedule = SchedulePage(handlers: handlers)
        routes.form(
            SchedulePage.prefix, name: "schedule-form", roles: api.scheduleMeeting.info.roles, page: { await schedule.form($0) },
            post: { await schedule.post($0) })
        let meeting = MeetingPage(handlers: handlers)
        routes.form(
            MeetingPage.prefix, name: "meeting-form", roles: api.recordMeeting.info.roles, page: { await meeting.form($0) },
            post: { await meeting.post($0) })
        let correction = MeetingCorrectionPage(handlers: handlers)
        routes.form(
            MeetingCorrectionPage.prefix, name: "meeting-correction", roles: api.correctMeeting.info.roles, page: { await correction.form($0) },
            post: { await correction.post($0) })
        let recommendation = RecommendationPage(handlers: handlers)
        routes.form(
            RecommendationPage.prefix, name: "recommendation-form", roles: api.agreeRecommendation.info.roles,
            page: { await recommendation.form($0) }, post: { await recommendation.post($0) })
        let chair = RatificationPage(handlers: handlers)
        routes.form(
            RatificationPage.prefix, name: "ratification-form", roles: api.ratify.info.roles, page: { await chair.form($0) },
            post: { await chair.ratify($0) })
        routes.post(RatificationPage.clarificationPrefix + "*", name: "clarification-form", roles: api.requestClarification.info.roles) {
            await chair.askClarification($0)
        }
        let submission = SubmissionPage(handlers: handlers)
        routes.form(
            SubmissionPage.prefix, name: "submission-form", roles: api.recordSubmission.info.roles, page: { await submission.form($0) },
            post: { await submission.post($0) })
        let extensionForm = ExtensionPage(handlers: handlers)
        routes.form(
            ExtensionPage.prefix, name: "extension-form", roles: api.recordExtension.info.roles, page: { await extensionForm.form($0) },
            post: { await extensionForm.post($0) })
        let actionDone = ActionDonePage(handlers: handlers)
        routes.form(
            ActionDonePage.prefix, name: "action-done-form", roles: api.recordActionDone.info.roles, page: { await actionDone.form($0) },
            post: { await actionDone.post($0) })
        let documents = DocumentPages(handlers: handlers)
        routes.get(DocumentPages.outcomePrefix + "*", name: "outcome-document", roles: api.getOutcomeDocument.info.roles) {
            await documents.page($0, kind: .outcome)
        }
        routes.get(DocumentPages.letterPrefix + "*", name: "covering-letter", roles: api.getOutcomeDocument.info.roles) {
            await documents.page($0, kind: .coveringLetter)
        }
        return routes
    }
}

/// What every form page of a case shares: the case read from the path, the refusals as
/// fields' errors, the double submit answered with the first answer.
enum CaseForm {
    /// The case of `/…/<reference>`, or nil.
    static func reference(_ request: PageRequest) -> CaseReference? { request.parameter.flatMap(CaseReference.init) }

    /// The Rapid Review of `reference` as the calls show it, or nil when none is open.
    static func load(_ handlers: RapidReviewHandlers, _ reference: CaseReference) async -> RapidReviewAPI.RapidReview? {
        try? await handlers.store.rapidReview(reference).view(handlers.clock)
    }

    /// 404 in the frame.
    static func notFound(_ request: PageRequest) -> HTTPResponse {
        PageResponse.message(
            404, title: "Page not found", text: "There is no Rapid Review with this reference.", session: request.session, settings: request.settings)
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
    /// the field's name on the form (a date's error goes to its day); P4 names the free-text
    /// fields intake found the family's details in; anything else (a rule id and what is
    /// missing) is shown at the top.
    static func fieldErrors(_ error: RPCError, prefix: String = "", dates: Set<String> = []) -> [FieldError] {
        let message = error.message
        if error.code == .invalidArgument, let colon = message.range(of: ": ") {
            let path = prefix + String(message[..<colon.lowerBound])
            let problem = String(message[colon.upperBound...])
            let last = path.split(separator: ".").last.map(String.init) ?? path
            let field = dates.contains(last) ? "\(path).day" : path
            return [FieldError(field: field, message: "\(FieldWords.label(path)): \(problem)")]
        }
        if error.code == .failedPrecondition, message.hasPrefix("P4:"), let open = message.range(of: "free text (") {
            let findings = message[open.upperBound...].split(separator: ";").compactMap { part -> String? in
                let text = part.trimmingCharacters(in: .whitespaces)
                return text.range(of: " at byte").map { String(text[..<$0.lowerBound]) }
            }
            var seen = Set<String>()
            let fields = findings.filter { seen.insert($0).inserted }
            if !fields.isEmpty {
                return fields.map {
                    FieldError(
                        field: prefix + $0,
                        message:
                            "\(FieldWords.label(prefix + $0)): P4: intake found the family's details here; write with the case reference and roles, not names, addresses or dates of birth"
                    )
                }
            }
        }
        return [FieldError(field: "main", message: message)]
    }

    /// A section of a form, with its heading.
    static func section(_ heading: String, _ body: String) -> String {
        let id = FormContext.id(heading)
        return "<section class=\"form-section\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }

    /// A date in words: "24 March 2025".
    static func long(_ date: CivilDate) -> String { CaseWords.long(date) }

    /// The case's links back, under every form: its Rapid Review, all of them, and the case on
    /// the dashboard (`CSPR_DASHBOARD_URL`) when it is known.
    static func back(_ reference: CaseReference, dashboard: String?) -> String {
        let escaped = HTML.escape(reference.description)
        var links = [
            "<a href=\"\(CasePages.casePrefix)\(escaped)\">Back to the Rapid Review</a>", "<a href=\"\(CasePages.listPath)\">All Rapid Reviews</a>",
        ]
        if let dashboard { links.append(dashboardLink(dashboard, reference)) }
        return "<nav><p>" + links.joined(separator: " · ") + "</p></nav>\n"
    }

    /// The case on the gateway's dashboard, where its deadlines across the stages are.
    static func dashboardLink(_ dashboard: String, _ reference: CaseReference) -> String {
        "<a href=\"\(HTML.escape(dashboard))/cases/\(HTML.escape(reference.description))\">The case on the dashboard</a>"
    }
}

/// A field path in words for the message beside its field: `participants[1].agency` is
/// "Participant 2's agency".
enum FieldWords {
    static func label(_ path: String) -> String {
        var parts = path.split(separator: ".").map(String.init)
        var owner = ""
        let groups = ["participants": "Participant", "omissions": "Agency absent", "actions": "Action", "sharedWith": "Agency shared with"]
        if let index = parts.firstIndex(where: { $0.contains("[") }), let open = parts[index].firstIndex(of: "["),
            let number = Int(parts[index][parts[index].index(after: open)...].dropLast())
        {
            let group = String(parts[index][..<open])
            owner = "\(groups[group] ?? group) \(number + 1)'s "
            parts = Array(parts[(index + 1)...])
        }
        let last = parts.filter { !["decision", "discussion", "immediateAction", "legalAdvice"].contains($0) }.last ?? parts.last ?? path
        let words = last.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
        return owner.isEmpty ? words.prefix(1).uppercased() + words.dropFirst() : owner + words
    }
}

extension CaseForm {
    /// Runs a form's post as its RPC call: a post already applied (its hidden key) redirects
    /// to where the first went; a refusal is `refused` with the call's errors beside their
    /// fields; applied, 303 to the case's page saying what was recorded.
    static func submit<Request: Sendable, Response: Sendable>(
        _ handlers: RapidReviewHandlers, _ request: PageRequest, _ method: Method<Request, Response>, _ call: Request,
        recorded: String, reference: CaseReference, dates: Set<String> = [],
        handler: @escaping @Sendable (Request, CallContext) async throws -> Response, refused: ([FieldError]) -> HTTPResponse
    ) async -> HTTPResponse {
        let (key, principal, context) = (request.form[PageCall.keyField], request.session.principal.name, handlers.context)
        return await PagePosts.once(context.database, key: key, principal: principal) {
            let result = await PageCall.run(
                method, call, session: request.session, idempotencyKey: key, database: context.database, logger: context.logger,
                writeRate: context.writeRate, handler: handler)
            switch result {
            case .failure(let error):
                return (refused(fieldErrors(error, dates: dates)), nil)
            case .success:
                let location = "\(CasePages.casePrefix)\(FormData.encode(reference.description))?recorded=\(recorded)"
                return (PageResponse.redirect(location), location)
            }
        }
    }
}
