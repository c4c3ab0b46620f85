import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `OpeningHandOver`: the checks on intake's hand-over, and where its dates differ from ours.
@Suite("Opening: intake's hand-over, on the domain type")
struct OpeningHandOverTests {
    static let handOver = Fixtures.handOver(Fixtures.reference(1))

    @Test(
        "T4: the hand-over opens for this partnership, a referral by today, and a T4 window that does not end before it starts",
        arguments: [
            (Change<RapidReviewAPI.OpenRapidReviewRequest>("as intake sends it") { _ in }, String?.none, FrameworkRule?.none),
            (Change("received today") { $0.referralReceived = CaseFixture.today }, nil, nil),
            (Change("a one-day window") { $0.meetingLatest = $0.meetingEarliest }, nil, nil),
            (
                Change("another partnership's case") {
                    if let other = CaseReference(partnership: "OTHERSHIRE", year: 2025, sequence: 1) { $0.caseReference = other }
                }, "caseReference", nil
            ),
            (Change("received after today") { $0.referralReceived = Fixtures.date("2025-04-08") }, "referralReceived", nil),
            (Change("a window ending before it starts") { $0.meetingLatest = $0.meetingEarliest.adding(days: -1) }, "meetingLatest", .t4),
        ])
    func check(change: Change<RapidReviewAPI.OpenRapidReviewRequest>, field: String?, rule: FrameworkRule?) {
        let error = refusal { try OpeningHandOver.check(change.applied(to: Self.handOver), partnership: "TESTSHIRE", today: CaseFixture.today) }
        #expect(error?.field == field)
        #expect(error?.rule == rule)
    }

    @Test(
        "T4, T6: where intake's window or due date differ from this service's calendar, each difference is named",
        arguments: [
            (Change<RapidReviewAPI.OpenRapidReviewRequest>("as intake sends it") { _ in }, [String]()),
            (Change("an earlier first day") { $0.meetingEarliest = Fixtures.date("2025-04-01") }, ["T4 window"]),
            (Change("a later last day") { $0.meetingLatest = Fixtures.date("2025-04-11") }, ["T4 window"]),
            (Change("another T6 date") { $0.rapidReviewDue = Fixtures.date("2025-04-15") }, ["T6 due"]),
            (
                Change("both") {
                    $0.meetingLatest = Fixtures.date("2025-04-11")
                    $0.rapidReviewDue = Fixtures.date("2025-04-15")
                }, ["T4 window", "T6 due"]
            ),
        ])
    func disagreements(change: Change<RapidReviewAPI.OpenRapidReviewRequest>, named: [String]) {
        let differences = OpeningHandOver.disagreements(change.applied(to: Self.handOver), clock: CaseFixture.clock())
        #expect(differences.count == named.count)
        for (difference, prefix) in zip(differences, named) {
            #expect(difference.hasPrefix(prefix), "\(difference)")
        }
    }

    @Test("T4, T6: an extra bank holiday in this service's calendar shows as both differences")
    func calendarOutOfStep() {
        let clock = CaseClock(today: CaseFixture.today, calendar: WorkingCalendar(extraHolidays: [BankHoliday(Fixtures.date("2025-04-04"))]))
        #expect(
            OpeningHandOver.disagreements(Self.handOver, clock: clock) == [
                "T4 window 2025-04-02 to 2025-04-11, intake sent 2025-04-02 to 2025-04-10", "T6 due 2025-04-15, intake sent 2025-04-14",
            ])
    }
}
