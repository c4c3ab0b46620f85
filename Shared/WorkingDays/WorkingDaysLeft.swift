/// How many working days are left before a deadline, in words, the same in the terminal and on
/// the dashboard: `3 working days`, `1 working day`, `due today`, `2 working days late`.
package enum WorkingDaysLeft {
    /// The words for `days` working days left (negative: late).
    package static func words(_ days: Int) -> String {
        switch days {
        case 0: return "due today"
        case 1: return "1 working day"
        case -1: return "1 working day late"
        case ..<0: return "\(-days) working days late"
        default: return "\(days) working days"
        }
    }
}
