import Contract
import Foundation
import RPC
import ReviewManagementService
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The test tokens of this target: the shared ones and a Review Team member.
enum ReviewTokens {
    static let reviewTeam = "review-team-token-0123456789abcdef"
    static let file = TestTokens.file + "\(reviewTeam) Rev.Team review-team\n"
}

extension TestDirectory {
    /// A directory with this target's tokens and settings: TESTSHIRE, "today" 2025-04-07.
    static func reviewManagement() throws -> TestDirectory {
        try TestDirectory(
            tokens: ReviewTokens.file,
            settings: ["CSPR_TODAY": Fixtures.todayText, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2", "CSPR_LOOPS": "1"])
    }
}

/// The review-management service started in this process on a free port, with a client and
/// typed steps acting as the principal each step belongs to.
final class Harness: Sendable {
    let directory: TestDirectory
    let service: RunningService
    let client: RPCClient

    private init(directory: TestDirectory, service: RunningService) {
        self.directory = directory
        self.service = service
        client = RPCClient(host: "127.0.0.1", port: service.port)
    }

    /// Starts a fresh service with an empty database.
    static func start() async throws -> Harness {
        let directory = try TestDirectory.reviewManagement()
        let service = try await startInProcess(ReviewManagementService.definition, directory)
        return Harness(directory: directory, service: service)
    }

    func stop() async { await service.stop(grace: .seconds(1)) }

    /// Calls `method` as the holder of `token`.
    func call<Request, Response>(_ method: RPC.Method<Request, Response>, _ request: Request, as token: String, metadata: Metadata = Metadata())
        async throws(RPCError) -> Response
    {
        var all = bearer(token)
        for field in metadata { all.add(field.name, field.value) }
        return try await client.call(method, request, deadline: .seconds(10), metadata: all)
    }

    // MARK: Steps

    @discardableResult
    func commission(_ request: ReviewManagementAPI.CommissionReviewRequest, key: String? = nil) async throws(RPCError)
        -> ReviewManagementAPI.CommissionReviewResponse
    {
        var metadata = Metadata()
        metadata.add("idempotency-key", key ?? "rapid-review/CommissionReview/\(request.caseReference)")
        return try await call(ReviewManagementAPI.commissionReview, request, as: TestTokens.service(.rapidReview), metadata: metadata)
    }

    @discardableResult
    func draft(_ reference: CaseReference, _ terms: TermsOfReference = Fixtures.completeTerms, as token: String = ReviewTokens.reviewTeam)
        async throws(RPCError) -> ReviewManagementAPI.DraftTermsOfReferenceResponse
    {
        try await call(ReviewManagementAPI.draftTermsOfReference, .init(caseReference: reference, termsOfReference: terms), as: token)
    }

    @discardableResult
    func agree(_ reference: CaseReference, version: Int = 1, as token: String = TestTokens.panel) async throws(RPCError)
        -> ReviewManagementAPI.AgreeTermsOfReferenceResponse
    {
        try await call(
            ReviewManagementAPI.agreeTermsOfReference, .init(caseReference: reference, version: version, agreedOn: Fixtures.today), as: token)
    }

    @discardableResult
    func changeKeyLines(_ reference: CaseReference, _ lines: [String], reason: String, as token: String = TestTokens.panel) async throws(RPCError)
        -> ReviewManagementAPI.ChangeKeyLinesOfEnquiryResponse
    {
        try await call(
            ReviewManagementAPI.changeKeyLinesOfEnquiry,
            .init(caseReference: reference, keyLinesOfEnquiry: lines, reason: reason, approvedOn: Fixtures.today),
            as: token)
    }

    @discardableResult
    func recordNationalPanelDecision(_ request: ReviewManagementAPI.RecordNationalPanelDecisionRequest, as token: String = TestTokens.staff)
        async throws(RPCError) -> ReviewManagementAPI.RecordNationalPanelDecisionResponse
    {
        try await call(ReviewManagementAPI.recordNationalPanelDecision, request, as: token)
    }

    func review(_ reference: CaseReference) async throws(RPCError) -> ReviewManagementAPI.Review {
        try await call(ReviewManagementAPI.getReview, .init(caseReference: reference), as: ReviewTokens.reviewTeam)
    }

    /// One page of the status feed after `since`, as the gateway asks.
    func page(after since: StatusCursor?) async throws(RPCError) -> GetStatusesResponse {
        try await call(ReviewManagementAPI.getStatuses, .init(since: since), as: TestTokens.service(.gateway))
    }

    /// Every stored status row's version and text, by reference.
    func feedRows() async throws -> [String: String] {
        try await service.context.database.read { db in
            var rows: [String: String] = [:]
            for row in try db.query("SELECT reference, version, status FROM case_status") {
                let version: Int64 = try row[1]
                let status: String = try row[2]
                rows[try row[0]] = "\(version) \(status)"
            }
            return rows
        }
    }

    /// How far `prepare` takes a review.
    enum Step: Int, Comparable {
        case commissioned, drafted, agreed
        static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Takes a new local review through the valid steps up to `step`.
    func prepare(_ reference: CaseReference, through step: Step, kind: Recommendation = .localReview) async throws {
        try await commission(Fixtures.commission(reference, kind: kind))
        guard step >= .drafted else { return }
        try await draft(reference)
        guard step >= .agreed else { return }
        try await agree(reference)
    }

    /// Runs a call that must be refused with `code` and a message starting with `prefix`, and
    /// checks that the review and the status feed read the same afterwards: a refused call
    /// changes nothing.
    func expectRefused(
        _ reference: CaseReference, _ code: RPCCode, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async throws {
        let before = try await review(reference)
        let feedBefore = try await feedRows()
        let error = await captureRPCError(body)
        #expect(error?.code == code, "\(error?.description ?? "not refused")", sourceLocation: sourceLocation)
        #expect(
            error?.message.hasPrefix(prefix) == true, "\(error?.message ?? "not refused") does not start with \(prefix)",
            sourceLocation: sourceLocation)
        #expect(try await review(reference) == before, "a refused call changed the review", sourceLocation: sourceLocation)
        #expect(try await feedRows() == feedBefore, "a refused call changed the status feed", sourceLocation: sourceLocation)
    }

    /// Starts a fresh service in `directory` whose hand-overs go to publication at `publicationPort`.
    static func start(directory: TestDirectory, publicationPort: Int) async throws -> Harness {
        let service = try await startInProcess(ReviewManagementService.definition, directory, peers: [.publication: publicationPort])
        return Harness(directory: directory, service: service)
    }
}

/// Runs `body` with a fresh service and stops it however `body` ends.
func withHarness<T>(_ body: (Harness) async throws -> T) async throws -> T {
    let harness = try await Harness.start()
    return try await withStopping(harness, stop: { await $0.stop() }, body)
}

/// Runs `body` with a fresh service holding review `sequence`, taken through `step`.
func withReview<T>(
    _ sequence: Int, through step: Harness.Step, kind: Recommendation = .localReview, _ body: (Harness, CaseReference) async throws -> T
) async throws -> T {
    try await withHarness { harness in
        let reference = Fixtures.reference(sequence)
        try await harness.prepare(reference, through: step, kind: kind)
        return try await body(harness, reference)
    }
}
