/// An error of Storage's own rules, as opposed to one SQLite reported (`DatabaseError`).
package enum StorageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The database was closed before the work could run.
    case closed
    /// The file's schema (`PRAGMA user_version`) is newer than the migrations this code knows.
    case schemaNewerThanCode(databaseVersion: Int, codeVersion: Int)
    /// A migration step failed; its transaction was rolled back and the version is unchanged.
    case migrationFailed(version: Int, name: String, cause: DatabaseError)
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
        case .schemaNewerThanCode(let databaseVersion, let codeVersion):
            "the database schema is version \(databaseVersion) but this code knows only up to version "
                + "\(codeVersion); refusing to use a database written by newer code"
        case .migrationFailed(let version, let name, let cause):
            "migration \(version) (\(name)) failed and was rolled back: \(cause)"
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
