import Contract
import Foundation
import H2
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// review-management's pages (issue 18, FORMS.md): the reviews and each one's next step, the
/// terms of reference drafted and agreed, the review team, the agencies' requests and an
/// agency's own chronology. Each form posts to its RPC's own handler (`PageCall`): the same
/// rules, refusals, roles and audit entry.
struct ReviewManagementPages: Sendable {
    let handlers: ReviewManagementHandlers
    let settings: PageSettings

    /// The pages handler ServiceKit's router is given; made once at start, when the purge of
    /// old double-submit guards starts too.
    func webPages() -> WebPages {
        let context = handlers.context
        DailyPurge.start("page_posts", database: context.database, logger: context.logger) { tx, now in try PagePosts.purge(tx, now: now) }
        return WebPages(
            serviceName: "review-management", database: context.database, tokens: context.tokens, settings: settings.sessions, logger: context.logger,
            routes: routes())
    }

    func routes() -> PageRoutes {
        var routes = PageRoutes()
        let api = ReviewManagementAPI.self
        let reviews = ReviewPages(handlers: handlers, dashboardURL: settings.dashboardURL)
        routes.get("/", name: "home", roles: api.listReviews.info.roles.union(api.submitChronology.info.roles)) { await reviews.home($0) }
        routes.get(ReviewPages.listPath, name: "reviews", roles: api.listReviews.info.roles) { await reviews.list($0) }
        routes.get(ReviewPages.casePrefix + "*", name: "review", roles: api.getReview.info.roles) { await reviews.reviewPage($0) }
        let terms = TermsOfReferencePage(handlers: handlers)
        routes.form(
            TermsOfReferencePage.prefix, name: "terms-of-reference-form", roles: api.draftTermsOfReference.info.roles, page: { await terms.form($0) },
            post: { await terms.post($0) })
        routes.form(
            TermsOfReferencePage.agreePrefix, name: "agree-terms-of-reference", roles: api.agreeTermsOfReference.info.roles,
            page: { await terms.agreeForm($0) }, post: { await terms.agree($0) })
        routes.get(TermsOfReferencePage.documentPrefix + "*", name: "terms-of-reference-document", roles: api.getTermsOfReferenceDocument.info.roles)
        {
            await terms.document($0)
        }
        let keyLines = KeyLinesPage(handlers: handlers)
        routes.form(
            KeyLinesPage.prefix, name: "key-lines-form", roles: api.changeKeyLinesOfEnquiry.info.roles, page: { await keyLines.form($0) },
            post: { await keyLines.post($0) })
        let panel = NationalPanelPage(handlers: handlers)
        routes.form(
            NationalPanelPage.prefix, name: "national-panel-form", roles: api.recordNationalPanelDecision.info.roles, page: { await panel.form($0) },
            post: { await panel.post($0) })
        let team = TeamPages(handlers: handlers)
        routes.form(
            TeamPages.leadPrefix, name: "lead-reviewer-form", roles: api.appointLeadReviewer.info.roles, page: { await team.leadForm($0) },
            post: { await team.appointLead($0) })
        routes.form(
            TeamPages.teamPrefix, name: "review-team-form", roles: api.setReviewTeam.info.roles, page: { await team.teamForm($0) },
            post: { await team.setTeam($0) })
        routes.form(
            TeamPages.declarationPrefix, name: "declaration-form", roles: api.recordDeclaration.info.roles, page: { await team.declarationForm($0) },
            post: { await team.declare($0) })
        routes.form(
            TeamPages.noticesPrefix, name: "reviewer-notices-form", roles: api.recordReviewerNotice.info.roles, page: { await team.noticesForm($0) },
            post: { await team.recordNotices($0) })
        let agencies = AgencyPages(handlers: handlers)
        routes.form(
            AgencyPages.requestPrefix, name: "agency-request-form", roles: api.requestAgencyInformation.info.roles,
            page: { await agencies.requestForm($0) }, post: { await agencies.ask($0) })
        routes.form(
            AgencyPages.prefix, name: "agency-chronology-form", roles: api.submitChronology.info.roles, page: { await agencies.agencyPage($0) },
            post: { await agencies.submitChronology($0) })
        routes.form(
            AgencyPages.reportPrefix, name: "agency-report-form", roles: api.submitInformationReport.info.roles,
            page: { await agencies.reportForm($0) }, post: { await agencies.submitReport($0) })
        routes.form(
            AgencyPages.submissionsPrefix, name: "agency-submissions", roles: api.reviewSubmission.info.roles,
            page: { await agencies.submissionsPage($0) }, post: { await agencies.decide($0) })
        routes.get(AgencyPages.combinedPrefix + "*", name: "combined-chronology", roles: api.getCombinedChronology.info.roles) {
            await agencies.combined($0)
        }
        let escalation = EscalationPage(handlers: handlers)
        routes.form(
            EscalationPage.prefix, name: "agency-escalation-form", roles: api.escalateAgencyRequest.info.roles, page: { await escalation.form($0) },
            post: { await escalation.escalate($0) })
        let family = FamilyPages(handlers: handlers)
        routes.form(
            FamilyPages.prefix, name: "family", roles: api.recordFamilyMember.info.roles, page: { await family.membersPage($0) },
            post: { await family.recordMember($0) })
        routes.form(
            FamilyPages.contactPrefix, name: "family-contact-form", roles: api.recordFamilyContact.info.roles, page: { await family.contactForm($0) },
            post: { await family.recordContact($0) })
        let learning = LearningEventPages(handlers: handlers)
        routes.form(
            LearningEventPages.prefix, name: "learning-event", roles: api.scheduleLearningEvent.info.roles, page: { await learning.page($0) },
            post: { await learning.schedule($0) })
        routes.post(LearningEventPages.invitePrefix + "*", name: "learning-event", roles: api.inviteToLearningEvent.info.roles) {
            await learning.invite($0)
        }
        routes.post(LearningEventPages.attendancePrefix + "*", name: "learning-event", roles: api.recordLearningEventAttendance.info.roles) {
            await learning.attendance($0)
        }
        routes.get(LearningEventPages.agendaPrefix + "*", name: "learning-event-agenda", roles: api.getLearningEventDocument.info.roles) {
            await learning.document($0, kind: .agenda)
        }
        routes.get(LearningEventPages.letterPrefix + "*", name: "learning-event-invitation", roles: api.getLearningEventDocument.info.roles) {
            await learning.document($0, kind: .invitation)
        }
        let oversight = OversightPages(handlers: handlers)
        routes.get(OversightPages.prefix + "*", name: "oversight", roles: OversightPages.recordRoles) { await oversight.record($0) }
        for form in OversightPages.Form.allCases {
            routes.form(
                form.prefix, name: "\(form.rawValue)-form", roles: form.roles, page: { await oversight.form($0, form) },
                post: { await oversight.post($0, form) })
        }
        let followUp = WorkshopFollowUpPages(handlers: handlers)
        for form in WorkshopFollowUpPages.Form.allCases {
            routes.form(
                form.prefix, name: "\(form.rawValue)-form", roles: form.roles, page: { await followUp.form($0, form) },
                post: { await followUp.post($0, form) })
        }
        let markers = QualityMarkersPage(handlers: handlers)
        routes.form(
            QualityMarkersPage.prefix, name: "quality-markers-form", roles: api.recordQualityMarkers.info.roles, page: { await markers.form($0) },
            post: { await markers.post($0) })
        let report = ReportPages(handlers: handlers)
        routes.form(
            ReportPages.draftPrefix, name: "report-draft-form", roles: api.submitReportDraft.info.roles, page: { await report.draftForm($0) },
            post: { await report.submitDraft($0) })
        let stepRoles = api.confirmTermsOfReferenceMet.info.roles.union(api.endorseRecommendations.info.roles).union(api.approveReport.info.roles)
        routes.get(ReportPages.stepsPrefix + "*", name: "report-approval", roles: stepRoles.intersection(api.getReview.info.roles)) {
            await report.stepsPage($0)
        }
        for (prefix, method) in [
            (ReportPages.confirmPrefix, api.confirmTermsOfReferenceMet), (ReportPages.endorsePrefix, api.endorseRecommendations),
            (ReportPages.approvePrefix, api.approveReport),
        ] {
            routes.post(prefix + "*", name: "report-approval", roles: method.info.roles) { await report.step($0, method) }
        }
        return routes
    }
}

