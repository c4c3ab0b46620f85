import Testing
import WorkingDays

@Suite("Working-day arithmetic")
struct WorkingCalendarTests {
    let calendar = WorkingCalendar()

    @Test(
        "RULES.md Working days: the N-th working day after D, D being day 0 even on a weekend or holiday",
        arguments: [
            ("2024-03-25", 1, "2024-03-26"),  // Monday to Tuesday
            ("2024-03-22", 1, "2024-03-25"),  // Friday to Monday
            ("2024-03-23", 1, "2024-03-25"),  // Saturday: Monday is the first working day after it
            ("2024-03-24", 1, "2024-03-25"),  // Sunday likewise
            ("2024-03-29", 2, "2024-04-03"),  // Good Friday: Easter Monday is off, Tuesday 1, Wednesday 2
            ("2024-03-29", 0, "2024-03-29"),  // day 0 is D itself, working day or not
            ("2024-03-23", 0, "2024-03-23"),
            ("2021-12-24", 1, "2021-12-29"),  // Christmas on a Saturday: 27 and 28 are substitutes
            ("2022-12-23", 1, "2022-12-28"),  // Christmas on a Sunday: 26 and 27 off
            ("2022-09-16", 1, "2022-09-20"),  // over the State Funeral
            ("2023-05-05", 1, "2023-05-09"),  // over the Coronation
            ("2022-06-01", 1, "2022-06-06"),  // over the Platinum Jubilee Thursday and Friday
        ])
    func addingWorkingDays(start: String, n: Int, expected: String) throws {
        #expect(calendar.addingWorkingDays(n, to: try day(start)) == (try day(expected)))
    }

    @Test("15 working days from 2023-12-20 cross Christmas and New Year to 2024-01-15")
    func acrossChristmas() throws {
        // By hand, from Wednesday 20 December 2023 (day 0): Thu 21 (1), Fri 22 (2); Mon 25
        // Christmas and Tue 26 Boxing Day are off; Wed 27 (3), Thu 28 (4), Fri 29 (5); Mon 1
        // January New Year's Day is off; Tue 2 (6), Wed 3 (7), Thu 4 (8), Fri 5 (9), Mon 8 (10),
        // Tue 9 (11), Wed 10 (12), Thu 11 (13), Fri 12 (14), Mon 15 (15). Friday 12 January is
        // only the 14th: three bank holidays and four weekends lie in between.
        let start = try day("2023-12-20")
        #expect(calendar.addingWorkingDays(15, to: start) == (try day("2024-01-15")))
        #expect(calendar.addingWorkingDays(14, to: start) == (try day("2024-01-12")))
        #expect(calendar.workingDays(from: start, to: try day("2024-01-15")) == 15)
    }

    @Test(
        "counting working days in (D, W]: D is not counted, W is when it is a working day",
        arguments: [
            ("2024-03-25", "2024-03-25", 0), ("2024-03-25", "2024-03-26", 1), ("2024-03-28", "2024-04-02", 1),
            ("2024-03-29", "2024-04-01", 0),  // Good Friday to Easter Monday: nothing but days off
            ("2024-03-23", "2024-03-25", 1),
            ("2024-03-25", "2024-03-30", 3),  // Tuesday to Thursday; Good Friday and Saturday are off
            ("2021-12-24", "2022-01-04", 4),  // 29, 30, 31 December and 4 January
            // 2024 starts on a Monday and has 366 days: 52 weeks and Mon-Tue 30-31 December, so 262
            // weekdays, less its 8 holidays; 1 January at either end is a holiday, counted or not.
            ("2024-01-01", "2025-01-01", 254),
        ])
    func counting(from: String, to: String, count: Int) throws {
        #expect(calendar.workingDays(from: try day(from), to: try day(to)) == count)
    }

    @Test(
        "T9: counting back N working days before D mirrors counting forward",
        arguments: [
            ("2024-04-08", -7, "2024-03-26"),  // 5, 4, 3, 2 April, then 28, 27, 26 March over Easter
            ("2024-04-03", -2, "2024-03-28"),
            ("2024-03-25", -1, "2024-03-22"),
            ("2024-03-24", -1, "2024-03-22"),  // Sunday: Friday is the first working day before it
        ])
    func countingBack(start: String, n: Int, expected: String) throws {
        let date = try day(start)
        let result = calendar.addingWorkingDays(n, to: date)
        #expect(result == (try day(expected)))
        #expect(calendar.workingDays(from: date, to: result) == n)
    }

    @Test("the next working day skips weekends and holidays together")
    func nextWorkingDay() throws {
        #expect(calendar.nextWorkingDay(after: try day("2024-03-28")) == (try day("2024-04-02")))
        #expect(calendar.nextWorkingDay(after: try day("2023-12-22")) == (try day("2023-12-27")))
        #expect(calendar.nextWorkingDay(after: try day("2024-03-25")) == (try day("2024-03-26")))
    }

    @Test("T4: a referral on 2024-03-25 puts the Rapid Review meeting between 5 and 15 April, across Easter")
    func t4Window() throws {
        // Day 0 Monday 25 March; Tue 26 (1), Wed 27 (2), Thu 28 (3); Good Friday 29 March and
        // Easter Monday 1 April off; Tue 2 (4), Wed 3 (5), Thu 4 (6), Fri 5 (7), Mon 8 (8) ...
        // Fri 12 (12), Mon 15 (13).
        let referral = try day("2024-03-25")
        let window = (1...40).map { referral.adding(days: $0) }.filter {
            calendar.isWorkingDay($0) && (7...13).contains(calendar.workingDays(from: referral, to: $0))
        }
        let expected = try [
            "2024-04-05", "2024-04-08", "2024-04-09", "2024-04-10", "2024-04-11", "2024-04-12", "2024-04-15",
        ]
        .map { try day($0) }
        #expect(window == expected)
        #expect(calendar.addingWorkingDays(7, to: referral) == expected.first)
        #expect(calendar.addingWorkingDays(13, to: referral) == expected.last)
        // Saturday 6 April is 7 working days on, but not a working day, so no meeting then.
        #expect(calendar.workingDays(from: referral, to: try day("2024-04-06")) == 7)
    }
}
