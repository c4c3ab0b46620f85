import Contract
import H2
import ServiceKit
import WebForms

/// The Rapid Reviews with each one's step, and one case's page: what has been recorded, its
/// deadlines, and what can be done next by the person's role.
struct CasePages: Sendable {
    static let (listPath, casePrefix) = ("/rapid-reviews", "/rapid-reviews/")
    let handlers: RapidReviewHandlers

    /// `GET /`: the pages of rapid-review.
    static func home(_ request: PageRequest) -> HTTPResponse {
        request.page(
            title: "Rapid Review", heading: "Rapid Review: your pages",
            body: "<ul>\n<li><a href=\"\(listPath)\">The Rapid Reviews and the step each one is at</a></li>\n</ul>\n")
    }

    /// The step a state stands at, in the framework's words.
    static func step(_ state: RapidReviewAPI.RapidReviewState) -> String {
        switch state {
        case .opened: "Opened: the meeting is to be scheduled"
        case .meetingScheduled: "Meeting scheduled: to be held and recorded"
        case .meetingNotQuorate: "The meeting was not quorate (R1): another is to be held"
        case .awaitingRecommendation: "Meeting held: the recommendation is to be agreed"
        case .awaitingRatification: "With the independent chair for ratification"
        case .clarificationRequested: "The independent chair asked for clarification (R9)"
        case .ratified: "Ratified: to be submitted to the National Panel and shared"
        case .submitted: "Submitted to the National Panel: the Rapid Review is complete"
        }
    }

    /// `GET /rapid-reviews`: every Rapid Review with its step and next deadline (no personal data).
    func list(_ request: PageRequest) async -> HTTPResponse {
        let response: RapidReviewAPI.ListRapidReviewsResponse
        do {
            response = try await handlers.listRapidReviews(RapidReviewAPI.ListRapidReviewsRequest())
        } catch {
            return CaseForm.unavailable(request)
        }
        let html: String
        if response.rapidReviews.isEmpty {
            html = "<p>There are no Rapid Reviews yet: intake opens one when a referral is made.</p>\n"
        } else {
            html = CaseWords.stepTable(
                caption: "The Rapid Reviews and the step each one is at", casePrefix: Self.casePrefix,
                rows: response.rapidReviews.map { ($0.caseReference, Self.step($0.state), $0.nextDeadline, $0.overdue) })
        }
        return await request.audited("RapidReviewList", request.page(title: "Rapid Reviews", body: html))
    }

