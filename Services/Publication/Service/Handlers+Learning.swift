import Contract
import RPC
import ServiceKit
import Storage

/// The learning's calls (§11.3-11.5).
extension PublicationHandlers {
    /// A plan for sharing a review's learning, on the case.
    func recordLearningPlan(_ request: PublicationAPI.RecordLearningPlanRequest, _ call: CallContext) async throws
        -> PublicationAPI.RecordLearningPlanResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await actionPlans.change(request.caseReference) { plan, tx in
            let learning = try plan.recordingLearningPlan(request, by: principal, clock: clock)
            try LearningRows.add(learning, of: plan.reference, tx)
            return .init(caseReference: plan.reference, plan: learning)
        }
    }

    /// Learning from a national review, for the partnership.
    func recordNationalLearning(_ request: PublicationAPI.RecordNationalLearningRequest, _ call: CallContext) async throws
        -> PublicationAPI.NationalLearning
    {
        let (clock, principal) = (clock, principal(call))
        return try await context.database.write { tx in
            let learning = try NationalLearningStep.recording(request, number: try LearningRows.nationalCount(tx) + 1, by: principal, clock: clock)
            try LearningRows.add(learning, tx)
            return learning
        }
    }

    /// A page of the learning from national reviews, oldest first.
    func listNationalLearning(_ request: PublicationAPI.ListNationalLearningRequest) async throws -> PublicationAPI.ListNationalLearningResponse {
        let pageSize = request.pageSize ?? Self.defaultPage
        guard (1...Self.largestPage).contains(pageSize) else {
            throw PublicationError.invalidField(path: "pageSize", rule: nil, problem: "\(pageSize) is not from 1 to \(Self.largestPage)")
        }
        let offset = request.offset ?? 0
        guard offset >= 0 else { throw PublicationError.invalidField(path: "offset", rule: nil, problem: "\(offset) is below 0") }
        return try await context.database.read { db in
            PublicationAPI.ListNationalLearningResponse(
                learning: try LearningRows.national(db, limit: pageSize, offset: offset), total: try LearningRows.nationalCount(db))
        }
    }
}
