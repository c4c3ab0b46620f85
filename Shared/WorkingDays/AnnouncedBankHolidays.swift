// Bank holidays announced by proclamation that the standing rules cannot compute: a standing
// holiday moved to another day, or a one-off day added. Dates and names from 2018 on are the
// government's list (bank-holidays.json, england-and-wales; shared/domain/
// bank-holidays-england-wales.csv); the earlier ones are the well-documented royal and
// millennium holidays, kept so that the calendar is right for older cases too. Holidays before
// 1995 (1973, 1977, 1981) are not listed. A new announcement goes here, or, until a release
// carries it, in the file named by CSPR_EXTRA_BANK_HOLIDAYS.

/// A change to the standing rules for one year, announced by proclamation.
enum AnnouncedChange: Sendable {
    /// A standing holiday moved to another day, keeping its place in the year.
    case moved(from: CivilDate, to: BankHoliday)
    /// A one-off extra bank holiday.
    case added(BankHoliday)

    /// The year the change applies to.
    var year: Int {
        switch self {
        case .moved(_, let to): to.date.year
        case .added(let holiday): holiday.date.year
        }
    }
}

extension BankHolidays {
    /// Every announced change, oldest first.
    static let announcedChanges: [AnnouncedChange] = [
        // 50th anniversary of VE Day: early May bank holiday moved from Monday 1 May.
        .moved(from: CivilDate(1995, 5, 1), to: BankHoliday(CivilDate(1995, 5, 8), "Early May bank holiday (VE day)")),
        .added(BankHoliday(CivilDate(1999, 12, 31), "Millennium bank holiday")),
        // Golden Jubilee: spring bank holiday moved from Monday 27 May to Tuesday 4 June.
        .moved(from: CivilDate(2002, 5, 27), to: BankHoliday(CivilDate(2002, 6, 4), "Spring bank holiday")),
        .added(BankHoliday(CivilDate(2002, 6, 3), "Queen's Golden Jubilee bank holiday")),
        .added(BankHoliday(CivilDate(2011, 4, 29), "Royal wedding bank holiday")),
        // Diamond Jubilee: spring bank holiday moved from Monday 28 May to Monday 4 June.
        .moved(from: CivilDate(2012, 5, 28), to: BankHoliday(CivilDate(2012, 6, 4), "Spring bank holiday")),
        .added(BankHoliday(CivilDate(2012, 6, 5), "Queen's Diamond Jubilee bank holiday")),
        // 75th anniversary of VE Day: early May bank holiday moved from Monday 4 May.
        .moved(from: CivilDate(2020, 5, 4), to: BankHoliday(CivilDate(2020, 5, 8), "Early May bank holiday (VE day)")),
        // Platinum Jubilee: spring bank holiday moved from Monday 30 May to Thursday 2 June.
        .moved(from: CivilDate(2022, 5, 30), to: BankHoliday(CivilDate(2022, 6, 2), "Spring bank holiday")),
        .added(BankHoliday(CivilDate(2022, 6, 3), "Platinum Jubilee bank holiday")),
        .added(BankHoliday(CivilDate(2022, 9, 19), "Bank Holiday for the State Funeral of Queen Elizabeth II")),
        .added(BankHoliday(CivilDate(2023, 5, 8), "Bank holiday for the coronation of King Charles III")),
    ]

    /// The announced changes, by year.
    static let announcedChangesByYear: [Int: [AnnouncedChange]] = Dictionary(
        grouping: announcedChanges, by: \.year)
}
