/// A calendar date with no time or zone, stored as `YYYY-MM-DD` TEXT (the wire format too).
///
/// Storage's own civil date, so Storage depends on nothing; the Contract's `CivilDate` can
/// conform to `SQLiteValueConvertible` with the same text and the two read each other's rows.
package struct StorageCivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The proleptic Gregorian year, 0...9999.
    package let year: Int
    /// 1...12.
    package let month: Int
    /// 1...31, valid for the month and year.
    package let day: Int

    /// A date, or nil when the day does not exist (31 April, 29 February 2023) or the year is outside 0...9999.
    package init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month),
            (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses exactly `YYYY-MM-DD`; nil for anything else.
    package init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = CivilCalendar.digits(bytes[0..<4]),
            let month = CivilCalendar.digits(bytes[5..<7]),
            let day = CivilCalendar.digits(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// `YYYY-MM-DD`, zero-padded, so text order is date order.
    package var description: String {
        CivilCalendar.pad(year, 4) + "-" + CivilCalendar.pad(month, 2) + "-" + CivilCalendar.pad(day, 2)
    }

    /// Earlier dates first.
    package static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

extension StorageCivilDate: SQLiteValueConvertible {
    /// TEXT `YYYY-MM-DD`.
    package var sqliteValue: SQLiteValue { .text(description) }
    /// Only from TEXT that is a real date in `YYYY-MM-DD`.
    package init?(sqliteValue: SQLiteValue) {
        guard case .text(let text) = sqliteValue else { return nil }
        self.init(text)
    }
}
