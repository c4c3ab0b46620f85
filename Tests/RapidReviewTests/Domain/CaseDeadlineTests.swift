import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `CaseDeadlines`: T4, T5 and T6 computed from the case's own facts, met or late.
@Suite("CaseDeadlines: T4, T5, T6 met or late, on the domain type")
struct CaseDeadlineTests {
    /// The onTime case with its meeting scheduled (with a reason) and held on `date`.
    static func held(on date: CivilDate) throws(RapidReviewError) -> RapidReviewCase {
        var rapidReview = CaseFixture.opened()
        let clock = CaseFixture.clock(date)
        rapidReview.schedule.append(
            try rapidReview.scheduling(
                .init(caseReference: rapidReview.reference, date: date, format: .faceToFace, reason: "Fictional: the only date"),
                by: CaseFixture.support, clock: clock))
        rapidReview.meetings.append(
            try rapidReview.recordingMeeting(Fixtures.meeting(rapidReview.reference, on: date), by: CaseFixture.panel, clock: clock))
        return rapidReview
    }

    @Test(
        "T6 anchor, surrey-2019: the LA's awareness when it came before the referral's receipt; a later awareness changes nothing; T4 stays",
        arguments: [(nil, "2025-04-14"), ("2025-03-20", "2025-04-10"), ("2025-03-26", "2025-04-14")])
    func t6FromAwareness(aware: String?, due: String) throws {
        var rapidReview = CaseFixture.opened()
        #expect(rapidReview.handOver.referralReceived == Fixtures.date("2025-03-24"))
        rapidReview.opening.laBecameAware = aware.map(Fixtures.date)
        let deadlines = CaseDeadlines(rapidReview: rapidReview, clock: CaseFixture.clock(Fixtures.date("2025-03-26")))
        #expect(deadlines.t6?.due == Fixtures.date(due))
        #expect(deadlines.t4?.due == Fixtures.date("2025-04-10"), "T4 counts from the referral's receipt")
    }

    @Test(
        "T4: the quorate meeting meets T4 in the window, late after it, outside it before the 7th working day or on a day off",
        arguments: [
            ("2025-04-01", DeadlineStatus.metOutsideWindow), ("2025-04-02", .met), ("2025-04-05", .metOutsideWindow), ("2025-04-10", .met),
            ("2025-04-11", .metLate), ("2025-04-14", .metLate),
        ])
    func t4Met(meetingDate: String, status: DeadlineStatus) throws {
        let date = Fixtures.date(meetingDate)
        let t4 = try #require(CaseDeadlines(rapidReview: try Self.held(on: date), clock: CaseFixture.clock(Fixtures.date("2025-04-30"))).t4)
        #expect(t4.status == status)
        #expect(t4.metOn == date)
        #expect(t4.earliest == Fixtures.date("2025-04-02"))
        #expect(t4.due == Fixtures.date("2025-04-10"))
    }

    @Test(
        "T4, T6: before the meeting they are open, due soon within 2 working days, then overdue",
        arguments: [
            ("2025-03-24", DeadlineStatus.open, DeadlineStatus.open), ("2025-04-07", .open, .open), ("2025-04-08", .dueSoon, .open),
            ("2025-04-10", .dueSoon, .dueSoon), ("2025-04-11", .overdue, .dueSoon), ("2025-04-14", .overdue, .dueSoon),
            ("2025-04-15", .overdue, .overdue),
        ])
    func beforeTheMeeting(today: String, t4: DeadlineStatus, t6: DeadlineStatus) throws {
        let deadlines = CaseDeadlines(rapidReview: try CaseFixture.rapidReview(through: .scheduled), clock: CaseFixture.clock(Fixtures.date(today)))
        #expect(deadlines.all.map(\.rule) == [.t4, .t6])
        #expect(deadlines.t4?.status == t4)
        #expect(deadlines.t6?.status == t6)
        #expect(deadlines.t5 == nil)
    }

