import Contract
import Foundation
import RPC
import RapidReviewService
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The rapid-review service started in this process on a free port, with a client and
/// typed steps acting as the principal each step belongs to.
final class Harness: Sendable {
    let directory: TestDirectory
    let service: RunningService
    let client: RPCClient
    /// Where the service sends CommissionReview (nothing listens there unless a test starts the stand-in).
    let reviewManagementPort: Int
    /// The stand-in intake that checks the free text (clean unless told otherwise); nil when
    /// the test gave intake's port itself.
    let intake: DisclosureCheckingIntake?

    private init(directory: TestDirectory, service: RunningService, reviewManagementPort: Int, intake: DisclosureCheckingIntake?) {
        self.directory = directory
        self.service = service
        self.reviewManagementPort = reviewManagementPort
        self.intake = intake
        client = RPCClient(host: "127.0.0.1", port: service.port)
    }

    /// Starts a fresh service with an empty database; intake at `intakePort` when given, else
    /// a `DisclosureCheckingIntake` (the free text clean; no particulars, no hand-overs taken).
    static func start(
        reviewManagementPort: Int? = nil, directory: TestDirectory? = nil, intakePort: Int? = nil, extra: [String: String] = [:]
    ) async throws -> Harness {
        let directory = try directory ?? TestDirectory.rapidReview()
        let port = try reviewManagementPort ?? freePort()
        let standIn = intakePort == nil ? try DisclosureCheckingIntake() : nil
        let service: RunningService
        do {
            service = try await startInProcess(
                RapidReviewService.definition, directory, peers: [.reviewManagement: port, .intake: intakePort ?? standIn?.port ?? 0], extra: extra)
        } catch {
            await standIn?.stop()
            throw error
        }
        return Harness(directory: directory, service: service, reviewManagementPort: port, intake: standIn)
    }

    func stop() async {
        await service.stop(grace: .seconds(1))
        await intake?.stop()
    }

    /// The outbox's messages not yet delivered to `destination`: method path, JSON payload and
    /// delivery attempts so far.
    func pendingHandOvers(to destination: ServiceIdentity) async throws -> [(method: String, payload: String, attempts: Int)] {
        try await service.context.database.read { db in
            try db.query(
                "SELECT method, payload, attempts FROM outbox WHERE destination = ? AND status = 'pending' ORDER BY id", destination.name
            ).map {
                (method: try $0["method"], payload: String(decoding: try $0["payload"] as Data, as: UTF8.self), attempts: try $0["attempts"])
            }
        }
    }

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
    func open(_ request: RapidReviewAPI.OpenRapidReviewRequest, key: String? = nil) async throws(RPCError) -> RapidReviewAPI.OpenRapidReviewResponse {
        var metadata = Metadata()
        metadata.add("idempotency-key", key ?? "intake/OpenRapidReview/\(request.caseReference)")
        return try await call(RapidReviewAPI.openRapidReview, request, as: TestTokens.service(.intake), metadata: metadata)
    }

    /// intake's `UpdateRapidReview`, keyed as intake keys it unless `key` is given.
    @discardableResult
    func update(_ request: RapidReviewAPI.UpdateRapidReviewRequest, key: String? = nil) async throws(RPCError)
        -> RapidReviewAPI.UpdateRapidReviewResponse
    {
        var metadata = Metadata()
        metadata.add("idempotency-key", key ?? "intake/UpdateRapidReview/\(request.caseReference)/\(request.revision)")
        return try await call(RapidReviewAPI.updateRapidReview, request, as: TestTokens.service(.intake), metadata: metadata)
    }

    @discardableResult
    func schedule(_ reference: CaseReference, on date: CivilDate, format: MeetingFormat = .faceToFace, reason: String? = nil) async throws(RPCError)
        -> RapidReviewAPI.ScheduleMeetingResponse
    {
        try await call(
            RapidReviewAPI.scheduleMeeting, .init(caseReference: reference, date: date, format: format, reason: reason), as: TestTokens.staff)
    }

    @discardableResult
    func record(_ request: RapidReviewAPI.RecordMeetingRequest) async throws(RPCError) -> RapidReviewAPI.RecordMeetingResponse {
        try await call(RapidReviewAPI.recordMeeting, request, as: TestTokens.panel)
    }

