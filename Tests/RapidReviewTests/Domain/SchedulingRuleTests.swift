import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `scheduling(_:by:clock:)`: T4's window and T6's deadline on the domain type.
@Suite("Scheduling: T4 and T6, on the domain type")
struct SchedulingRuleTests {
    /// Where a date falls against T4.
    enum Window: Sendable { case inside, outside, notWorkingDay }

    static func request(_ rapidReview: RapidReviewCase, _ date: String, reason: String? = nil) -> RapidReviewAPI.ScheduleMeetingRequest {
        .init(caseReference: rapidReview.reference, date: Fixtures.date(date), format: .faceToFace, reason: reason)
    }

    static let easter = Fixtures.Scenario(referralReceived: Fixtures.date("2025-04-07"), meetingDate: Fixtures.date("2025-04-16"))

    /// Referral 24 March 2025: window 2-10 April. Referral 7 April 2025: window 16-28 April,
    /// Good Friday (18th) and Easter Monday (21st) inside it.
    static let t4Dates: [(Fixtures.Scenario, String, Window)] = [
        (.onTime, "2025-04-01", .outside),  // 6th working day: one early
        (.onTime, "2025-04-02", .inside),  // 7th
        (.onTime, "2025-04-05", .notWorkingDay),  // Saturday
        (.onTime, "2025-04-06", .notWorkingDay),  // Sunday
        (.onTime, "2025-04-10", .inside),  // 13th
        (.onTime, "2025-04-11", .outside),  // 14th: one late, before T6 (14 April)
        (easter, "2025-04-15", .outside),  // 6th
        (easter, "2025-04-16", .inside),  // 7th
        (easter, "2025-04-18", .notWorkingDay),  // Good Friday
        (easter, "2025-04-21", .notWorkingDay),  // Easter Monday
        (easter, "2025-04-22", .inside),  // 9th: the holidays are not counted
        (easter, "2025-04-28", .inside),  // 13th
        (easter, "2025-04-29", .outside),  // 14th, before T6 (30 April)
    ]

    @Test("T4: without a reason, a date inside the 7-13 working-day window is scheduled, any other refused naming the reason", arguments: t4Dates)
    func t4WithoutReason(scenario: Fixtures.Scenario, date: String, window: Window) throws {
        let rapidReview = CaseFixture.opened(scenario)
        let clock = CaseFixture.clock(scenario.referralReceived)
        guard window != .inside else {
            let scheduled = try rapidReview.scheduling(Self.request(rapidReview, date), by: CaseFixture.support, clock: clock)
            #expect(!scheduled.outsideT4Window)
            #expect(!scheduled.afterT6Deadline)
            #expect(scheduled.reason == nil)
            return
        }
        let error = try #require(refusal { try rapidReview.scheduling(Self.request(rapidReview, date), by: CaseFixture.support, clock: clock) })
        #expect(error.field == "reason")
        #expect(error.rule == .t4)
        #expect(error.message.hasPrefix("reason: T4: \(date)\(window == .notWorkingDay ? " (not a working day)" : "") is outside the T4 window"))
    }

    @Test("T4: with a reason, any date in T6 is scheduled and flagged when outside the window", arguments: t4Dates)
    func t4WithReason(scenario: Fixtures.Scenario, date: String, window: Window) throws {
        let rapidReview = CaseFixture.opened(scenario)
        let scheduled = try rapidReview.scheduling(
            Self.request(rapidReview, date, reason: "  Fictional: the only date the police could attend "), by: CaseFixture.support,
            clock: CaseFixture.clock(scenario.referralReceived))
        #expect(scheduled.outsideT4Window == (window != .inside))
        #expect(!scheduled.afterT6Deadline)
        #expect(scheduled.reason == "Fictional: the only date the police could attend")
        #expect(scheduled.number == 1)
        #expect(scheduled.scheduledBy == CaseFixture.support)
        #expect(scheduled.scheduledOn == scenario.referralReceived)
    }

    @Test("T4: a blank reason is no reason", arguments: [nil, "", "   \n"])
    func blankReason(reason: String?) throws {
        let rapidReview = CaseFixture.opened()
        let error = refusal {
            try rapidReview.scheduling(Self.request(rapidReview, "2025-04-01", reason: reason), by: CaseFixture.support, clock: CaseFixture.clock())
        }
        #expect(error?.field == "reason")
        #expect(error?.rule == .t4)
    }

    @Test(
        "T6: a date after the Rapid Review's deadline needs a reason, T6 named before T4, and is flagged",
        arguments: [("2025-04-14", false), ("2025-04-15", true), ("2025-05-30", true)])
    func t6(date: String, afterT6: Bool) throws {
        let rapidReview = CaseFixture.opened()
        let error = try #require(
            refusal { try rapidReview.scheduling(Self.request(rapidReview, date), by: CaseFixture.support, clock: CaseFixture.clock()) })
        #expect(error.field == "reason")
        #expect(error.rule == (afterT6 ? .t6 : .t4))
        if afterT6 {
            #expect(error.message.hasPrefix("reason: T6: a meeting on \(date) is after the T6 deadline (2025-04-14)"))
        }
        let scheduled = try rapidReview.scheduling(
            Self.request(rapidReview, date, reason: "Fictional: extraordinary panel"), by: CaseFixture.support, clock: CaseFixture.clock())
        #expect(scheduled.afterT6Deadline == afterT6)
        #expect(scheduled.outsideT4Window)
    }

    @Test(
        "T6: wt-2023 counts from the notification to the National Panel, so an earlier date is already after T6",
        arguments: [(RuleSet.surrey2019, FrameworkRule.t4), (.workingTogether2023, .t6)])
    func t6UnderRuleSet(ruleSet: RuleSet, rule: FrameworkRule) throws {
        // Notified 20 March: wt-2023's T6 is 10 April; surrey-2019's, from the referral, 14 April.
        let rapidReview = CaseFixture.opened(ruleSet: ruleSet, notifiedNationalPanel: Fixtures.date("2025-03-20"))
        let error = refusal {
            try rapidReview.scheduling(Self.request(rapidReview, "2025-04-11"), by: CaseFixture.support, clock: CaseFixture.clock())
        }
        #expect(error?.rule == rule)
        #expect(error?.field == "reason")
    }

    @Test("T4: a date before the referral was received is refused naming the date, even with a reason")
    func beforeReferral() {
        let rapidReview = CaseFixture.opened()
        #expect(
            throws: RapidReviewError.invalidField(
                path: "date", rule: .t4, problem: "2025-03-21 is before the referral was received (2025-03-24)")
        ) {
            try rapidReview.scheduling(
                Self.request(rapidReview, "2025-03-21", reason: "Fictional"), by: CaseFixture.support, clock: CaseFixture.clock())
        }
    }

    @Test("T4: rescheduling numbers the new date after the old; once a quorate meeting is held there is nothing to schedule")
    func rescheduling() throws {
        let scheduled = try CaseFixture.rapidReview(through: .scheduled)
        let again = try scheduled.scheduling(Self.request(scheduled, "2025-04-08"), by: CaseFixture.support, clock: CaseFixture.clock())
        #expect(again.number == 2)
        #expect(scheduled.state == .meetingScheduled)
        let held = try CaseFixture.rapidReview(through: .meetingHeld)
        let error = try #require(
            refusal { try held.scheduling(Self.request(held, "2025-04-08"), by: CaseFixture.support, clock: CaseFixture.clock()) })
        #expect(error.isOutOfOrder)
        #expect(error.rule == .t4)
        #expect(error.message.hasPrefix("T4: the Rapid Review meeting was held on 2025-04-03"))
    }
}
