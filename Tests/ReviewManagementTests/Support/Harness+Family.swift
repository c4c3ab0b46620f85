import Contract
import RPC
import ServiceTestSupport
import WorkingDays

/// The family steps, as the Review Team calls them.
extension Harness {
    @discardableResult
    func recordMember(_ request: ReviewManagementAPI.RecordFamilyMemberRequest) async throws(RPCError)
        -> ReviewManagementAPI.RecordFamilyMemberResponse
    {
        try await call(ReviewManagementAPI.recordFamilyMember, request, as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func recordContact(_ request: ReviewManagementAPI.RecordFamilyContactRequest) async throws(RPCError)
        -> ReviewManagementAPI.RecordFamilyContactResponse
    {
        try await call(ReviewManagementAPI.recordFamilyContact, request, as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func scheduleWorkshop(_ reference: CaseReference, on date: String) async throws(RPCError) -> ReviewManagementAPI.ScheduleLearningEventResponse {
        try await call(
            ReviewManagementAPI.scheduleLearningEvent, .init(caseReference: reference, kind: .practitionersWorkshop, date: Fixtures.date(date)),
            as: ReviewTokens.reviewTeam)
    }
}