    /// Marks the meeting's immediate action `action` (from 1) as taken on `date` (R4).
    @discardableResult
    func actionDone(_ reference: CaseReference, _ action: Int = 1, on date: CivilDate) async throws(RPCError)
        -> RapidReviewAPI.RecordActionDoneResponse
    {
        try await call(RapidReviewAPI.recordActionDone, .init(caseReference: reference, action: action, doneOn: date), as: TestTokens.staff)
    }

    @discardableResult
    func agree(_ reference: CaseReference, _ decision: RecommendationDecision, answer: String? = nil) async throws(RPCError)
        -> RapidReviewAPI.AgreeRecommendationResponse
    {
        try await call(
            RapidReviewAPI.agreeRecommendation, .init(caseReference: reference, decision: decision, answerToClarification: answer),
            as: TestTokens.panel)
    }

    @discardableResult
    func askClarification(_ reference: CaseReference, _ question: String) async throws(RPCError) -> RapidReviewAPI.RequestClarificationResponse {
        try await call(RapidReviewAPI.requestClarification, .init(caseReference: reference, question: question), as: TestTokens.chair)
    }

    @discardableResult
    func ratify(_ reference: CaseReference) async throws(RPCError) -> RapidReviewAPI.RatifyResponse {
        try await call(RapidReviewAPI.ratify, .init(caseReference: reference, comments: "Fictional: endorsed"), as: TestTokens.chair)
    }

    @discardableResult
    func submit(_ reference: CaseReference, on date: CivilDate, sharedWith: [RapidReviewAPI.OutcomeShared]? = nil) async throws(RPCError)
        -> RapidReviewAPI.RecordSubmissionResponse
    {
        try await call(
            RapidReviewAPI.recordSubmission,
            .init(caseReference: reference, submittedToNationalPanel: date, sharedWith: sharedWith ?? Fixtures.sharing(on: date)),
            as: TestTokens.staff)
    }

    func rapidReview(_ reference: CaseReference) async throws(RPCError) -> RapidReviewAPI.RapidReview {
        try await call(RapidReviewAPI.getRapidReview, .init(caseReference: reference), as: TestTokens.panel)
    }

    /// How far `prepare` takes a case.
    enum Step: Int, Comparable {
        case opened, scheduled, meetingHeld, recommended, ratified, submitted
        static func < (lhs: Step, rhs: Step) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Takes a new case through the valid steps up to `step`.
    func prepare(
        _ reference: CaseReference, _ scenario: Fixtures.Scenario = .onTime, through step: Step, recommendation: Recommendation = .localReview
    ) async throws {
        try await open(Fixtures.handOver(reference, referralReceived: scenario.referralReceived))
        guard step >= .scheduled else { return }
        try await schedule(reference, on: scenario.meetingDate)
        guard step >= .meetingHeld else { return }
        try await record(Fixtures.meeting(reference, on: scenario.meetingDate))
        guard step >= .recommended else { return }
        try await agree(reference, Fixtures.decision(recommendation))
        guard step >= .ratified else { return }
        try await ratify(reference)
        guard step >= .submitted else { return }
        try await submit(reference, on: Fixtures.date(TestDirectory.today))
    }

    /// Runs a call that must be refused with `code` and a message starting with `prefix`, and
    /// checks that the case reads the same afterwards: a refused call changes nothing.
    func expectRefused(
        _ reference: CaseReference, _ code: RPCCode, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> Void
    ) async throws {
        let before = try await rapidReview(reference)
        let error = await captureRPCError(body)
        #expect(error?.code == code, "\(error?.description ?? "not refused")", sourceLocation: sourceLocation)
        #expect(
            error?.message.hasPrefix(prefix) == true, "\(error?.message ?? "not refused") does not start with \(prefix)",
            sourceLocation: sourceLocation)
        let after = try await rapidReview(reference)
        #expect(after == before, "a refused call changed the case", sourceLocation: sourceLocation)
    }
}

/// Runs `body` with a fresh service and stops it however `body` ends.
func withHarness<T>(
    reviewManagementPort: Int? = nil, intakePort: Int? = nil, extra: [String: String] = [:], _ body: (Harness) async throws -> T
) async throws -> T {
    let harness = try await Harness.start(reviewManagementPort: reviewManagementPort, intakePort: intakePort, extra: extra)
    return try await withStopping(harness, stop: { await $0.stop() }, body)
}
