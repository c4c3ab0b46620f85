/// An error of Storage's own rules, as opposed to one SQLite reported (`DatabaseError`).
package enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database was closed before the work could run.
    case closed
    /// The file holds schema steps (by name, sorted) that this code does not know: newer code wrote it.
    case schemaNewerThanCode(unknownSteps: [String])
    /// A schema step failed; its transaction was rolled back and the step is not recorded.
    case migrationFailed(step: String, cause: DatabaseError)
    /// A column held a value the requested Swift type cannot represent.
    case conversion(column: String, value: SQLiteValue, type: String, sql: String?)
    /// A row has no column of that name or index.
    case noSuchColumn(String, available: [String])
    /// The statement has a different number of `?` parameters than arguments were given.
    case argumentCount(expected: Int, given: Int, sql: String)
    /// The file could not be put in WAL mode (e.g. a file system without shared memory).
    case walUnavailable(journalMode: String)

    /// A sentence naming what was expected and what was found.
    package var description: String {
        switch self {
        case .closed:
            "the database is closed"
        case .schemaNewerThanCode(let unknownSteps):
            "the database has schema steps this code does not know (\(unknownSteps.joined(separator: ", "))); "
                + "refusing to use a database written by newer code"
        case .migrationFailed(let step, let cause):
            "schema step \(step) failed and was rolled back: \(cause)"
        case .conversion(let column, let value, let type, let sql):
            "column \(column) holds \(value), which is not a \(type)" + (sql.map { ", in `\($0)`" } ?? "")
        case .noSuchColumn(let name, let available):
            "no column \(name); the row has [\(available.joined(separator: ", "))]"
        case .argumentCount(let expected, let given, let sql):
            "`\(sql)` takes \(expected) arguments but \(given) were given"
        case .walUnavailable(let journalMode):
            "the database could not be put in WAL mode (journal_mode is \(journalMode))"
        }
    }
}
