/// A day in the proleptic Gregorian calendar, with no time and no time zone: `YYYY-MM-DD`.
///
/// Every date of the framework (a referral received, a meeting held, a deadline) is a civil
/// date: DESIGN.md puts civil dates on the wire as `"YYYY-MM-DD"`, and working days are counted
/// in whole days. Only valid dates can be made: 2023-02-30 is refused, not rolled over.
package struct CivilDate: Hashable, Sendable {
    /// The year, 1 to 9999 for a parsed date.
    package let year: Int
    /// The month, 1 (January) to 12.
    package let month: Int
    /// The day of the month, 1 to the month's length.
    package let day: Int

    /// The date, or nil when it does not exist (month 13, 2023-02-29, 2024-04-31).
    package init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), (1...CivilDate.daysIn(month: month, year: year)).contains(day) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    // For dates the code itself makes (tables, arithmetic results), which are valid by construction.
    init(_ year: Int, _ month: Int, _ day: Int) {
        precondition((1...12).contains(month) && (1...CivilDate.daysIn(month: month, year: year)).contains(day))
        self.year = year
        self.month = month
        self.day = day
    }

    /// Whether `year` has 29 February.
    package static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1-12) of `year`.
    package static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}

extension CivilDate: Comparable {
    /// Earlier dates sort first.
    package static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}
