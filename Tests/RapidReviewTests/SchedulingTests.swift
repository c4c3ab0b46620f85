import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("ScheduleMeeting: T4 and T6")
struct SchedulingTests {
    @Test("T4: a date outside the 7-13 working-day window needs a reason, and is recorded with it")
    func t4Window() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(10)
            try await harness.prepare(reference, through: .opened)
            // 1 April is the 6th working day after the referral of 24 March: one day early.
            try await harness.expectRefused(reference, .invalidArgument, "reason: T4: 2025-04-01 is outside the T4 window, 2025-04-02 to 2025-04-10")
            {
                try await harness.schedule(reference, on: Fixtures.date("2025-04-01"))
            }
            let scheduled = try await harness.schedule(
                reference, on: Fixtures.date("2025-04-01"), reason: "Fictional: the only date the police could attend")
            #expect(scheduled.meeting.outsideT4Window)
            #expect(!scheduled.meeting.afterT6Deadline)
            #expect(scheduled.meeting.reason == "Fictional: the only date the police could attend")
            #expect(scheduled.meeting.scheduledBy == "Pat.Support")
            // Inside the window no reason is needed.
            let inside = try await harness.schedule(reference, on: Fixtures.date("2025-04-10"))
            #expect(!inside.meeting.outsideT4Window)
            #expect(inside.meeting.reason == nil)
        }
    }

    @Test("T4: a weekend inside the window is not a working day, so it needs a reason")
    func weekend() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(11)
            try await harness.prepare(reference, through: .opened)
            try await harness.expectRefused(reference, .invalidArgument, "reason: T4: 2025-04-05 (not a working day)") {
                try await harness.schedule(reference, on: Fixtures.date("2025-04-05"))
            }
        }
    }

    @Test("T6: a date after the Rapid Review's deadline needs a reason, and is flagged")
    func afterT6() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(12)
            try await harness.prepare(reference, through: .opened)
            try await harness.expectRefused(reference, .invalidArgument, "reason: T6: a meeting on 2025-04-15 is after the T6 deadline (2025-04-14)")
            {
                try await harness.schedule(reference, on: Fixtures.date("2025-04-15"))
            }
            let scheduled = try await harness.schedule(reference, on: Fixtures.date("2025-04-15"), reason: "Fictional: extraordinary panel")
            #expect(scheduled.meeting.afterT6Deadline)
            #expect(scheduled.meeting.outsideT4Window)
        }
    }

    @Test("rescheduling keeps the history, and the response shows T4 and T6 with their rule set and calendar")
    func history() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(13)
            try await harness.prepare(reference, through: .opened)
            let first = try await harness.schedule(reference, on: Fixtures.date("2025-04-03"))
            #expect(first.history.isEmpty)
            #expect(first.deadlines.map(\.rule) == [.t4, .t6])
            let second = try await harness.schedule(reference, on: Fixtures.date("2025-04-08"), format: .telephone)
            #expect(second.meeting.number == 2)
            #expect(second.history == [first.meeting])
            #expect(second.deadlines.map(\.rule) == [.t4, .t6])
            #expect(second.deadlines.allSatisfy { $0.ruleSet == .surrey2019 && $0.calendar == WorkingCalendar.englandAndWalesName })
            let rapidReview = try await harness.rapidReview(reference)
            #expect(rapidReview.schedule.map(\.date) == [Fixtures.date("2025-04-03"), Fixtures.date("2025-04-08")])
            #expect(rapidReview.milestones.map(\.event).contains("meetingRescheduled"))
            #expect(rapidReview.state == .meetingScheduled)
        }
    }

    @Test("wt-2023 counts T6 from the notification to the National Panel, and the deadlines say so")
    func workingTogether2023() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(14)
            try await harness.open(
                Fixtures.handOver(
                    reference, referralReceived: Fixtures.date("2025-03-24"), ruleSet: .workingTogether2023,
                    notifiedNationalPanel: Fixtures.date("2025-03-20")))
            let scheduled = try await harness.schedule(reference, on: Fixtures.date("2025-04-03"))
            let t6 = try #require(scheduled.deadlines.first { $0.rule == .t6 })
            #expect(t6.due == Fixtures.date("2025-04-10"))  // 15 working days after 20 March, not after 24 March
            #expect(scheduled.deadlines.allSatisfy { $0.ruleSet == .workingTogether2023 })
        }
    }

    @Test("once a quorate meeting is held there is nothing to schedule; a viewer may not schedule")
    func refusals() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(15)
            try await harness.prepare(reference, through: .meetingHeld)
            try await harness.expectRefused(reference, .failedPrecondition, "T4: the Rapid Review meeting was held on 2025-04-03") {
                try await harness.schedule(reference, on: Fixtures.date("2025-04-08"))
            }
            let denied = await captureRPCError {
                _ = try await harness.call(
                    RapidReviewAPI.scheduleMeeting, .init(caseReference: reference, date: Fixtures.date("2025-04-08"), format: .faceToFace),
                    as: TestTokens.viewer)
            }
            #expect(denied?.code == .permissionDenied)
            let unknown = await captureRPCError { try await harness.schedule(Fixtures.reference(999), on: Fixtures.date("2025-04-08")) }
            #expect(unknown?.code == .notFound)
        }
    }
}