/// What every form page of a review shares: the case read from the path, the refusals as
/// fields' errors, the double submit answered with the first answer.
enum ReviewForm {
    /// The case of `/…/<reference>`, or nil.
    static func reference(_ request: PageRequest) -> CaseReference? { request.parameter.flatMap(CaseReference.init) }

    /// The review of `reference` as `GetReview` shows it, or nil when none is commissioned.
    static func load(_ handlers: ReviewManagementHandlers, _ reference: CaseReference) async -> ReviewManagementAPI.Review? {
        try? await handlers.store.review(reference).view(handlers.clock)
    }

    /// 404 in the frame.
    static func notFound(_ request: PageRequest, _ text: String = "There is no review commissioned with this reference.") -> HTTPResponse {
        PageResponse.message(404, title: "Page not found", text: text, session: request.session, settings: request.settings)
    }

    /// 503 in the frame.
    static func unavailable(_ request: PageRequest) -> HTTPResponse {
        PageResponse.message(
            503, title: "Try again", text: "The review could not be read or saved. Try again shortly.", session: request.session,
            settings: request.settings)
    }

    /// The form's values without the CSRF token and the button pressed.
    static func values(_ request: PageRequest) -> FormData {
        FormData(values: request.form.values.filter { $0.key != WebPages.csrfField && $0.key != "action" })
    }

