/// Arguments bound to a statement's `?` parameters, in order; `nil` binds NULL.
package typealias StatementArguments = [(any SQLiteValueConvertible)?]

/// Runs SQL with typed arguments and typed results: a reader's `Connection` or a `WriteTransaction`.
///
/// Statements run through these methods are cached by their SQL text, so pass values as
/// arguments rather than splicing them into the SQL.
package protocol DatabaseAccess {
    /// The connection the SQL runs on; valid only inside the closure it was handed to.
    var connection: Connection { get }
}

extension DatabaseAccess {
    /// Runs one statement, discarding any rows: `try tx.execute("DELETE FROM t WHERE id = ?", id)`.
    package func execute(_ sql: String, _ arguments: (any SQLiteValueConvertible)?...) throws {
        try execute(sql, arguments: arguments)
    }

    /// Runs one statement with an argument array built at run time.
    package func execute(_ sql: String, arguments: StatementArguments) throws {
        try connection.cachedStatement(sql).execute(arguments.sqliteValues)
    }

    /// Every row of a query.
    package func query(_ sql: String, _ arguments: (any SQLiteValueConvertible)?...) throws -> [Row] {
        try query(sql, arguments: arguments)
    }

    /// Every row of a query with an argument array built at run time.
    package func query(_ sql: String, arguments: StatementArguments) throws -> [Row] {
        try connection.cachedStatement(sql).rows(arguments.sqliteValues)
    }

    /// The first row of a query, or nil when there is none.
    package func queryOne(_ sql: String, _ arguments: (any SQLiteValueConvertible)?...) throws -> Row? {
        try query(sql, arguments: arguments).first
    }

    /// The first column of the first row as `T`, or nil when there is no row or it holds NULL
    /// (as `max()` over no rows does): `let count: Int? = try conn.value("SELECT count(*) FROM t")`.
    package func value<T: SQLiteValueConvertible>(
        _ sql: String, _ arguments: (any SQLiteValueConvertible)?...
    ) throws -> T? {
        try value(sql, arguments: arguments)
    }

    /// The first column of the first row as `T`, with an argument array built at run time.
    package func value<T: SQLiteValueConvertible>(_ sql: String, arguments: StatementArguments) throws -> T? {
        let statement = try connection.cachedStatement(sql)
        try statement.bind(arguments.sqliteValues)
        defer { statement.reset() }
        guard try statement.step(), statement.value(at: 0) != .null else { return nil }
        return try statement.column(0, as: T.self)
    }

    /// Compiles a statement the caller owns (not cached), for stepping through rows by hand.
    package func prepare(_ sql: String) throws -> Statement {
        try connection.prepare(sql)
    }

    /// Runs several `;`-separated statements that take no arguments.
    package func executeScript(_ sql: String) throws {
        try connection.executeScript(sql)
    }

    /// The rowid of the last successful INSERT on this connection.
    package var lastInsertRowID: Int64 { connection.lastInsertRowID }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    package var changes: Int { connection.changes }
}

extension Connection: DatabaseAccess {
    /// The connection itself.
    package var connection: Connection { self }
}

extension [(any SQLiteValueConvertible)?] {
    /// The values to bind, NULL for nil.
    var sqliteValues: [SQLiteValue] { map { $0?.sqliteValue ?? .null } }
}
