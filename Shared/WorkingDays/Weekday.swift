/// A day of the week, numbered as ISO 8601 does: Monday 1 to Sunday 7.
package enum Weekday: Int, Sendable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// Saturday or Sunday, never a working day (RULES.md Working days).
    package var isWeekend: Bool { self == .saturday || self == .sunday }

    /// Monday comes first.
    package static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
}
