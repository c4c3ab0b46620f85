import Contract
import RPC
import ServiceKit

/// The calls of publishing itself: the date, the publication, the repository, the notice of delay.
extension PublicationHandlers {
    /// The publication date and address (T9).
    func schedulePublication(_ request: PublicationAPI.SchedulePublicationRequest, _ call: CallContext) async throws
        -> PublicationAPI.SchedulePublicationResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let schedule = try publication.scheduling(request, by: principal, clock: clock)
            try writer.add(schedule, number: schedule.number, to: .publicationSchedules, of: publication.reference)
            var updated = publication
            updated.schedules.append(schedule)
            return .init(caseReference: publication.reference, schedule: schedule, deadlines: updated.deadlines(clock))
        }
    }

    /// The report published (P5, T10).
    func recordPublished(_ request: PublicationAPI.RecordPublishedRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordPublishedResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let published = try publication.recordingPublished(request, by: principal, clock: clock)
            try writer.add(published, to: .publishedReports, of: publication.reference)
            var updated = publication
            updated.published = published
            return .init(caseReference: publication.reference, published: published, deadlines: updated.deadlines(clock))
        }
    }

    /// The NSPCC repository submission and its acknowledgement (P5), to the configured address.
    func recordRepositorySubmission(_ request: PublicationAPI.RecordRepositorySubmissionRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordRepositorySubmissionResponse
    {
        let (clock, principal, repository) = (clock, principal(call), settings.nspccRepositoryURL)
        return try await store.change(request.caseReference) { publication, writer in
            let submission = try publication.recordingRepositorySubmission(request, repository: repository, by: principal, clock: clock)
            try writer.add(submission, number: submission.number, to: .repositorySubmissions, of: publication.reference)
            return .init(caseReference: publication.reference, submission: submission)
        }
    }

    /// The National Panel and the Secretary of State told of a publication after six months (T8).
    func recordDelayNotice(_ request: ReviewManagementAPI.RecordDelayNoticeRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordDelayNoticeResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let notice = try publication.recordingDelayNotice(request, by: principal, clock: clock)
            try writer.add(notice, number: notice.number, to: .delayNotices, of: publication.reference)
            var updated = publication
            updated.delayNotices.append(notice)
            return .init(caseReference: publication.reference, notice: notice, deadlines: updated.deadlines(clock))
        }
    }

    /// The partners' decision, with the Case Review Panel, not to publish the report (P2).
    func decideNotToPublish(_ request: PublicationAPI.DecideNotToPublishRequest, _ call: CallContext) async throws
        -> PublicationAPI.DecideNotToPublishResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let decision = try publication.decidingNotToPublish(request, by: principal, clock: clock)
            try writer.add(decision, to: .notPublishingDecisions, of: publication.reference)
            var updated = publication
            updated.notPublishingDecision = decision
            return .init(caseReference: publication.reference, decision: decision, state: updated.state)
        }
    }
}
