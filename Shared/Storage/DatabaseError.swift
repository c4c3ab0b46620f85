import CSQLite

/// An error SQLite reported: its result code, its message, and the statement that failed.
///
/// Like GRDB's `DatabaseError`, it carries the SQL and the bound arguments, because "UNIQUE
/// constraint failed" alone rarely says which of a transaction's statements broke it.
package struct DatabaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of failure, from the primary result code (and, for constraints, the extended one).
    package let kind: Kind
    /// SQLite's extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    package let extendedCode: Int32
    /// SQLite's message, e.g. "UNIQUE constraint failed: accounts.name".
    package let message: String
    /// The SQL that failed, when the failure came from a statement.
    package let sql: String?
    /// The arguments bound to that SQL.
    package let arguments: [SQLiteValue]

    /// An error from SQLite's extended result code and message.
    package init(extendedCode: Int32, message: String, sql: String? = nil, arguments: [SQLiteValue] = []) {
        self.kind = Kind(extendedCode: extendedCode)
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
        self.arguments = arguments
    }

    /// "SQLite error 2067 (constraint: unique): UNIQUE constraint failed: t.a, in `INSERT ...` with [1]".
    package var description: String {
        var text = "SQLite error \(extendedCode) (\(kind)): \(message)"
        if let sql { text += ", in `\(sql)`" }
        if !arguments.isEmpty { text += " with [\(arguments.map(\.description).joined(separator: ", "))]" }
        return text
    }

    /// What went wrong, by SQLite's primary result code.
    package enum Kind: Sendable, Hashable {
        /// A constraint failed (`SQLITE_CONSTRAINT`); which one is in the associated value.
        case constraint(Constraint)
        /// Another connection or process held a lock past the busy timeout (`SQLITE_BUSY`).
        case busy
        /// A conflict within this connection (`SQLITE_LOCKED`).
        case locked
        /// A write was attempted where writing is not allowed (`SQLITE_READONLY`).
        case readOnly
        /// The file is damaged (`SQLITE_CORRUPT`).
        case corrupt
        /// The file is not a database (`SQLITE_NOTADB`).
        case notADatabase
        /// The disk is full (`SQLITE_FULL`).
        case full
        /// The operating system reported an I/O error (`SQLITE_IOERR`).
        case ioError
        /// The file could not be opened (`SQLITE_CANTOPEN`).
        case cannotOpen
        /// A statement was interrupted (`SQLITE_INTERRUPT`).
        case interrupted
        /// A datatype mismatch, e.g. TEXT into an INTEGER column of a STRICT table (`SQLITE_MISMATCH`).
        case mismatch
        /// The SQL is wrong: syntax, unknown table or column (`SQLITE_ERROR`).
        case sql
        /// The API was misused (`SQLITE_MISUSE`, `SQLITE_RANGE`).
        case misuse
        /// Any other primary result code.
        case other(Int32)

        /// The kind for an extended (or primary) result code.
        package init(extendedCode: Int32) {
            switch extendedCode & 0xff {
            case SQLITE_CONSTRAINT: self = .constraint(Constraint(extendedCode: extendedCode))
            case SQLITE_BUSY: self = .busy
            case SQLITE_LOCKED: self = .locked
            case SQLITE_READONLY: self = .readOnly
            case SQLITE_CORRUPT: self = .corrupt
            case SQLITE_NOTADB: self = .notADatabase
            case SQLITE_FULL: self = .full
            case SQLITE_IOERR: self = .ioError
            case SQLITE_CANTOPEN: self = .cannotOpen
            case SQLITE_INTERRUPT: self = .interrupted
            case SQLITE_MISMATCH: self = .mismatch
            case SQLITE_ERROR: self = .sql
            case SQLITE_MISUSE, SQLITE_RANGE: self = .misuse
            default: self = .other(extendedCode & 0xff)
            }
        }
    }

    /// Which constraint failed, from the extended result code.
    package enum Constraint: Sendable, Hashable {
        /// A UNIQUE constraint or unique index.
        case unique
        /// A PRIMARY KEY.
        case primaryKey
        /// A FOREIGN KEY, immediate or (at COMMIT) deferred.
        case foreignKey
        /// A NOT NULL column.
        case notNull
        /// A CHECK constraint.
        case check
        /// A STRICT table's column type.
        case dataType
        /// A trigger's RAISE, or anything else.
        case other
    }
}

extension DatabaseError.Constraint {
    /// The constraint named by an extended `SQLITE_CONSTRAINT_*` code.
    init(extendedCode: Int32) {
        switch extendedCode {
        case Self.uniqueCode: self = .unique
        case Self.primaryKeyCode, Self.rowIDCode: self = .primaryKey
        case Self.foreignKeyCode: self = .foreignKey
        case Self.notNullCode: self = .notNull
        case Self.checkCode: self = .check
        case Self.dataTypeCode: self = .dataType
        default: self = .other
        }
    }

    // sqlite3.h defines the extended codes as `(SQLITE_CONSTRAINT | (n<<8))` macros, which Swift
    // does not import; these are the same expressions.
    private static let checkCode = SQLITE_CONSTRAINT | (1 << 8)
    private static let foreignKeyCode = SQLITE_CONSTRAINT | (3 << 8)
    private static let notNullCode = SQLITE_CONSTRAINT | (5 << 8)
    private static let primaryKeyCode = SQLITE_CONSTRAINT | (6 << 8)
    private static let uniqueCode = SQLITE_CONSTRAINT | (8 << 8)
    private static let rowIDCode = SQLITE_CONSTRAINT | (10 << 8)
    private static let dataTypeCode = SQLITE_CONSTRAINT | (12 << 8)
}
