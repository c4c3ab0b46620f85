import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The reviews with each one's step, and one review's page: its deadlines, what has been
/// recorded, and what can be done next by the person's roles.
struct ReviewPages: Sendable {
    static let (listPath, casePrefix) = ("/reviews", "/reviews/")
    let handlers: ReviewManagementHandlers
    /// The dashboard's address, for the link back to the case there.
    let dashboardURL: String?

    /// `GET /`: the pages of review-management for the person's roles; for an agency's token,
    /// its own agency's open requests (only its own), each linking to its page.
    func home(_ request: PageRequest) async -> HTTPResponse {
        var links: [String] = []
        let principal = request.session.principal
        if !principal.roles.isDisjoint(with: ReviewManagementAPI.listReviews.info.roles) {
            links.append("<a href=\"\(Self.listPath)\">The reviews and the step each one is at</a>")
        }
        var body = ""
        if principal.roles.contains(Role.agency.rawValue) {
            guard let agency = principal.agency, let open = await openRequests(of: agency) else {
                return ReviewForm.unavailable(request)
            }
            body += Self.agencyRequests(open, agency: agency)
        }
        if !links.isEmpty { body = "<ul>\n" + links.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>\n" + body }
        let page = request.page(title: "Child Safeguarding Practice Reviews", heading: "Review management: your pages", body: body)
        return principal.roles.contains(Role.agency.rawValue) ? await request.audited("AgencyHome", page) : page
    }

    /// The requests to `agency` with something still to give, oldest case first; nil when the
    /// database cannot be read.
    func openRequests(of agency: String) async -> [(reference: CaseReference, standing: ReviewManagementAPI.AgencyRequestStanding)]? {
        let (store, today) = (handlers.store, handlers.clock.today)
        guard let cases = try? await store.database.read({ try AgencyRows.cases(asking: agency, $0) }) else { return nil }
        var open: [(reference: CaseReference, standing: ReviewManagementAPI.AgencyRequestStanding)] = []
        for reference in cases {
            guard let review = try? await store.review(reference) else { return nil }
            guard let asked = review.agencyRequest(agency) else { continue }
            let standing = review.standing(of: asked, today: today)
            if !standing.outstanding.isEmpty { open.append((reference, standing)) }
        }
        return open
    }

    /// An agency's open requests as a table, each case linking to the agency's own page.
    static func agencyRequests(
        _ open: [(reference: CaseReference, standing: ReviewManagementAPI.AgencyRequestStanding)], agency: String
    ) -> String {
        var html = "<h2>Requests to \(HTML.escape(agency))</h2>\n"
        guard !open.isEmpty else { return html + "<p>Nothing is asked of your agency at present.</p>\n" }
        html += """
            <table>
            <caption>Open requests to your agency</caption>
            <thead><tr><th scope="col">Case</th><th scope="col">Still to give</th><th scope="col">Due by</th></tr></thead>
            <tbody>

            """
        for (asked, standing) in open {
            let reference = HTML.escape(asked.description)
            let outstanding = standing.outstanding.map(AgencyPages.words).joined(separator: ", ")
            html += "<tr><td><a href=\"\(AgencyPages.prefix)\(reference)\">\(reference)</a></td><td>\(HTML.escape(outstanding))</td>"
            html += "<td>\(HTML.escape(ReviewForm.long(standing.request.dueOn)))\(standing.overdue ? " (overdue)" : "")</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The step a state stands at, in the framework's words.
    static func step(_ state: ReviewManagementAPI.ReviewState) -> String {
        switch state {
        case .awaitingNationalPanel: "A national review was recommended: awaiting the National Panel's decision"
        case .nationalReview: "Taken on by the National Panel"
        case .notCommissionedLocally: "Not commissioned locally"
        case .commissioned: "Commissioned: the terms of reference are to be drafted (§5)"
        case .termsOfReferenceDrafted: "Terms of reference drafted: the Case Review Panel is to agree them (V1)"
        case .termsOfReferenceAgreed: "Terms of reference agreed: the review is under way"
        case .reportDrafted: "The report is drafted: it goes to the partnership board (§6)"
        case .reportApproved: "The report is approved by the partnership board"
        }
    }

    /// `GET /reviews`: every review with its step and next deadline (no personal data).
    func list(_ request: PageRequest) async -> HTTPResponse {
        let response: ReviewManagementAPI.ListReviewsResponse
        do {
            response = try await handlers.listReviews(ReviewManagementAPI.ListReviewsRequest(pageSize: 1000))
        } catch {
            return ReviewForm.unavailable(request)
        }
        let html: String
        if response.reviews.isEmpty {
            html = "<p>There are no reviews yet: rapid-review commissions one when the independent chair ratifies a review.</p>\n"
        } else {
            html = CaseWords.stepTable(
                caption: "The reviews and the step each one is at", casePrefix: Self.casePrefix,
                rows: response.reviews.map { ($0.caseReference, Self.step($0.state), $0.nextDeadline, $0.overdue) })
        }
        return await request.audited("ReviewList", request.page(title: "Reviews", body: html))
    }

    /// `GET /reviews/<reference>`: the review as recorded and what can be done next.
    func reviewPage(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let recorded = [
            "terms-of-reference": "Terms of reference drafted", "agreed": "Terms of reference agreed", "lead-reviewer": "Lead reviewer appointed",
            "national-panel": "The National Panel's decision recorded",
            "team": "Review team set", "key-lines": "Key lines of enquiry changed", "notices": "Notices recorded",
            "declaration": "Declaration recorded",
            "agency-request": "Agency asked for its information", "escalated": "The overdue request was escalated (§2.1.7)",
            "quality-markers": "The quality markers were answered",
        ]
        var html = ""
        if let done = recorded[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(done))</h2></div>\n"
        }
        html += "<p>Step: <strong>\(HTML.escape(Self.step(review.state)))</strong></p>\n"
        if let next = review.nextStep { html += "<p>Next: \(HTML.escape(Self.nextStep(next)))</p>\n" }
        let next = Self.nextLinks(review, roles: request.session.principal.roles)
        html += "<h2>What can be done next</h2>\n"
        html +=
            next.isEmpty
            ? "<p>Nothing for your role at this step.</p>\n" : "<ul>\n" + next.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>\n"
        html += Self.record(review)
        html += Self.deadlines(review.deadlines)
        var links = ["<a href=\"\(Self.listPath)\">All reviews</a>"]
        if let dashboardURL {
            links.append("<a href=\"\(HTML.escape(dashboardURL))/cases/\(HTML.escape(reference.description))\">The case on the dashboard</a>")
        }
        html += "<nav><p>\(links.joined(separator: " · "))</p></nav>\n"
        let page = request.page(title: "Review \(reference)", body: html)
        return await request.audited("Review", caseReference: reference.description, page)
    }

    /// `GetReview`'s next step (a method's name) in words.
    static func nextStep(_ step: String) -> String {
        let words = [
            "recordNationalPanelDecision": "record the National Panel's decision", "draftTermsOfReference": "draft the terms of reference (§5)",
            "agreeTermsOfReference": "the Case Review Panel agrees the terms of reference (V1)",
            "appointLeadReviewer": "appoint the lead reviewer (§1.5.7)", "requestAgencyInformation": "ask the agencies for their information (§8.2)",
            "reviewAgencySubmissions": "review the agencies' submissions (V8)", "awaitAgencyInformation": "wait for the agencies' information",
            "submitReportDraft": "submit a draft of the report (§9)",
            "confirmTermsOfReferenceMet": "the review team confirms the terms of reference are met (V9)",
            "endorseRecommendations": "the board endorses the recommendations (V9)", "approveReport": "the board approves the report (V9)",
        ]
        return (words[step] ?? ReviewForm.words(step)).capitalizedFirst
    }

    /// The links to the steps open at the review's state, for the roles that may take them.
    static func nextLinks(_ review: ReviewManagementAPI.Review, roles: Set<String>) -> [String] {
        func may(_ allowed: Set<String>) -> Bool { !roles.isDisjoint(with: allowed) }
        let ref = HTML.escape(review.caseReference.description)
        let api = ReviewManagementAPI.self
        var next: [String] = []
        switch review.state {
        case .commissioned, .termsOfReferenceDrafted:
            if may(api.draftTermsOfReference.info.roles) {
                next.append(
                    "<a href=\"\(TermsOfReferencePage.prefix)\(ref)\">\(review.termsOfReference.isEmpty ? "Draft" : "Redraft") the terms of reference</a> (Appendix 6)"
                )
            }
            if !review.termsOfReference.isEmpty, may(api.agreeTermsOfReference.info.roles) {
                next.append("<a href=\"\(TermsOfReferencePage.agreePrefix)\(ref)\">Agree the terms of reference</a> (V1)")
            }
        case .termsOfReferenceAgreed, .reportDrafted, .reportApproved:
            if review.state == .termsOfReferenceAgreed, may(api.changeKeyLinesOfEnquiry.info.roles) {
                next.append("<a href=\"\(KeyLinesPage.prefix)\(ref)\">Change the key lines of enquiry</a> (V2)")
            }
            if may(api.requestAgencyInformation.info.roles) {
                next.append("<a href=\"\(AgencyPages.requestPrefix)\(ref)\">Ask agencies for their chronology and information report</a> (§8.2)")
            }
            if may(api.escalateAgencyRequest.info.roles) {
                next.append("<a href=\"\(EscalationPage.prefix)\(ref)\">Escalate an overdue agency request</a> (§2.1.7)")
            }
            if may(api.reviewSubmission.info.roles) {
                next.append("<a href=\"\(AgencyPages.submissionsPrefix)\(ref)\">Review the agencies' submissions</a> (V8)")
            }
            if may(api.getCombinedChronology.info.roles) {
                next.append("<a href=\"\(AgencyPages.combinedPrefix)\(ref)\">The combined chronology</a>")
            }
            if review.report?.approval == nil, may(api.submitReportDraft.info.roles) {
                next.append("<a href=\"\(ReportPages.draftPrefix)\(ref)\">Submit a draft of the report</a> (§9, V9)")
            }
            let reportSteps = [api.confirmTermsOfReferenceMet, api.endorseRecommendations, api.approveReport].map(\.info.roles)
            if review.report?.versions.isEmpty == false, reportSteps.contains(where: may) {
                next.append("<a href=\"\(ReportPages.stepsPrefix)\(ref)\">The report: confirmation, endorsement and approval</a> (V9)")
            }
            if review.report?.versions.isEmpty == false, review.report?.approval == nil, may(api.recordQualityMarkers.info.roles) {
                next.append("<a href=\"\(QualityMarkersPage.prefix)\(ref)\">Answer the quality markers</a> (Appendix 15, advisory)")
            }
        case .awaitingNationalPanel:
            if may(api.recordNationalPanelDecision.info.roles) {
                next.append("<a href=\"\(NationalPanelPage.prefix)\(ref)\">Record the National Panel's decision</a> (§1.1.3, T7)")
            }
        case .nationalReview, .notCommissionedLocally: break
        }
        let local = [.commissioned, .termsOfReferenceDrafted, .termsOfReferenceAgreed].contains(review.state)
        if local, may(api.appointLeadReviewer.info.roles) {
            if review.reviewTeam?.leadReviewer == nil {
                next.append("<a href=\"\(TeamPages.leadPrefix)\(ref)\">Appoint the lead reviewer</a> (§1.5.7, V3)")
            }
            if review.reviewTeam?.leadReviewer != nil, review.reviewTeam?.noticesDue.isEmpty == false, may(api.recordReviewerNotice.info.roles) {
                next.append("<a href=\"\(TeamPages.noticesPrefix)\(ref)\">Record the notices of the lead reviewer's appointment</a> (V3)")
            }
            next.append("<a href=\"\(TeamPages.teamPrefix)\(ref)\">Set the review team</a> (V4)")
        }
        if local, may(api.recordFamilyMember.info.roles) {
            next.append("<a href=\"\(FamilyPages.prefix)\(ref)\">The family's involvement</a> (§7, V5)")
        }
        if local, may(api.scheduleLearningEvent.info.roles) {
            next.append("<a href=\"\(LearningEventPages.prefix)\(ref)\">The practitioners' learning event</a> (§8.8)")
        }
        let oversight = [.awaitingNationalPanel, .nationalReview, .notCommissionedLocally].contains(review.state) == false
        if oversight, may(OversightPages.recordRoles) {
            next.append("<a href=\"\(OversightPages.prefix)\(ref)\">Oversight: parallel processes, delays, forecasts, checkpoints</a> (T7, T8)")
        }
        if local, review.learningWorkshop?.event != nil {
            for form in WorkshopFollowUpPages.Form.allCases where may(form.roles) {
                next.append("<a href=\"\(form.prefix)\(ref)\">\(form.title)</a> (after the learning event)")
            }
        }
        if local, may(api.recordDeclaration.info.roles) {
            next.append("<a href=\"\(TeamPages.declarationPrefix)\(ref)\">Record a declaration</a> (conflicts of interest, confidentiality)")
        }
        if !review.termsOfReference.isEmpty, may(api.getTermsOfReferenceDocument.info.roles) {
            next.append("<a href=\"\(TermsOfReferencePage.documentPrefix)\(ref)\">The terms of reference document</a> (print for the PDF)")
        }
        return next
    }

    /// What has been recorded so far, from the milestones and the team.
    static func record(_ review: ReviewManagementAPI.Review) -> String {
        var rows: [(String, String)] = review.milestones.map { (ReviewForm.words($0.event).capitalizedFirst, ReviewForm.long($0.date)) }
        if let version = review.termsOfReference.last {
            rows.append(("Terms of reference", "version \(version.version), written \(ReviewForm.long(version.writtenOn))"))
        }
        if let agreement = review.agreement {
            rows.append(("Agreed by the Case Review Panel", "version \(agreement.version) on \(ReviewForm.long(agreement.agreedOn))"))
        }
        if let lead = review.reviewTeam?.leadReviewer {
            rows.append(("Lead reviewer", "\(lead.name), \(lead.organisation), appointed \(ReviewForm.long(lead.appointedOn))"))
        }
        if let team = review.reviewTeam?.teams.last {
            rows.append(("Review team", team.members.map { "\($0.name) (\($0.role), \($0.agency.name))" }.joined(separator: "; ")))
        }
        guard !rows.isEmpty else { return "" }
        return "<h2>Recorded so far</h2>\n<dl class=\"record\">\n"
            + rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>\n"
    }

    /// The review's deadlines as a table.
    static func deadlines(_ deadlines: [Deadline]) -> String { CaseWords.deadlineTable(deadlines) }
}

extension String {
    /// The text with its first letter in capitals.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
