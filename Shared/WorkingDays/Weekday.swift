/// A day of the week, numbered as ISO 8601 does: Monday 1 to Sunday 7.
package enum Weekday: Int, Sendable, CaseIterable, Comparable {
    /// Monday, ISO day 1; the others follow in order.
    case monday = 1
    /// Tuesday to Sunday, ISO days 2 to 7.
    case tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday or Sunday, never a working day (RULES.md Working days).
    package var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Monday comes first.
    package static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
