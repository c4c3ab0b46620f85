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
        return try await actionPlans.change(request.caseReference, call: call, request: request) { plan, tx in
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
            // Each call adds a record: once per idempotency key, so a retry adds nothing twice.
            try Idempotency.run(tx, call: call, request: request) {
                let learning = try NationalLearningStep.recording(
                    request, number: try LearningRows.nationalCount(tx) + 1, by: principal, clock: clock)
                try LearningRows.add(learning, tx)
                return learning
            }
        }
    }

    /// A page of the learning from national reviews, oldest first.
    func listNationalLearning(_ request: PublicationAPI.ListNationalLearningRequest) async throws -> PublicationAPI.ListNationalLearningResponse {
        let page = try ListPage(pageSize: request.pageSize, offset: request.offset)
        return try await context.database.read { db in
            PublicationAPI.ListNationalLearningResponse(
                learning: try LearningRows.national(db, limit: page.size, offset: page.offset), total: try LearningRows.nationalCount(db))
        }
    }
}
