// Day and month arithmetic in plain integers: Howard Hinnant's days_from_civil and
// civil_from_days (https://howardhinnant.github.io/date_algorithms.html), exact for the whole
// proleptic Gregorian calendar, with no Foundation Calendar and no time zone to get wrong.

extension CivilDate {
    /// Days since 1970-01-01 (negative before it).
    package var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    package init(daysSinceEpoch days: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// The date `days` calendar days later (earlier when negative).
    package func adding(days: Int) -> CivilDate {
        CivilDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// Calendar days from `other` to this date: `b.daysSince(a) == 1` when b is the day after a.
    package func daysSince(_ other: CivilDate) -> Int {
        daysSinceEpoch - other.daysSinceEpoch
    }

    /// The same day `months` calendar months later (earlier when negative), clamped to the end
    /// of a shorter month: 2024-08-31 + 6 months is 2025-02-28. T7 ("no later than six calendar
    /// months after the decision") needs exactly this.
    package func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        return CivilDate(newYear, newMonth, min(day, CivilDate.daysIn(month: newMonth, year: newYear)))
    }

    /// The day of the week.
    package var weekday: Weekday {
        // 1970-01-01 was a Thursday (ISO 4); floor modulo keeps dates before 1970 right.
        let offset = (daysSinceEpoch + 3) % 7
        return Weekday.allCases[offset < 0 ? offset + 7 : offset]
    }
}