    /// `GET /rapid-reviews/<reference>`: the case as recorded and what can be done next.
    func casePage(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let roles = request.session.principal.roles
        func may(_ allowed: Set<String>) -> Bool { !roles.isDisjoint(with: allowed) }
        let ref = HTML.escape(reference.description)
        let recorded = [
            "schedule": "Meeting scheduled", "meeting": "Meeting recorded", "meeting-correction": "The meeting's record is corrected",
            "recommendation": "Recommendation agreed: it is with the independent chair",
            "ratification": "Recommendation ratified", "clarification": "Your question was sent to the panel", "submission": "Submission recorded",
            "extension": "Extension recorded", "actionDone": "Immediate action recorded as done",
        ]
        var html = ""
        if let done = recorded[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(done))</h2></div>\n"
        }
        html += "<p>Step: <strong>\(HTML.escape(Self.step(review.state)))</strong></p>\n"
        var next: [String] = []
        switch review.state {
        case .opened, .meetingNotQuorate:
            if may(RapidReviewAPI.scheduleMeeting.info.roles) {
                next.append("<a href=\"\(SchedulePage.prefix)\(ref)\">Schedule the meeting</a> (T4)")
            }
        case .meetingScheduled:
            if may(RapidReviewAPI.recordMeeting.info.roles) { next.append("<a href=\"\(MeetingPage.prefix)\(ref)\">Record the meeting</a> (R1-R6)") }
            if may(RapidReviewAPI.scheduleMeeting.info.roles) { next.append("<a href=\"\(SchedulePage.prefix)\(ref)\">Move the meeting</a>") }
        case .awaitingRecommendation, .clarificationRequested:
            if may(RapidReviewAPI.agreeRecommendation.info.roles) {
                next.append("<a href=\"\(RecommendationPage.prefix)\(ref)\">Agree the recommendation</a> (R7, R8)")
            }
            if may(RapidReviewAPI.correctMeeting.info.roles) {
                next.append("<a href=\"\(MeetingCorrectionPage.prefix)\(ref)\">Correct the meeting's record</a> (R1-R6, P4)")
            }
        case .awaitingRatification:
            if may(RapidReviewAPI.ratify.info.roles) {
                next.append("<a href=\"\(RatificationPage.prefix)\(ref)\">Ratify the recommendation or ask for clarification</a> (R9)")
            }
            if may(RapidReviewAPI.correctMeeting.info.roles) {
                next.append("<a href=\"\(MeetingCorrectionPage.prefix)\(ref)\">Correct the meeting's record</a> (R1-R6, P4)")
            }
        case .ratified:
            if may(RapidReviewAPI.recordSubmission.info.roles) {
                next.append("<a href=\"\(SubmissionPage.prefix)\(ref)\">Record the submission and the sharing</a> (R10, T5)")
            }
        case .submitted: break
        }
        if !review.meetings.isEmpty, may(RapidReviewAPI.getOutcomeDocument.info.roles) {
            next.append("<a href=\"\(DocumentPages.outcomePrefix)\(ref)\">The Rapid Review Outcome document</a> (Appendix 5)")
            if review.ratification != nil {
                next.append("<a href=\"\(DocumentPages.letterPrefix)\(ref)\">The covering letter to the National Panel</a>")
            }
        }
        if may(RapidReviewAPI.recordExtension.info.roles),
            review.deadlines.contains(where: { RapidReviewCase.extendableRules.contains($0.rule) && $0.metOn == nil })
        {
            next.append("<a href=\"\(ExtensionPage.prefix)\(ref)\">Extend a deadline</a> (T4-T6, a recorded decision)")
        }
        html += "<h2>What can be done next</h2>\n"
        html +=
            next.isEmpty
            ? "<p>Nothing for your role at this step.</p>\n" : "<ul>\n" + next.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>\n"
        html += Self.openActions(review, reference, mayRecord: may(RapidReviewAPI.recordActionDone.info.roles))
        html += Self.record(review)
        html += Self.deadlines(review.deadlines)
        var links = ["<a href=\"\(Self.listPath)\">All Rapid Reviews</a>"]
        if let dashboard = handlers.settings.dashboardURL { links.append(CaseForm.dashboardLink(dashboard, reference)) }
        html += "<nav><p>" + links.joined(separator: " · ") + "</p></nav>\n"
        let page = request.page(title: "Rapid Review \(reference)", body: html)
        return await request.audited("RapidReview", caseReference: reference.description, page)
    }

    /// The immediate actions still open (R4), each with a link to mark it done for the roles
    /// that may.
    static func openActions(_ review: RapidReviewAPI.RapidReview, _ reference: CaseReference, mayRecord: Bool) -> String {
        let open = ActionDonePage.open(review)
        guard !open.isEmpty else { return "" }
        let ref = HTML.escape(reference.description)
        var html = "<h2>Immediate actions still open (R4)</h2>\n<ul>\n"
        for (number, action) in open {
            html += "<li>\(HTML.escape(ActionDonePage.words(number, action)))"
            if mayRecord { html += " <a href=\"\(ActionDonePage.prefix)\(ref)?action=\(number)\">Mark action \(number) as done</a>" }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    /// What has been recorded so far: schedule, meetings, recommendations, the chair's steps.
    static func record(_ review: RapidReviewAPI.RapidReview) -> String {
        var rows: [(String, String)] = []
        if let meeting = review.schedule.last {
            rows.append(("Meeting scheduled", "\(CaseForm.long(meeting.date)), \(meeting.format == .faceToFace ? "face to face" : "by telephone")"))
        }
        for meeting in review.meetings {
            let quorum =
                meeting.quorate
                ? "quorate (R1)" : "not quorate (R1): missing \(meeting.missingPartners.map(PartnerWords.name).joined(separator: ", "))"
            rows.append(("Meeting \(meeting.number) held", "\(CaseForm.long(meeting.meetingDate)), \(quorum)"))
        }
        for recommendation in review.recommendations {
            rows.append(
                (
                    "Recommendation \(recommendation.version)",
                    "\(recommendation.letter)) \(RecommendationPage.words(recommendation.decision.recommendation))"
                ))
        }
        for clarification in review.clarifications {
            rows.append(
                (
                    "Clarification \(clarification.number) asked",
                    CaseForm.long(clarification.requestedOn) + (clarification.answer == nil ? ", not answered yet" : ", answered")
                ))
        }
        if let ratification = review.ratification { rows.append(("Ratified", CaseForm.long(ratification.ratifiedOn))) }
        if let submission = review.submission {
            rows.append(
                ("Submitted to the National Panel", CaseForm.long(submission.submittedToNationalPanel) + (submission.late ? " (late, T5)" : "")))
        }
        guard !rows.isEmpty else { return "" }
        return "<h2>Recorded so far</h2>\n<dl class=\"summary\">\n"
            + rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>\n"
    }

    /// The case's deadlines as a table.
    static func deadlines(_ deadlines: [Deadline]) -> String { CaseWords.deadlineTable(deadlines, extended: true) }
}

/// A safeguarding partner in words.
enum PartnerWords {
    static func name(_ kind: PartnerKind) -> String {
        switch kind {
        case .localAuthority: "the local authority"
        case .police: "the police"
        case .health: "health (the ICB)"
        case .other: "another agency"
        }
    }
}
