import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The agencies' steps over RPC, as the Review Team.
extension Harness {
    @discardableResult
    func requestInformation(
        _ reference: CaseReference, _ agency: String, asks: [ReviewManagementAPI.AgencySubmissionKind] = [.chronology, .informationReport]
    )
        async throws(RPCError) -> ReviewManagementAPI.RequestAgencyInformationResponse
    {
        try await call(
            ReviewManagementAPI.requestAgencyInformation,
            .init(
                caseReference: reference, agency: agency, contact: .init(name: "Lee Contact", designation: "Safeguarding Lead"), asks: asks,
                dueOn: Fixtures.date("2025-05-01")),
            as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func submitChronology(_ reference: CaseReference, _ agency: String, _ entries: [ReviewManagementAPI.ChronologyEntry]) async throws(RPCError)
        -> ReviewManagementAPI.SubmitChronologyResponse
    {
        try await call(
            ReviewManagementAPI.submitChronology, .init(caseReference: reference, agency: agency, entries: entries), as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func submitReport(_ reference: CaseReference, _ agency: String, _ report: ReviewManagementAPI.InformationReport) async throws(RPCError)
        -> ReviewManagementAPI.SubmitInformationReportResponse
    {
        try await call(
            ReviewManagementAPI.submitInformationReport, .init(caseReference: reference, agency: agency, report: report), as: ReviewTokens.reviewTeam)
    }

    @discardableResult
    func decide(
        _ reference: CaseReference, _ key: ReviewManagementAPI.SubmissionKey, _ outcome: ReviewManagementAPI.SubmissionOutcome,
        question: String? = nil
    )
        async throws(RPCError) -> ReviewManagementAPI.ReviewSubmissionResponse
    {
        try await call(
            ReviewManagementAPI.reviewSubmission, .init(caseReference: reference, submission: key, outcome: outcome, question: question),
            as: ReviewTokens.reviewTeam)
    }

    func agencyRequests(_ reference: CaseReference) async throws(RPCError) -> ReviewManagementAPI.AgencyRequests {
        try await call(ReviewManagementAPI.getAgencyRequests, .init(caseReference: reference), as: ReviewTokens.reviewTeam)
    }

    func combinedChronology(_ reference: CaseReference, format: ReviewManagementAPI.ChronologyFormat? = nil) async throws(RPCError)
        -> ReviewManagementAPI.CombinedChronology
    {
        try await call(ReviewManagementAPI.getCombinedChronology, .init(caseReference: reference, format: format), as: ReviewTokens.reviewTeam)
    }

    /// `expectRefused`, and the agencies' records read the same afterwards too.
    func expectAgencyStepRefused(
        _ reference: CaseReference, _ code: RPCCode, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async throws {
        let requests = try await agencyRequests(reference)
        let chronology = try await combinedChronology(reference)
        try await expectRefused(reference, code, prefix, sourceLocation: sourceLocation, body)
        #expect(try await agencyRequests(reference) == requests, "a refused call changed the requests", sourceLocation: sourceLocation)
        #expect(try await combinedChronology(reference) == chronology, "a refused call changed the chronology", sourceLocation: sourceLocation)
    }
}
