/// One bank holiday: its date and its name as the government's list writes it
/// ("Boxing Day (substitute day)").
package struct BankHoliday: Hashable, Sendable, Codable {
    /// The day off.
    package let date: CivilDate
    /// Its name, e.g. "Early May bank holiday".
    package let name: String

    /// The name given to an extra day that came from configuration without one.
    package static let extraName = "Extra bank holiday"

    /// A bank holiday on `date` called `name`.
    package init(_ date: CivilDate, _ name: String = BankHoliday.extraName) {
        self.date = date
        self.name = name
    }
}
