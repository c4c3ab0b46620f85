/// The England and Wales bank holidays of any year: the standing rules, the changes announced
/// by proclamation, and extra days from configuration (`CSPR_EXTRA_BANK_HOLIDAYS`).
///
/// RULES.md Working days excludes every one of them, substitute and one-off days included.
package struct BankHolidays: Sendable {
    /// The extra days from configuration, sorted, one per date.
    package let extra: [BankHoliday]
    private let extraByYear: [Int: [BankHoliday]]

    /// The official holidays plus `extra` (a date already a holiday keeps its official name).
    package init(extra: [BankHoliday] = []) {
        var seen = Set<CivilDate>()
        let unique = extra.sorted { $0.date < $1.date }.filter { seen.insert($0.date).inserted }
        self.extra = unique
        extraByYear = Dictionary(grouping: unique, by: \.date.year)
    }

    /// The official holidays of `year` (standing rules and announced changes), by date.
    package static func official(in year: Int) -> [BankHoliday] {
        officialCache[year] ?? computeOfficial(in: year)
    }

    /// Every holiday of `year`, configured extras included, by date, one per date.
    package func holidays(in year: Int) -> [BankHoliday] {
        let official = BankHolidays.official(in: year)
        guard let extra = extraByYear[year] else { return official }
        let officialDates = Set(official.map(\.date))
        return (official + extra.filter { !officialDates.contains($0.date) }).sorted { $0.date < $1.date }
    }

    /// The holiday on `date`, if it is one.
    package func holiday(on date: CivilDate) -> BankHoliday? {
        BankHolidays.official(in: date.year).first { $0.date == date }
            ?? extraByYear[date.year]?.first { $0.date == date }
    }

    /// Whether `date` is a bank holiday.
    package func contains(_ date: CivilDate) -> Bool {
        holiday(on: date) != nil
    }

    // The rules are cheap but working-day counting asks about every day it passes, so the years
    // anyone is likely to ask about are computed once per process; others on demand.
    private static let officialCache: [Int: [BankHoliday]] = Dictionary(
        uniqueKeysWithValues: (1950...2150).map { ($0, computeOfficial(in: $0)) })

    private static func computeOfficial(in year: Int) -> [BankHoliday] {
        var holidays = standing(in: year)
        for change in announcedChangesByYear[year] ?? [] {
            switch change {
            case .moved(let from, let to):
                holidays.removeAll { $0.date == from }
                holidays.append(to)
            case .added(let holiday):
                holidays.append(holiday)
            }
        }
        return holidays.sorted { $0.date < $1.date }
    }
}
