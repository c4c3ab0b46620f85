import Foundation

/// "Today" as every service sees it: the date fixed by `CSPR_TODAY`, or the real date in
/// Europe/London (DESIGN.md Configuration).
///
/// Deadlines are civil dates in England, so a referral received at 00:30 BST on 1 July was
/// received on 1 July, though it was still 30 June in UTC.
package struct Today: Sendable, CustomStringConvertible {
    /// The environment variable that fixes today's date.
    package static let variable = "CSPR_TODAY"

    private enum Source: Sendable {
        case fixed(CivilDate)
        case clock(Calendar, @Sendable () -> Date)
    }

    private let source: Source

    /// Always `date`: for tests, demos and replaying past cases.
    package static func fixed(_ date: CivilDate) -> Today {
        Today(source: .fixed(date))
    }

    /// The date in Europe/London of the instant `now` returns (the real clock by default).
    package static func london(now: @escaping @Sendable () -> Date = { Date() }) throws(WorkingDaysError) -> Today {
        Today(source: .clock(try londonCalendar(), now))
    }

    /// Fixed by `CSPR_TODAY` when it is set and not empty, otherwise the real date in London.
    package static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(WorkingDaysError) -> Today {
        guard let value = environment[variable], !value.isEmpty else { return try london() }
        guard let date = CivilDate(value) else { throw .badDateVariable(name: variable, value: value) }
        return fixed(date)
    }

    /// Today's date.
    package var date: CivilDate {
        switch source {
        case .fixed(let date): date
        case .clock(let calendar, let now): Today.civilDate(of: now(), in: calendar)
        }
    }

    /// The fixed date, if `CSPR_TODAY` or a test fixed one.
    package var fixedDate: CivilDate? {
        if case .fixed(let date) = source { date } else { nil }
    }

    /// How today is known, for the start-up log.
    package var description: String {
        switch source {
        case .fixed(let date): "fixed at \(date)"
        case .clock: "the real date in Europe/London"
        }
    }

    /// The date in Europe/London at `instant`.
    package static func londonDate(of instant: Date) throws(WorkingDaysError) -> CivilDate {
        civilDate(of: instant, in: try londonCalendar())
    }

    private static func londonCalendar() throws(WorkingDaysError) -> Calendar {
        guard let zone = TimeZone(identifier: "Europe/London") else { throw .noLondonTimeZone }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }

    private static func civilDate(of instant: Date, in calendar: Calendar) -> CivilDate {
        // A Gregorian calendar only ever gives an existing date.
        CivilDate(
            calendar.component(.year, from: instant), calendar.component(.month, from: instant),
            calendar.component(.day, from: instant))
    }
}
