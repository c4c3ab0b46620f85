import Testing
import WorkingDays

@Suite("England and Wales bank holidays")
struct BankHolidaysTests {
    let calendar = WorkingCalendar()

    @Test("every bank holiday 2018-2027 is the government's list exactly, date and name")
    func officialList() {
        let computed = (2018...2027).flatMap { calendar.holidays(in: $0) }.map { "\($0.date) \($0.name)" }
        let official = officialBankHolidays2018to2027.map { "\($0.date) \($0.name)" }
        #expect(computed == official)
    }

    @Test("RULES.md Working days: no weekday 2018-2027 is off but those on the government's list")
    func noOtherWeekdayIsOff() throws {
        let official = try Set(officialBankHolidays2018to2027.map { try day($0.date) })
        var date = try day("2018-01-01")
        while date.year <= 2027 {
            #expect(calendar.isWorkingDay(date) == (!date.weekday.isWeekend && !official.contains(date)), "\(date)")
            date = date.adding(days: 1)
        }
    }

    @Test("Saturdays and Sundays are never working days, Mondays to Fridays are unless a holiday")
    func weekends() throws {
        for iso in ["2024-03-23", "2024-03-24", "2023-12-30", "2023-12-31", "2000-01-01"] {
            #expect(!calendar.isWorkingDay(try day(iso)), "\(iso)")
        }
        for iso in ["2024-03-25", "2024-03-26", "2024-03-27", "2024-03-28", "2024-04-05"] {
            #expect(calendar.isWorkingDay(try day(iso)), "\(iso)")
        }
    }

    @Test(
        "a holiday on a weekend moves to the next free weekday, named as a substitute",
        arguments: [
            ("2020-12-28", "Boxing Day (substitute day)"), ("2021-12-27", "Christmas Day (substitute day)"),
            ("2021-12-28", "Boxing Day (substitute day)"), ("2022-01-03", "New Year's Day (substitute day)"),
            ("2022-12-26", "Boxing Day"), ("2022-12-27", "Christmas Day (substitute day)"),
            ("2023-01-02", "New Year's Day (substitute day)"), ("2026-12-28", "Boxing Day (substitute day)"),
            ("2027-12-27", "Christmas Day (substitute day)"), ("2027-12-28", "Boxing Day (substitute day)"),
            // Beyond the published list, from the same rules: Christmas on a Saturday in 2032, on
            // a Sunday in 2033; New Year's Day on a Saturday in 2033, on a Sunday in 2034.
            ("2032-12-27", "Christmas Day (substitute day)"), ("2032-12-28", "Boxing Day (substitute day)"),
            ("2033-12-26", "Boxing Day"), ("2033-12-27", "Christmas Day (substitute day)"),
            ("2033-01-03", "New Year's Day (substitute day)"), ("2034-01-02", "New Year's Day (substitute day)"),
        ])
    func substituteDays(iso: String, name: String) throws {
        let date = try day(iso)
        #expect(calendar.bankHolidays.holiday(on: date)?.name == name)
        #expect(!calendar.isWorkingDay(date))
    }

    @Test("the weekend day a holiday falls on is not itself listed, so it is never counted twice")
    func weekendDaysNotListed() throws {
        for iso in ["2021-12-25", "2021-12-26", "2022-01-01", "2022-12-25", "2023-01-01", "2027-12-25"] {
            #expect(calendar.bankHolidays.holiday(on: try day(iso)) == nil, "\(iso)")
        }
    }

    @Test(
        "announced one-off and moved holidays are days off",
        arguments: [
            ("2020-05-08", "Early May bank holiday (VE day)"), ("2022-06-02", "Spring bank holiday"),
            ("2022-06-03", "Platinum Jubilee bank holiday"),
            ("2022-09-19", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            ("2023-05-08", "Bank holiday for the coronation of King Charles III"),
            ("2012-06-04", "Spring bank holiday"), ("2012-06-05", "Queen's Diamond Jubilee bank holiday"),
            ("2011-04-29", "Royal wedding bank holiday"), ("2002-06-03", "Queen's Golden Jubilee bank holiday"),
            ("2002-06-04", "Spring bank holiday"), ("1999-12-31", "Millennium bank holiday"),
            ("1995-05-08", "Early May bank holiday (VE day)"),
        ])
    func announcedHolidays(iso: String, name: String) throws {
        let date = try day(iso)
        #expect(!calendar.isWorkingDay(date))
        #expect(calendar.bankHolidays.holiday(on: date)?.name == name)
    }

    @Test(
        "the Monday a moved holiday left is an ordinary working day",
        arguments: ["2020-05-04", "2022-05-30", "2012-05-28", "2002-05-27", "1995-05-01"])
    func movedFromDaysAreWorkingDays(iso: String) throws {
        #expect(calendar.isWorkingDay(try day(iso)))
    }

    @Test(
        "each year has eight holidays, plus its one-off days",
        arguments: [
            (1995, 8), (1999, 9), (2002, 9), (2011, 9), (2012, 9), (2019, 8), (2020, 8), (2022, 10), (2023, 9),
            (2024, 8), (2050, 8), (3000, 8),
        ])
    func holidaysPerYear(year: Int, count: Int) {
        #expect(calendar.holidays(in: year).count == count)
    }

    @Test("in every year 1950-2150 and far beyond, the holidays fall on distinct weekdays, in order")
    func holidaysAreDistinctWeekdaysInOrder() {
        for year in Array(1950...2150) + [1900, 2500, 4000] {
            let holidays = calendar.holidays(in: year)
            #expect(holidays.allSatisfy { !$0.date.weekday.isWeekend && $0.date.year == year }, "\(year)")
            #expect(zip(holidays, holidays.dropFirst()).allSatisfy { $0.date < $1.date }, "\(year)")
        }
    }

    @Test(
        "Good Friday and Easter Monday hang off Gregorian Easter, earliest and latest included",
        arguments: [
            ("1818-03-22"), ("1943-04-25"), ("2000-04-23"), ("2008-03-23"), ("2011-04-24"), ("2019-04-21"),
            ("2024-03-31"), ("2025-04-20"), ("2038-04-25"), ("2285-03-22"),
        ])
    func easter(iso: String) throws {
        let easter = try day(iso)
        #expect(CivilDate.easterSunday(in: easter.year) == easter)
        let holidays = calendar.holidays(in: easter.year)
        #expect(holidays.contains(BankHoliday(easter.adding(days: -2), "Good Friday")))
        #expect(holidays.contains(BankHoliday(easter.adding(days: 1), "Easter Monday")))
    }
}
