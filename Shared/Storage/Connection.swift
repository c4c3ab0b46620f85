import CSQLite
import Foundation

/// One SQLite connection. It owns its `sqlite3*` and closes it in deinit.
///
/// Not Sendable: each connection lives on one dedicated thread of a `Database` and is handed
/// to closures running on that thread only. Use it through `DatabaseAccess`'s methods.
package final class Connection {
    /// What a connection is opened for, which decides its pragmas.
    enum Role {
        /// The one connection that writes: sets WAL, `synchronous=FULL`, foreign keys.
        case writer
        /// A reader of the WAL: foreign keys, and `query_only` so a stray write fails loudly.
        case reader
        /// A plain file, e.g. the target of a backup.
        case plain
    }

    private let handle: OpaquePointer
    private var cache: StatementCache

    /// Opens (creating if needed) the database at `path` and configures it for `role`.
    init(path: String, role: Role, busyTimeoutMilliseconds: Int32, statementCacheCapacity: Int) throws {
        var opened: OpaquePointer?
        // NOMUTEX: each connection is confined to one thread, so SQLite's own locking is redundant.
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        let code = sqlite3_open_v2(path, &opened, flags, nil)
        guard code == SQLITE_OK, let opened else {
            let message = opened.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(opened)
            throw DatabaseError(extendedCode: code, message: message + " (opening \(path))")
        }
        handle = opened
        cache = StatementCache(capacity: statementCacheCapacity)
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try configure(role)
    }

    deinit {
        cache.removeAll()
        // close_v2 defers the close until any statement still held elsewhere is finalized.
        sqlite3_close_v2(handle)
    }

    private func configure(_ role: Role) throws {
        switch role {
        case .writer:
            let mode = try connectionValue("PRAGMA journal_mode = WAL") ?? "none"
            guard mode.lowercased() == "wal" else { throw StorageError.walUnavailable(journalMode: mode) }
            // FULL: in WAL mode each COMMIT fsyncs the log, so an acknowledged write survives power loss.
            try executeScript("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")
        case .reader:
            try executeScript("PRAGMA foreign_keys = ON; PRAGMA query_only = ON;")
        case .plain:
            break
        }
    }

    private func connectionValue(_ sql: String) throws -> String? {
        let rows = try prepare(sql).rows([])
        guard let first = rows.first?.values.first, case .text(let text) = first else { return nil }
        return text
    }

    /// Compiles one statement, owned by the caller and not cached.
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        // The tail points into the C string, so it is read inside withCString, while that string lives.
        let (code, trailingSQL) = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v2(handle, text, -1, &statement, &tail)
            let trailing = tail.map { String(cString: $0).allSatisfy(\.isWhitespace) == false } ?? false
            return (code, trailing)
        }
        guard code == SQLITE_OK else { throw error(sql: sql) }
        guard let statement else {
            throw DatabaseError(extendedCode: SQLITE_MISUSE, message: "no SQL statement to run", sql: sql)
        }
        let prepared = Statement(handle: statement, sql: sql)
        // prepare compiles only the first statement; silently ignoring the rest would lose work.
        if trailingSQL {
            throw DatabaseError(
                extendedCode: SQLITE_MISUSE, message: "more than one statement; use executeScript", sql: sql)
        }
        return prepared
    }

    /// The cached compiled statement for `sql`.
    func cachedStatement(_ sql: String) throws -> Statement {
        try cache.statement(for: sql, prepare: prepare)
    }

    /// Runs several `;`-separated statements without arguments, e.g. a migration step.
    func executeScript(_ sql: String) throws {
        var errorMessage: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &errorMessage)
        defer { sqlite3_free(errorMessage) }
        guard code == SQLITE_OK else {
            let message = errorMessage.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: message, sql: sql)
        }
    }

    /// The rowid of the last successful INSERT on this connection.
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Whether a transaction is open; false after SQLite rolled one back on its own (e.g. disk full).
    var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Copies the whole database, as of one read snapshot, into a new file at `path`.
    ///
    /// One `sqlite3_backup_step(-1)` rather than page batches: a batched backup from a WAL
    /// source restarts whenever the writer commits, and might never finish on a busy database.
    func backup(toNewFileAt path: String, busyTimeoutMilliseconds: Int32) throws {
        let destination = try Connection(
            path: path, role: .plain, busyTimeoutMilliseconds: busyTimeoutMilliseconds, statementCacheCapacity: 1)
        guard let backup = sqlite3_backup_init(destination.handle, "main", handle, "main") else {
            throw destination.error(sql: nil)
        }
        let stepCode = sqlite3_backup_step(backup, -1)
        let finishCode = sqlite3_backup_finish(backup)
        guard stepCode == SQLITE_DONE, finishCode == SQLITE_OK else {
            throw destination.error(sql: nil)
        }
    }

    private func error(sql: String?) -> DatabaseError {
        DatabaseError(
            extendedCode: sqlite3_extended_errcode(handle), message: String(cString: sqlite3_errmsg(handle)), sql: sql)
    }
}
