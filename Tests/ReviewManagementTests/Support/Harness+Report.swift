import Contract
import RPC
import ServiceTestSupport
import TestSupport
import WorkingDays

/// A board member's token beside this target's others.
enum ReportTokens {
    static let board = "board-token-0123456789abcdef"
    static let file = ReviewTokens.file + "\(board) Bo.Board board\n"
}

extension TestDirectory {
    /// `reviewManagement()`'s settings with a board member in the tokens file.
    static func reviewReport() throws -> TestDirectory {
        try TestDirectory(
            tokens: ReportTokens.file,
            settings: ["CSPR_TODAY": Fixtures.todayText, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2", "CSPR_LOOPS": "1"])
    }
}

/// The report steps, each as the principal it belongs to.
extension Harness {
    @discardableResult
    func submitReport(_ request: ReviewManagementAPI.SubmitReportDraftRequest, as token: String = ReviewTokens.reviewTeam)
        async throws(RPCError) -> ReviewManagementAPI.SubmitReportDraftResponse
    {
        try await call(ReviewManagementAPI.submitReportDraft, request, as: token)
    }

    @discardableResult
    func confirmTermsMet(_ reference: CaseReference, version: Int = 1, as token: String = ReviewTokens.reviewTeam) async throws(RPCError)
        -> ReviewManagementAPI.ReportVersionStepResponse
    {
        try await call(
            ReviewManagementAPI.confirmTermsOfReferenceMet, .init(caseReference: reference, version: version, on: Fixtures.today), as: token)
    }

    @discardableResult
    func endorse(_ reference: CaseReference, version: Int = 1, as token: String = ReportTokens.board) async throws(RPCError)
        -> ReviewManagementAPI.ReportVersionStepResponse
    {
        try await call(ReviewManagementAPI.endorseRecommendations, .init(caseReference: reference, version: version, on: Fixtures.today), as: token)
    }

    @discardableResult
    func approve(_ reference: CaseReference, version: Int = 1, as token: String = ReportTokens.board) async throws(RPCError)
        -> ReviewManagementAPI.ReportVersionStepResponse
    {
        try await call(ReviewManagementAPI.approveReport, .init(caseReference: reference, version: version, on: Fixtures.today), as: token)
    }
}

/// Runs `body` with a fresh service, a board member among its tokens, whose hand-overs go to
/// publication at `publicationPort` (nothing listens there unless the test starts it).
func withReportHarness<T>(publicationPort: Int, _ body: (Harness) async throws -> T) async throws -> T {
    let harness = try await Harness.start(directory: try TestDirectory.reviewReport(), publicationPort: publicationPort)
    return try await withStopping(harness, stop: { await $0.stop() }, body)
}
