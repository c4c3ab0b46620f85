import Contract
import RPC
import ServiceTestSupport
import WorkingDays

/// The lead reviewer and team steps, as the Review Team calls them.
extension Harness {
    @discardableResult
    func appoint(_ reference: CaseReference, as token: String = ReviewTokens.reviewTeam) async throws(RPCError)
        -> ReviewManagementAPI.AppointLeadReviewerResponse
    {
        try await call(ReviewManagementAPI.appointLeadReviewer, Fixtures.appointment(reference), as: token)
    }

    @discardableResult
    func recordNotices(_ reference: CaseReference, _ notices: [ReviewManagementAPI.ReviewerNotice]) async throws(RPCError)
        -> ReviewManagementAPI.RecordReviewerNoticeResponse
    {
        try await call(ReviewManagementAPI.recordReviewerNotice, .init(caseReference: reference, notices: notices), as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func setTeam(_ reference: CaseReference, _ members: [ReviewManagementAPI.ReviewTeamRole] = Fixtures.fullTeam, reason: String? = nil)
        async throws(RPCError) -> ReviewManagementAPI.SetReviewTeamResponse
    {
        try await call(
            ReviewManagementAPI.setReviewTeam, .init(caseReference: reference, members: members, missingPartnerReason: reason),
            as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func declare(_ request: ReviewManagementAPI.RecordDeclarationRequest) async throws(RPCError) -> ReviewManagementAPI.RecordDeclarationResponse {
        try await call(ReviewManagementAPI.recordDeclaration, request, as: ReviewTokens.reviewTeam)
    }
}