    @Test("T5: counts from the quorate meeting: none before it, nor after a meeting that was not quorate")
    func t5FromTheMeeting() throws {
        var notQuorate = try CaseFixture.rapidReview(through: .scheduled)
        notQuorate.meetings.append(
            try notQuorate.recordingMeeting(
                MeetingRuleTests.meeting(notQuorate, present: [.localAuthority, .police]), by: CaseFixture.panel, clock: CaseFixture.clock()))
        #expect(CaseDeadlines(rapidReview: notQuorate, clock: CaseFixture.clock()).t5 == nil)
        let held = CaseDeadlines(rapidReview: try CaseFixture.rapidReview(through: .meetingHeld), clock: CaseFixture.clock())
        #expect(held.all.map(\.rule) == [.t4, .t5, .t6])
        #expect(held.t5?.due == Fixtures.date("2025-04-07"))
        #expect(held.t5?.status == .dueSoon)
        #expect(held.t4?.status == .met)
    }

    @Test(
        "T5, T6: the submission meets them or meets them late",
        arguments: [
            (Fixtures.Scenario.onTime, "2025-04-07", DeadlineStatus.met, DeadlineStatus.met),
            (.onTime, "2025-04-08", .metLate, .met),
            (.onTime, "2025-04-15", .metLate, .metLate),
            (.pastT6, "2025-03-27", .met, .met),
            (.pastT6, "2025-04-01", .metLate, .metLate),
        ])
    func t5AndT6Met(scenario: Fixtures.Scenario, submitted: String, t5: DeadlineStatus, t6: DeadlineStatus) throws {
        var rapidReview = try CaseFixture.rapidReview(through: .ratified, scenario)
        let date = Fixtures.date(submitted)
        let clock = CaseFixture.clock(date)
        rapidReview.submission = try rapidReview.submitting(
            .init(caseReference: rapidReview.reference, submittedToNationalPanel: date, sharedWith: Fixtures.sharing(on: date)),
            by: CaseFixture.support, clock: clock)
        let deadlines = CaseDeadlines(rapidReview: rapidReview, clock: CaseFixture.clock(Fixtures.date("2025-05-30")))
        #expect(deadlines.t5?.status == t5)
        #expect(deadlines.t6?.status == t6)
        #expect(deadlines.t5?.metOn == date)
        #expect(deadlines.t6?.metOn == date)
    }

    @Test(
        "T6: surrey-2019 counts from the referral, wt-2023 from the notification to the National Panel (the referral until there is one)",
        arguments: [
            (RuleSet.surrey2019, String?.some("2025-03-20"), "2025-04-14"), (.surrey2019, nil, "2025-04-14"),
            (.workingTogether2023, "2025-03-20", "2025-04-10"), (.workingTogether2023, "2025-03-26", "2025-04-16"),
            (.workingTogether2023, nil, "2025-04-14"),
        ])
    func t6Anchor(ruleSet: RuleSet, notified: String?, due: String) throws {
        let rapidReview = CaseFixture.opened(ruleSet: ruleSet, notifiedNationalPanel: notified.map(Fixtures.date))
        let deadlines = CaseDeadlines(rapidReview: rapidReview, clock: CaseFixture.clock())
        #expect(try deadlines.t6Due() == Fixtures.date(due))
        #expect(deadlines.all.allSatisfy { $0.ruleSet == ruleSet && $0.calendar == WorkingCalendar.englandAndWalesName })
    }

    @Test("T4, T6: an extra bank holiday in the service's calendar moves the window and the due date, and the deadlines say so")
    func extraHoliday() throws {
        let calendar = WorkingCalendar(extraHolidays: [BankHoliday(Fixtures.date("2025-04-04"))])
        let deadlines = CaseDeadlines(rapidReview: CaseFixture.opened(), clock: CaseClock(today: CaseFixture.today, calendar: calendar))
        let window = try deadlines.t4Window()
        #expect(window.earliest == Fixtures.date("2025-04-02"))
        #expect(window.latest == Fixtures.date("2025-04-11"))
        #expect(try deadlines.t6Due() == Fixtures.date("2025-04-15"))
        #expect(deadlines.all.allSatisfy { $0.calendar == "england-and-wales+2025-04-04" })
    }
}
