import Foundation
import Testing
import WorkingDays

@Suite("Today")
struct TodayTests {
    @Test("CSPR_TODAY fixes today's date for the whole process")
    func fixedByEnvironment() throws {
        let today = try Today.fromEnvironment([Today.variable: "2024-03-25"])
        #expect(today.date == (try day("2024-03-25")))
        #expect(today.fixedDate == (try day("2024-03-25")))
        #expect(today.description == "fixed at 2024-03-25")
    }

    @Test(
        "a bad CSPR_TODAY is refused naming the variable",
        arguments: ["25/03/2024", "2024-02-30", "today", " 2024-03-25"])
    func badValue(value: String) {
        let error = #expect(throws: WorkingDaysError.badDateVariable(name: "CSPR_TODAY", value: value)) {
            try Today.fromEnvironment([Today.variable: value])
        }
        #expect(error?.description == "CSPR_TODAY: expected a date \"YYYY-MM-DD\", got \"\(value)\"")
    }

    @Test("unset or empty, CSPR_TODAY leaves the real date in London, within a day of UTC's")
    func realClock() throws {
        for environment in [[:], [Today.variable: ""]] {
            let today = try Today.fromEnvironment(environment)
            #expect(today.fixedDate == nil)
            let utc = CivilDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
            #expect(abs(today.date.daysSince(utc)) <= 1)
        }
    }

    @Test(
        "the date is London's: British Summer Time moves midnight an hour earlier than UTC's",
        arguments: [
            ("2024-06-30T23:30:00Z", "2024-07-01"),  // BST: already 00:30 on 1 July in London
            ("2024-06-30T22:59:59Z", "2024-06-30"),
            ("2024-01-31T23:30:00Z", "2024-01-31"),  // GMT: London is UTC
            ("2024-03-31T00:30:00Z", "2024-03-31"),  // before the 01:00 UTC change to BST
            ("2024-10-26T23:30:00Z", "2024-10-27"),  // still BST until 01:00 UTC on 27 October
            ("2024-10-27T23:30:00Z", "2024-10-27"),  // back on GMT
        ])
    func londonDate(instant: String, expected: String) throws {
        let date = try #require(ISO8601DateFormatter().date(from: instant))
        #expect(try Today.londonDate(of: date) == day(expected))
        #expect(try Today.london(now: { date }).date == day(expected))
    }
}
