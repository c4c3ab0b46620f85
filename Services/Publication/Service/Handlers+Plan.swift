import Contract
import RPC
import ServiceKit

/// The publication plan's calls (P3), the holds and the archive step (T10).
extension PublicationHandlers {
    /// A version of the publication plan.
    func recordPublicationPlan(_ request: PublicationAPI.RecordPublicationPlanRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordPublicationPlanResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let plan = try publication.recordingPlan(request, by: principal, clock: clock)
            try writer.add(plan, number: plan.version, to: .publicationPlans, of: publication.reference)
            return .init(caseReference: publication.reference, plan: plan)
        }
    }

    /// Publication held for parallel proceedings.
    func recordPublicationHold(_ request: PublicationAPI.RecordPublicationHoldRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordPublicationHoldResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let hold = try publication.recordingHold(request, by: principal, clock: clock)
            try writer.add(hold, number: hold.number, to: .publicationHolds, of: publication.reference)
            return .init(caseReference: publication.reference, hold: hold)
        }
    }

    /// A hold released.
    func releasePublicationHold(_ request: PublicationAPI.ReleasePublicationHoldRequest, _ call: CallContext) async throws
        -> PublicationAPI.ReleasePublicationHoldResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let release = try publication.releasingHold(request, by: principal, clock: clock)
            try writer.add(release, number: release.holdNumber, to: .publicationHoldReleases, of: publication.reference)
            var updated = publication
            updated.holdReleases.append(release)
            return .init(caseReference: publication.reference, release: release, holdsStanding: updated.holdsStanding.map(\.number))
        }
    }

    /// The archive step (T10).
    func recordArchived(_ request: PublicationAPI.RecordArchivedRequest, _ call: CallContext) async throws -> PublicationAPI.RecordArchivedResponse {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { publication, writer in
            let archived = try publication.recordingArchived(request, by: principal, clock: clock)
            try writer.add(archived, to: .archivedReports, of: publication.reference)
            var updated = publication
            updated.archived = archived
            return .init(caseReference: publication.reference, archived: archived, deadlines: updated.deadlines(clock))
        }
    }
}
