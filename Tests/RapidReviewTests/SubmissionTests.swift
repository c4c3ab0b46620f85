import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("RecordSubmission: the National Panel and every agency (R10, T5, T6)")
struct SubmissionTests {
    static let today = Fixtures.date(TestDirectory.today)

    @Test("R10: the submission needs the ratified outcome")
    func needsRatification() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(50)
            try await harness.prepare(reference, through: .recommended)
            try await harness.expectRefused(
                reference, .failedPrecondition, "R10: the submission needs the ratified outcome; not ratified yet (Ratify)"
            ) {
                try await harness.submit(reference, on: Self.today)
            }
        }
    }

    @Test("R10: the outcome goes to every agency asked for scoping and to the referrer, after the ratification")
    func sharing() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(51)
            try await harness.prepare(reference, through: .ratified)
            let everyone = Fixtures.sharing(on: Self.today)
            try await harness.expectRefused(reference, .invalidArgument, "sharedWith: R10: the outcome is shared with the referrer too") {
                try await harness.submit(reference, on: Self.today, sharedWith: everyone.map { .init(agency: $0.agency, date: $0.date) })
            }
            try await harness.expectRefused(reference, .invalidArgument, "sharedWith: R10: the outcome was not shared with Testshire Police") {
                try await harness.submit(reference, on: Self.today, sharedWith: everyone.filter { $0.agency != Fixtures.police.name })
            }
            try await harness.expectRefused(reference, .invalidArgument, "sharedWith: R10:") {
                try await harness.submit(reference, on: Self.today, sharedWith: [])
            }
            var early = everyone
            early[0].date = Fixtures.date("2025-04-04")
            try await harness.expectRefused(
                reference, .invalidArgument, "sharedWith[0].date: R10: 2025-04-04 is before the ratification on 2025-04-07"
            ) {
                try await harness.submit(reference, on: Self.today, sharedWith: early)
            }
            try await harness.expectRefused(reference, .invalidArgument, "submittedToNationalPanel: R10: 2025-04-04 is before the ratification") {
                try await harness.submit(reference, on: Fixtures.date("2025-04-04"))
            }
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(recorded.complete)
            #expect(recorded.submission.sharedWith == everyone)
            try await harness.expectRefused(reference, .failedPrecondition, "R10: already submitted to the National Panel on 2025-04-07") {
                try await harness.submit(reference, on: Self.today)
            }
            let rapidReview = try await harness.rapidReview(reference)
            #expect(rapidReview.state == .submitted)
            #expect(rapidReview.outcome?.submittedToNationalPanel == Self.today)
            #expect(rapidReview.milestones.map(\.event).suffix(2) == ["submittedToNationalPanel", "outcomeShared"])
        }
    }

    @Test("T5: submitted within 2 working days of the meeting is on time; T5 and T6 are met")
    func onTime() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(52)
            try await harness.prepare(reference, .onTime, through: .ratified)
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(!recorded.submission.late)
            #expect(recorded.submission.t6Met)
            #expect(recorded.deadlines.first { $0.rule == .t5 }?.status == .met)
            #expect(recorded.deadlines.first { $0.rule == .t6 }?.status == .met)
        }
    }

    @Test("T5: a submission more than 2 working days after the meeting is recorded, flagged late")
    func late() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(53)
            try await harness.prepare(reference, .lateSubmission, through: .ratified)
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(recorded.submission.late)
            let t5 = try #require(recorded.deadlines.first { $0.rule == .t5 })
            #expect(t5.due == Fixtures.date("2025-04-03"))
            #expect(t5.status == .metLate)
            #expect(recorded.submission.t6Met, "T6 (7 April) is still met")
        }
    }

    @Test("T6: a Rapid Review completed after its 15 working days is recorded as missed")
    func t6Missed() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(54)
            try await harness.prepare(reference, .pastT6, through: .ratified)
            let before = try await harness.rapidReview(reference)
            #expect(before.deadlines.first { $0.rule == .t6 }?.status == .overdue)
            let recorded = try await harness.submit(reference, on: Self.today)
            #expect(!recorded.submission.t6Met)
            let t6 = try #require(recorded.deadlines.first { $0.rule == .t6 })
            #expect(t6.due == Fixtures.date("2025-03-31"))
            #expect(t6.status == .metLate)
            #expect(t6.metOn == Self.today)
        }
    }

    @Test("the panel or partnership support records the submission; a viewer may not")
    func roles() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(55)
            try await harness.prepare(reference, through: .ratified)
            let denied = await captureRPCError {
                _ = try await harness.call(
                    RapidReviewAPI.recordSubmission,
                    .init(caseReference: reference, submittedToNationalPanel: Self.today, sharedWith: Fixtures.sharing(on: Self.today)),
                    as: TestTokens.viewer)
            }
            #expect(denied?.code == .permissionDenied)
            _ = try await harness.call(
                RapidReviewAPI.recordSubmission,
                .init(caseReference: reference, submittedToNationalPanel: Self.today, sharedWith: Fixtures.sharing(on: Self.today)),
                as: TestTokens.panel)
        }
    }
}
