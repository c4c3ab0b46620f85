import Contract
import Testing
import WorkingDays

/// Judging a stored deadline on the day it is read gives what `Deadline.compute` gives that day.
@Suite("Deadlines judged on the day they are read")
struct DeadlineJudgeTests {
    @Test(
        "the judge of a day agrees with counting working days, across weekends and bank holidays",
        arguments: ["2025-04-14", "2025-04-17", "2025-05-02", "2025-12-19", "2025-12-23", "2025-12-24", "2026-03-27", "2025-08-22"])
    func agreesWithCounting(day: String) throws {
        let calendar = WorkingCalendar()
        let today = try #require(CivilDate(day))
        let judge = DeadlineJudge(today: today, calendar: calendar)
        for offset in -5...25 {
            let due = today.adding(days: offset)
            let counted: DeadlineStatus =
                today > due ? .overdue : calendar.workingDays(from: today, to: due) <= Deadline.dueSoonWorkingDays ? .dueSoon : .open
            #expect(judge.status(due: due) == counted, "due \(due), judged on \(today)")
            let stored = Deadline(rule: .t3, due: due, status: .open, ruleSet: .surrey2019)
            #expect(stored.judged(on: today, calendar: calendar).status == counted)
        }
    }

    @Test("a met deadline keeps its verdict whatever the day")
    func metKept() throws {
        let due = try #require(CivilDate("2025-03-20"))
        let late = Deadline(rule: .t6, due: due, status: .metLate, metOn: due.adding(days: 3), ruleSet: .surrey2019)
        #expect(late.judged(by: DeadlineJudge(today: due.adding(days: 100), calendar: WorkingCalendar())) == late)
    }
}
