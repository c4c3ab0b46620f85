// The standing rules for England and Wales bank holidays (the Banking and Financial Dealings
// Act 1971, Schedule 1; royal proclamations for New Year's Day and the early May holiday;
// Christmas Day and Good Friday by common law), as the government's list applies them:
// - New Year's Day, 1 January, or the next Monday when it falls on a weekend;
// - Good Friday and Easter Monday;
// - the early May bank holiday, first Monday of May (since 1978);
// - the spring bank holiday, last Monday of May;
// - the summer bank holiday, last Monday of August;
// - Christmas Day and Boxing Day, with substitute days when they fall on a weekend.
// The current set has held since 1978; for earlier years these rules are applied as they stand
// today, which is not what applied then (no early May holiday before 1978, none on New Year's
// Day before 1974). The one-off and moved days are in AnnouncedBankHolidays.swift.

extension BankHolidays {
    /// The bank holidays the standing rules give for `year`, before any announced change.
    static func standing(in year: Int) -> [BankHoliday] {
        // Easter and the weekday arithmetic need a year of the Common Era; there were no bank
        // holidays before 1871 anyway.
        guard year >= 1 else { return [] }
        let easter = CivilDate.easterSunday(in: year)
        return [newYearsDay(in: year)]
            + [
                BankHoliday(easter.adding(days: -2), "Good Friday"),
                BankHoliday(easter.adding(days: 1), "Easter Monday"),
                BankHoliday(firstMonday(of: 5, in: year), "Early May bank holiday"),
                BankHoliday(lastMonday(of: 5, in: year), "Spring bank holiday"),
                BankHoliday(lastMonday(of: 8, in: year), "Summer bank holiday"),
            ]
            + christmas(in: year)
    }

    private static func newYearsDay(in year: Int) -> BankHoliday {
        let day = CivilDate(year, 1, 1)
        switch day.weekday {
        case .saturday: return BankHoliday(CivilDate(year, 1, 3), "New Year's Day (substitute day)")
        case .sunday: return BankHoliday(CivilDate(year, 1, 2), "New Year's Day (substitute day)")
        default: return BankHoliday(day, "New Year's Day")
        }
    }

    // The government's list names each day after the holiday it replaces: Christmas on a
    // Saturday gives Monday 27 (Christmas Day, substitute) and Tuesday 28 (Boxing Day,
    // substitute), as in 2021 and 2027; on a Sunday, Boxing Day keeps Monday 26 and Christmas
    // moves to Tuesday 27, as in 2022; on a Friday, Boxing Day moves to Monday 28, as in 2020
    // and 2026.
    private static func christmas(in year: Int) -> [BankHoliday] {
        let christmasDay = "Christmas Day"
        let boxingDay = "Boxing Day"
        let substitute = " (substitute day)"
        switch CivilDate(year, 12, 25).weekday {
        case .friday:
            return [
                BankHoliday(CivilDate(year, 12, 25), christmasDay),
                BankHoliday(CivilDate(year, 12, 28), boxingDay + substitute),
            ]
        case .saturday:
            return [
                BankHoliday(CivilDate(year, 12, 27), christmasDay + substitute),
                BankHoliday(CivilDate(year, 12, 28), boxingDay + substitute),
            ]
        case .sunday:
            return [
                BankHoliday(CivilDate(year, 12, 26), boxingDay),
                BankHoliday(CivilDate(year, 12, 27), christmasDay + substitute),
            ]
        default:
            return [
                BankHoliday(CivilDate(year, 12, 25), christmasDay),
                BankHoliday(CivilDate(year, 12, 26), boxingDay),
            ]
        }
    }

    private static func firstMonday(of month: Int, in year: Int) -> CivilDate {
        let first = CivilDate(year, month, 1)
        return first.adding(days: (Weekday.monday.rawValue - first.weekday.rawValue + 7) % 7)
    }

    private static func lastMonday(of month: Int, in year: Int) -> CivilDate {
        let last = CivilDate(year, month, CivilDate.daysIn(month: month, year: year))
        return last.adding(days: -((last.weekday.rawValue - Weekday.monday.rawValue + 7) % 7))
    }
}
