import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 11: R4's immediate actions are followed up: deadlines while open, marked done,
/// kept when the outcome closes the case.
@Suite("R4: immediate actions followed up after the meeting")
struct ImmediateActionTests {
    static let today = Fixtures.date(TestDirectory.today)

    static func status(_ harness: Harness, _ reference: CaseReference) async throws -> CaseStatus? {
        try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer).statuses.first
    }

    @Test(
        "R4: an open action with a by-when date is an overdue deadline, still after h or i closes the case; marked done there, it is no longer one",
        arguments: [(Recommendation.noFurtherAction, 81), (.learningActedUpon, 82)])
    func followedUpAfterClosing(recommendation: Recommendation, sequence: Int) async throws {
        try await withCase(sequence, through: .submitted, recommendation: recommendation) { harness, reference in
            let closed = try #require(try await Self.status(harness, reference))
            #expect(closed.stage == .closed)
            let action = try #require(closed.deadlines.first { $0.rule == .r4 })
            #expect(action.subject == "immediate action 1 by Testshire Children's Services")
            #expect(action.due == Fixtures.date("2025-04-04"))
            #expect(action.status == .overdue)

            let done = try await harness.actionDone(reference, on: Fixtures.date("2025-04-07"))
            #expect(done.actions.map(\.done) == [true])
            #expect(done.deadlines.isEmpty)
            #expect(done.recorded.recordedBy == "Pat.Support")
            let after = try #require(try await Self.status(harness, reference))
            #expect(after.stage == .closed)
            #expect(!after.deadlines.contains { $0.rule == .r4 })
            #expect(!after.deadlines.contains { $0.status == .overdue })
            #expect(try await harness.rapidReview(reference).actionsDone?.map(\.doneOn) == [Fixtures.date("2025-04-07")])
        }
    }

    @Test(
        "R4: marking done is refused for an action the meeting did not agree, a date before the meeting, or by a role that may not",
        arguments: [
            Refusal(.invalidArgument, "action: R4: the meeting agreed 1 immediate actions; there is no action 2") { harness, reference in
                try await harness.actionDone(reference, 2, on: ImmediateActionTests.today)
            },
            Refusal(.invalidArgument, "doneOn: R4: 2025-04-02 is before the meeting (2025-04-03)") { harness, reference in
                try await harness.actionDone(reference, on: Fixtures.date("2025-04-02"))
            },
            Refusal.denied { harness, reference in
                _ = try await harness.call(
                    RapidReviewAPI.recordActionDone, .init(caseReference: reference, action: 1, doneOn: ImmediateActionTests.today),
                    as: TestTokens.chair)
            },
        ])
    func refused(_ refusal: Refusal) async throws {
        try await withCase(83, through: .meetingHeld) { harness, reference in
            try await harness.expectRefused(reference, refusal.code, refusal.prefix, sourceLocation: refusal.sourceLocation) {
                try await refusal.call(harness, reference)
            }
        }
    }

    @Test("R4: an action is marked done once; the first date stands")
    func doneOnce() async throws {
        try await withCase(85, through: .meetingHeld) { harness, reference in
            try await harness.actionDone(reference, on: Fixtures.date("2025-04-04"))
            try await harness.expectRefused(reference, .failedPrecondition, "R4: action 1 was recorded as taken on 2025-04-04") {
                try await harness.actionDone(reference, on: ImmediateActionTests.today)
            }
        }
    }

    @Test("R4: no immediate action can be marked done before the quorate meeting")
    func beforeMeeting() async throws {
        try await withCase(84, through: .scheduled) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "R4: immediate actions are agreed at the quorate meeting") {
                try await harness.actionDone(reference, on: ImmediateActionTests.today)
            }
        }
    }
}
