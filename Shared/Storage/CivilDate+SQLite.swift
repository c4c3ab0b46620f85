import WorkingDays

extension CivilDate: SQLiteValueConvertible {
    /// TEXT `YYYY-MM-DD`, the wire format too: zero-padded, so text order is date order.
    package var sqliteValue: SQLiteValue { .text(description) }
    /// Only from TEXT that is a real date in exactly `YYYY-MM-DD`.
    package init?(sqliteValue: SQLiteValue) {
        guard case .text(let text) = sqliteValue else { return nil }
        self.init(text)
    }
}
