import Contract
import RPC
import Testing
import WorkingDays

/// A call on a case that must be refused with `code` and a message starting with `prefix`.
struct Refusal: Sendable {
    var code: RPCCode
    var prefix: String
    var call: @Sendable (Harness, CaseReference) async throws -> Void
    // Where the row was written, so a failure points at the row, not at the shared helper.
    var sourceLocation: SourceLocation

    init(
        _ code: RPCCode, _ prefix: String, sourceLocation: SourceLocation = #_sourceLocation,
        _ call: @escaping @Sendable (Harness, CaseReference) async throws -> Void
    ) {
        self.code = code
        self.prefix = prefix
        self.call = call
        self.sourceLocation = sourceLocation
    }

    /// Refused for a role the method does not admit; the message is the framework's, so only the code is asked for.
    static func denied(sourceLocation: SourceLocation = #_sourceLocation, _ call: @escaping @Sendable (Harness, CaseReference) async throws -> Void)
        -> Refusal
    {
        Refusal(.permissionDenied, "", sourceLocation: sourceLocation, call)
    }

    /// RecordMeeting of the valid record of the meeting on `date`, changed by `change`.
    static func record(
        _ prefix: String, code: RPCCode = .invalidArgument, on date: CivilDate = Fixtures.Scenario.onTime.meetingDate,
        sourceLocation: SourceLocation = #_sourceLocation, _ change: @escaping @Sendable (inout RapidReviewAPI.RecordMeetingRequest) -> Void
    ) -> Refusal {
        Refusal(code, prefix, sourceLocation: sourceLocation) { harness, reference in
            var request = Fixtures.meeting(reference, on: date)
            change(&request)
            try await harness.record(request)
        }
    }

    /// AgreeRecommendation of `decision`.
    static func agree(
        _ prefix: String, code: RPCCode = .invalidArgument, _ decision: RecommendationDecision, sourceLocation: SourceLocation = #_sourceLocation
    ) -> Refusal {
        Refusal(code, prefix, sourceLocation: sourceLocation) { harness, reference in try await harness.agree(reference, decision) }
    }
}

extension Harness {
    /// Makes `refusal`'s call on `reference` and checks it is refused as it says and changes nothing.
    func expect(_ refusal: Refusal, on reference: CaseReference) async throws {
        try await expectRefused(reference, refusal.code, refusal.prefix, sourceLocation: refusal.sourceLocation) {
            try await refusal.call(self, reference)
        }
    }
}

/// One former test as a row: a new case taken through `step`, what is done to it first, the calls it
/// must refuse in order (each changing nothing), then what is accepted and checked afterwards.
struct RefusalCase: Sendable, CustomTestStringConvertible {
    typealias Action = @Sendable (Harness, CaseReference) async throws -> Void

    /// The former test's title, with its rule id.
    var testDescription: String
    var sequence: Int
    var scenario = Fixtures.Scenario.onTime
    var step: Harness.Step
    var recommendation = Recommendation.localReview
    var before: Action?
    var refusals: [Refusal]
    var then: Action?

    init(
        _ title: String, _ sequence: Int, through step: Harness.Step, recommendation: Recommendation = .localReview, before: Action? = nil,
        _ refusals: [Refusal], then: Action? = nil
    ) {
        testDescription = title
        self.sequence = sequence
        self.step = step
        self.recommendation = recommendation
        self.before = before
        self.refusals = refusals
        self.then = then
    }

    /// Runs the row against a fresh service.
    func check() async throws {
        try await withCase(sequence, scenario, through: step, recommendation: recommendation) { harness, reference in
            try await before?(harness, reference)
            for refusal in refusals { try await harness.expect(refusal, on: reference) }
            try await then?(harness, reference)
        }
    }
}

/// Runs `body` with a fresh service holding case `sequence`, taken through `step` (Harness.prepare).
func withCase<T>(
    _ sequence: Int, _ scenario: Fixtures.Scenario = .onTime, through step: Harness.Step, recommendation: Recommendation = .localReview,
    intakePort: Int? = nil, _ body: (Harness, CaseReference) async throws -> T
) async throws -> T {
    try await withHarness(intakePort: intakePort) { harness in
        let reference = Fixtures.reference(sequence)
        try await harness.prepare(reference, scenario, through: step, recommendation: recommendation)
        return try await body(harness, reference)
    }
}
