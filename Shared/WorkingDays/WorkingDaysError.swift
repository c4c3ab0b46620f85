/// Why the calendar or the clock could not be set up from configuration; each case names the
/// file and line or the variable at fault, so that the operator can fix it (DESIGN.md: config
/// fails fast naming the variable).
package enum WorkingDaysError: Error, Equatable, CustomStringConvertible {
    /// A line of the extra bank holidays file is not a date.
    case badExtraHolidayLine(file: String, line: Int, text: String)
    /// The extra bank holidays file could not be read.
    case unreadableExtraHolidaysFile(file: String, reason: String)
    /// An environment variable that should hold a date does not.
    case badDateVariable(name: String, value: String)
    /// The time zone database has no Europe/London, so "today" cannot be known.
    case noLondonTimeZone

    /// The message for the operator.
    package var description: String {
        switch self {
        case .badExtraHolidayLine(let file, let line, let text):
            "\(file), line \(line): \(CivilDate.expectedFormat), got \"\(text)\""
        case .unreadableExtraHolidaysFile(let file, let reason):
            "cannot read the extra bank holidays file \(file): \(reason)"
        case .badDateVariable(let name, let value):
            "\(name): \(CivilDate.expectedFormat), got \"\(value)\""
        case .noLondonTimeZone:
            "the time zone Europe/London is not available (install tzdata), so today's date is unknown"
        }
    }
}