    /// The HTTP status of a read's refusal shown as a page.
    static func status(of error: RPCError) -> Int {
        switch error.code {
        case .notFound: 404
        case .unavailable: 503
        case .invalidArgument: 400
        case .permissionDenied: 403
        default: 409
        }
    }

    /// A call's refusal as the form's errors. INVALID_ARGUMENT names the field path, which is
    /// the field's name on the form (a date's error goes to its day); anything else (a rule id
    /// and what is missing) is shown at the top.
    static func fieldErrors(_ error: RPCError, dates: Set<String> = []) -> [FieldError] {
        let message = error.message
        if error.code == .invalidArgument, let colon = message.range(of: ": ") {
            let path = String(message[..<colon.lowerBound])
            let problem = String(message[colon.upperBound...])
            let last = path.split(separator: ".").last.map(String.init) ?? path
            let field = dates.contains(last) || dates.contains(path) ? "\(path).day" : path
            return [FieldError(field: field, message: "\(label(path)): \(problem)")]
        }
        return [FieldError(field: "main", message: message)]
    }

    /// A field path in words: `scope.keyLinesOfEnquiry[1]` is "Key line of enquiry 2",
    /// `entries[0].event` "Entry 1's event".
    static func label(_ path: String) -> String {
        let groups = [
            "keyLinesOfEnquiry": "Key line of enquiry", "members": "Member", "entries": "Entry", "keyDates": "Key date", "notices": "Notice",
            "themes": "Theme", "learningPoints": "Learning point",
        ]
        var parts = path.split(separator: ".").map(String.init)
        if let index = parts.firstIndex(where: { $0.contains("[") }), let open = parts[index].firstIndex(of: "["),
            let number = Int(parts[index][parts[index].index(after: open)...].dropLast())
        {
            let group = String(parts[index][..<open])
            let owner = "\(groups[group] ?? words(group)) \(number + 1)"
            parts = Array(parts[(index + 1)...])
            return parts.isEmpty ? owner : "\(owner)'s \(words(parts.last ?? "").lowercased())"
        }
        let text = words(parts.last ?? path)
        return text.prefix(1).uppercased() + text.dropFirst()
    }

    /// `periodRationale` as "period rationale".
    static func words(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            if character.isUppercase { text += " " + character.lowercased() } else { text.append(character) }
        }
    }

    /// Runs a form's post as its RPC call, once per hidden key (WebForms' `PagePosts`: a post
    /// already applied, or a second click while the first runs, redirects to where the first
    /// went); a refusal is `refused` with the call's errors beside their
    /// fields; applied, 303 to `location` (by default the review's page saying what was recorded).
    static func submit<Request: Sendable, Response: Sendable>(
        _ handlers: ReviewManagementHandlers, _ request: PageRequest, _ method: RPC.Method<Request, Response>, _ call: Request,
        recorded: String, reference: CaseReference, location: String? = nil, dates: Set<String> = [],
        handler: @escaping @Sendable (Request, CallContext) async throws -> Response, refused: ([FieldError]) async -> HTTPResponse
    ) async -> HTTPResponse {
        let (key, principal, context) = (request.form[PageCall.keyField], request.session.principal.name, handlers.context)
        return await PagePosts.once(context.database, key: key, principal: principal) {
            let result = await PageCall.run(
                method, call, session: request.session, idempotencyKey: key, database: context.database, logger: context.logger,
                writeRate: context.writeRate, handler: handler)
            switch result {
            case .failure(let error):
                if error.code == .permissionDenied || error.code == .notFound {
                    let page = PageResponse.message(
                        error.code == .notFound ? 404 : 403, title: "Not open to you", text: error.message, session: request.session,
                        settings: request.settings)
                    return (page, nil)
                }
                return (await refused(fieldErrors(error, dates: dates)), nil)
            case .success:
                let location = location ?? "\(ReviewPages.casePrefix)\(FormData.encode(reference.description))?recorded=\(recorded)"
                return (PageResponse.redirect(location), location)
            }
        }
    }

    /// A section of a form, with its heading.
    static func section(_ heading: String, _ body: String) -> String {
        let id = FormContext.id(heading)
        return "<section class=\"form-section\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }

    /// A date in words: "24 March 2025".
    static func long(_ date: CivilDate) -> String { CaseWords.long(date) }

    /// A date's three fields for a form's values.
    static func dateValues(_ name: String, _ date: CivilDate?, into values: inout [String: String]) {
        values.merge(CaseWords.dateValues(name, date)) { $1 }
    }

    /// The review's link back, under every form.
    static func back(_ reference: CaseReference) -> String {
        "<nav><p><a href=\"\(ReviewPages.casePrefix)\(HTML.escape(reference.description))\">Back to the review</a> · <a href=\"\(ReviewPages.listPath)\">All reviews</a></p></nav>\n"
    }
}
