import Contract
import WorkingDays

extension Publication {
    /// A publication date and address (T9): refused before T9 allows it, before today, or once
    /// the report is published.
    func scheduling(_ request: PublicationAPI.SchedulePublicationRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.PublicationSchedule
    {
        try checkNotPublished()
        guard request.publicationDate >= clock.today else {
            throw .invalidField(path: "publicationDate", rule: .t9, problem: "\(request.publicationDate) is before today (\(clock.today))")
        }
        try WebAddress.check(request.address, path: "address")
        try AdvanceCopyRule.check(
            publicationDate: request.publicationDate, advanceCopies, version: versionInForce, of: document, calendar: clock.calendar)
        try checkAnonymisationGate()
        try checkNoHoldStanding()
        return PublicationAPI.PublicationSchedule(
            number: schedules.count + 1, reportVersion: versionInForce, publicationDate: request.publicationDate, address: request.address,
            scheduledOn: clock.today, recordedBy: principal, document: document)
    }

    /// The report published (P5): once, not after today, T9 met for the date.
    func recordingPublished(_ request: PublicationAPI.RecordPublishedRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.PublishedReport
    {
        try checkNotPublished()
        guard request.publishedOn <= clock.today else {
            throw .invalidField(path: "publishedOn", rule: .p5, problem: "\(request.publishedOn) is after today (\(clock.today))")
        }
        try WebAddress.check(request.address, path: "address")
        try AdvanceCopyRule.check(
            publicationDate: request.publishedOn, advanceCopies, version: versionInForce, of: document, calendar: clock.calendar)
        try checkAnonymisationGate()
        try checkNoHoldStanding()
        return PublicationAPI.PublishedReport(
            reportVersion: versionInForce, publishedOn: request.publishedOn, address: request.address, recordedBy: principal, document: document)
    }

    /// The submission to the NSPCC repository (P5): of the published report, on or after its
    /// publication; the acknowledgement not before the submission; neither after today.
    func recordingRepositorySubmission(
        _ request: PublicationAPI.RecordRepositorySubmissionRequest, repository: String, by principal: String, clock: CaseClock
    ) throws(PublicationError) -> PublicationAPI.RepositorySubmission {
        guard let published else {
            throw .outOfOrder(rule: .p5, problem: "the report is not published yet; the repository gets the published report (RecordPublished first)")
        }
        guard request.submittedOn >= published.publishedOn, request.submittedOn <= clock.today else {
            throw .invalidField(
                path: "submittedOn", rule: .p5,
                problem: "\(request.submittedOn) is not between the publication (\(published.publishedOn)) and today (\(clock.today))")
        }
        if let acknowledged = request.acknowledgedOn, acknowledged < request.submittedOn || acknowledged > clock.today {
            throw .invalidField(
                path: "acknowledgedOn", rule: .p5,
                problem: "\(acknowledged) is not between the submission (\(request.submittedOn)) and today (\(clock.today))")
        }
        return PublicationAPI.RepositorySubmission(
            number: repositorySubmissions.count + 1, repository: repository, submittedOn: request.submittedOn, acknowledgedOn: request.acknowledgedOn,
            recordedBy: principal)
    }

    /// A notice of delay (T8): only once a publication date passes T7's due date; both dates and
    /// the reason given, neither date after today.
    func recordingDelayNotice(_ request: ReviewManagementAPI.RecordDelayNoticeRequest, by principal: String, clock: CaseClock)
        throws(PublicationError) -> ReviewManagementAPI.DelayNotice
    {
        guard lateKnownOn != nil else {
            throw .outOfOrder(rule: .t8, problem: "no publication date passes T7's due date; there is no delay to notify")
        }
        guard let panel = request.nationalPanelInformedOn else {
            throw .invalidField(path: "nationalPanelInformedOn", rule: .t8, problem: "say when the National Panel was informed")
        }
        guard let secretary = request.secretaryOfStateInformedOn else {
            throw .invalidField(path: "secretaryOfStateInformedOn", rule: .t8, problem: "say when the Secretary of State was informed")
        }
        for (path, date) in [("nationalPanelInformedOn", panel), ("secretaryOfStateInformedOn", secretary)] where date > clock.today {
            throw .invalidField(path: path, rule: .t8, problem: "\(date) is after today (\(clock.today))")
        }
        guard let reason = request.reason?.trimmingCharacters(in: .whitespacesAndNewlines), !reason.isEmpty else {
            throw .invalidField(path: "reason", rule: .t8, problem: "give the reason for the delay, as they were told it")
        }
        return ReviewManagementAPI.DelayNotice(
            number: delayNotices.count + 1, nationalPanelInformedOn: panel, secretaryOfStateInformedOn: secretary, reason: reason,
            recordedOn: clock.today, recordedBy: principal)
    }

    /// The partners' decision, with the Case Review Panel, not to publish the report (P2): once,
    /// before publication, with reasons and who decided, dated between the approval and today.
    func decidingNotToPublish(_ request: PublicationAPI.DecideNotToPublishRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.NotPublishingDecision
    {
        try checkNotPublished()
        if let decision = notPublishingDecision {
            throw .outOfOrder(rule: .p2, problem: "the partners decided on \(decision.decidedOn) not to publish the report")
        }
        guard request.decidedOn >= preparation.approvedOn, request.decidedOn <= clock.today else {
            throw .invalidField(
                path: "decidedOn", rule: .p2,
                problem: "\(request.decidedOn) is not between the board's approval (\(preparation.approvedOn)) and today (\(clock.today))")
        }
        let reasons = request.reasons.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reasons.isEmpty else { throw .invalidField(path: "reasons", rule: .p2, problem: "record why publishing the report is inappropriate") }
        let decidedBy = request.decidedBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !decidedBy.isEmpty else { throw .invalidField(path: "decidedBy", rule: .p2, problem: "say who decided") }
        guard request.caseReviewPanelAgreed else {
            throw .invalidField(path: "caseReviewPanelAgreed", rule: .p2, problem: "the partners decide this with the Case Review Panel (§10.1)")
        }
        return PublicationAPI.NotPublishingDecision(
            decidedOn: request.decidedOn, reasons: reasons, decidedBy: decidedBy, caseReviewPanelAgreed: true, recordedBy: principal)
    }

    /// Refuses a step that changes the publication once it is published (T10: it stays as published).
    private func checkNotPublished() throws(PublicationError) {
        if let published {
            throw .outOfOrder(
                rule: .t10,
                problem:
                    "\(AdvanceCopyRule.name(published.document, published.reportVersion)) was published on \(published.publishedOn) at \(published.address)"
            )
        }
    }
}
