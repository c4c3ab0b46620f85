import Contract
import Storage

// Here rather than in Storage or Contract: ServiceKit is the one module that imports both, and
// neither of them should depend on the other. Within one package this is not a retroactive
// conformance in the sense SE-0364 warns about.
extension CaseReference: SQLiteValueConvertible {
    /// TEXT `SURREY-2025-0007`, as on the wire.
    package var sqliteValue: SQLiteValue { .text(description) }
    /// Only from TEXT that is a valid case reference.
    package init?(sqliteValue: SQLiteValue) {
        guard case .text(let text) = sqliteValue else { return nil }
        self.init(text)
    }
}
