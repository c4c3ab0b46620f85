import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("ScheduleMeeting: T4 and T6")
struct SchedulingTests {
    @Test("rescheduling keeps the history, and the response shows T4 and T6 with their rule set and calendar")
    func history() async throws {
        try await withCase(13, through: .opened) { harness, reference in
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

    /// Each former test of a date refused, as a row: refused, naming the rule, changing nothing; then, where the
    /// former test went on, the date given with a reason is scheduled and flagged.
    static let refusedDates: [RefusalCase] = [
        RefusalCase(
            "T4: a date outside the 7-13 working-day window needs a reason, and is recorded with it", 10, through: .opened,
            // 1 April is the 6th working day after the referral of 24 March: one day early.
            [
                Refusal(.invalidArgument, "reason: T4: 2025-04-01 is outside the T4 window, 2025-04-02 to 2025-04-10") {
                    try await $0.schedule($1, on: Fixtures.date("2025-04-01"))
                }
            ],
            then: { harness, reference in
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
            }),
        RefusalCase(
            "T4: a weekend inside the window is not a working day, so it needs a reason", 11, through: .opened,
            [Refusal(.invalidArgument, "reason: T4: 2025-04-05 (not a working day)") { try await $0.schedule($1, on: Fixtures.date("2025-04-05")) }]),
        RefusalCase(
            "T6: a date after the Rapid Review's deadline needs a reason, and is flagged", 12, through: .opened,
            [
                Refusal(.invalidArgument, "reason: T6: a meeting on 2025-04-15 is after the T6 deadline (2025-04-14)") {
                    try await $0.schedule($1, on: Fixtures.date("2025-04-15"))
                }
            ],
            then: { harness, reference in
                let scheduled = try await harness.schedule(reference, on: Fixtures.date("2025-04-15"), reason: "Fictional: extraordinary panel")
                #expect(scheduled.meeting.afterT6Deadline)
                #expect(scheduled.meeting.outsideT4Window)
            }),
        RefusalCase(
            "once a quorate meeting is held there is nothing to schedule; a viewer may not schedule", 15, through: .meetingHeld,
            [
                Refusal(.failedPrecondition, "T4: the Rapid Review meeting was held on 2025-04-03") {
                    try await $0.schedule($1, on: Fixtures.date("2025-04-08"))
                },
                .denied {
                    _ = try await $0.call(
                        RapidReviewAPI.scheduleMeeting, .init(caseReference: $1, date: Fixtures.date("2025-04-08"), format: .faceToFace),
                        as: TestTokens.viewer)
                },
                // An unknown case: refused as NOT_FOUND; the case held reads the same.
                Refusal(.notFound, "") { harness, _ in try await harness.schedule(Fixtures.reference(999), on: Fixtures.date("2025-04-08")) },
            ]),
    ]

    @Test("T4, T6: a date the rules refuse is refused, naming the rule, and changes nothing", arguments: refusedDates)
    func refusedDate(_ row: RefusalCase) async throws { try await row.check() }
}
