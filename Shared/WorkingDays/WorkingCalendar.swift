import Foundation

/// England and Wales working days: every day but Saturdays, Sundays and bank holidays, and the
/// framework's way of counting them (RULES.md Working days).
///
/// "Within N working days of D" means the deadline is the N-th working day after D, and D is
/// day 0 even when it is not a working day itself: `addingWorkingDays(n, to: d)`.
/// `workingDays(from: d, to: w)` counts the working days in (d, w], so it undoes it:
/// `workingDays(from: d, to: addingWorkingDays(n, to: d)) == n`. Counting backwards ("7 working
/// days before the publication date", T9) mirrors it: d is still day 0.
package struct WorkingCalendar: Sendable {
    /// The bank holidays this calendar skips.
    package let bankHolidays: BankHolidays

    /// The England and Wales calendar, with `extraHolidays` as further days off.
    package init(extraHolidays: [BankHoliday] = []) {
        bankHolidays = BankHolidays(extra: extraHolidays)
    }

    /// The England and Wales calendar with the extra days of the file at `path`.
    package init(extraHolidaysFile path: String) throws(WorkingDaysError) {
        self.init(extraHolidays: try ExtraBankHolidaysFile.load(path: path))
    }

    /// The calendar configured by `CSPR_EXTRA_BANK_HOLIDAYS` (unset or empty: no extra days).
    package static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkingDaysError) -> WorkingCalendar {
        guard let path = environment[ExtraBankHolidaysFile.variable], !path.isEmpty else { return WorkingCalendar() }
        return try WorkingCalendar(extraHolidaysFile: path)
    }

    /// The name of the England and Wales calendar, recorded with every deadline (RULES.md).
    package static let englandAndWalesName = "england-and-wales"

    /// What a deadline records as its calendar: the England and Wales calendar, and the extra
    /// days it was given, so a deadline computed with extra holidays says so.
    package var identifier: String {
        let extra = bankHolidays.extra
        if extra.isEmpty { return Self.englandAndWalesName }
        return Self.englandAndWalesName + "+" + extra.map { $0.date.description }.sorted().joined(separator: ",")
    }

    /// Whether `date` is a working day: not a weekend, not a bank holiday.
    package func isWorkingDay(_ date: CivilDate) -> Bool {
        !date.weekday.isWeekend && !bankHolidays.contains(date)
    }

    /// The bank holidays of `year`, by date, with their names.
    package func holidays(in year: Int) -> [BankHoliday] {
        bankHolidays.holidays(in: year)
    }

    /// The first working day after `date`.
    package func nextWorkingDay(after date: CivilDate) -> CivilDate {
        var day = date.adding(days: 1)
        while !isWorkingDay(day) { day = day.adding(days: 1) }
        return day
    }

    /// The last working day before `date`.
    package func previousWorkingDay(before date: CivilDate) -> CivilDate {
        var day = date.adding(days: -1)
        while !isWorkingDay(day) { day = day.adding(days: -1) }
        return day
    }

    /// The `n`-th working day after `date` (before it when `n` is negative); `date` itself when
    /// `n` is 0, working day or not. RULES.md Working days: `date` is day 0.
    package func addingWorkingDays(_ n: Int, to date: CivilDate) -> CivilDate {
        var day = date
        for _ in 0..<n.magnitude {
            day = n > 0 ? nextWorkingDay(after: day) : previousWorkingDay(before: day)
        }
        return day
    }

    /// The working days in (`start`, `end`]: how many working days after `start` `end` is
    /// (RULES.md Working days, "workingDaysBetween"). When `end` is before `start`, minus the
    /// working days in [`end`, `start`), so that counting back inverts `addingWorkingDays` too.
    package func workingDays(from start: CivilDate, to end: CivilDate) -> Int {
        if end >= start {
            return workingDays(in: start.adding(days: 1), until: end.adding(days: 1))
        }
        return -workingDays(in: end, until: start)
    }

    // Working days in [first, limit) without walking the days: the weekdays by whole weeks,
    // less the bank holidays that fall on a weekday in the range. The walk in
    // addingWorkingDays is the other half, so the inverse property tests one against the other.
    private func workingDays(in first: CivilDate, until limit: CivilDate) -> Int {
        var holidays = 0
        for year in first.year...limit.year {
            holidays += bankHolidays.holidays(in: year).count {
                $0.date >= first && $0.date < limit && !$0.date.weekday.isWeekend
            }
        }
        return WorkingCalendar.weekdays(before: limit) - WorkingCalendar.weekdays(before: first) - holidays
    }

    // Mondays to Fridays from Monday 1970-01-05 up to, not including, `date` (negative before).
    private static func weekdays(before date: CivilDate) -> Int {
        let days = date.daysSinceEpoch - 4
        let weeks = days >= 0 ? days / 7 : (days - 6) / 7
        return weeks * 5 + min(days - weeks * 7, 5)
    }
}
