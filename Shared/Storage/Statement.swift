import CSQLite
import Foundation

/// A compiled SQL statement. It owns its `sqlite3_stmt*` and finalizes it in deinit.
///
/// Not Sendable: it belongs to the connection's thread, like the connection that made it.
package final class Statement {
    private let handle: OpaquePointer
    /// The SQL this statement was compiled from.
    package let sql: String
    /// The arguments last bound, kept to describe a failure.
    private var arguments: [SQLiteValue] = []

    /// Takes ownership of a prepared statement handle.
    init(handle: OpaquePointer, sql: String) {
        self.handle = handle
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// The result column names, in order.
    package var columnNames: [String] {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }

    /// The number of `?` parameters.
    package var parameterCount: Int { Int(sqlite3_bind_parameter_count(handle)) }

    /// Resets the statement and binds `values` to its parameters, in order.
    package func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        arguments = values
        guard values.count == parameterCount else {
            throw StorageError.argumentCount(expected: parameterCount, given: values.count, sql: sql)
        }
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null:
                code = sqlite3_bind_null(handle, index)
            case .integer(let integer):
                code = sqlite3_bind_int64(handle, index, integer)
            case .real(let real):
                code = sqlite3_bind_double(handle, index, real)
            case .text(let text):
                code = bindText(text, at: index)
            case .blob(let data):
                code = bindBlob(data, at: index)
            }
            guard code == SQLITE_OK else { throw error(code) }
        }
    }

    /// Advances to the next row: true when a row is available, false when the statement is done.
    package func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            let failure = error(code)
            sqlite3_reset(handle)
            throw failure
        }
    }

    /// The current row's value at a zero-based column index, in its storage class.
    package func value(at index: Int) -> SQLiteValue {
        let column = Int32(index)
        switch sqlite3_column_type(handle, column) {
        case SQLITE_INTEGER:
            return .integer(sqlite3_column_int64(handle, column))
        case SQLITE_FLOAT:
            return .real(sqlite3_column_double(handle, column))
        case SQLITE_TEXT:
            // Text first, then its length in bytes: the order sqlite3_column_bytes documents.
            guard let text = sqlite3_column_text(handle, column) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, column))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            // A zero-length blob comes back as a NULL pointer; it is still an empty blob, not NULL.
            guard let bytes = sqlite3_column_blob(handle, column) else { return .blob(Data()) }
            return .blob(Data(bytes: bytes, count: Int(sqlite3_column_bytes(handle, column))))
        default:
            return .null
        }
    }

    /// The current row's value at a column index as `T`, or a conversion error naming the column.
    package func column<T: SQLiteValueConvertible>(_ index: Int, as type: T.Type = T.self) throws -> T {
        let value = value(at: index)
        guard let converted = T(sqliteValue: value) else {
            let name =
                index < sqlite3_column_count(handle)
                ? String(cString: sqlite3_column_name(handle, Int32(index))) : "#\(index)"
            throw StorageError.conversion(column: name, value: value, type: String(describing: T.self), sql: sql)
        }
        return converted
    }

    /// Binds, runs to completion ignoring any rows, and resets.
    package func execute(_ values: [SQLiteValue]) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Binds, collects every row, and resets.
    package func rows(_ values: [SQLiteValue]) throws -> [Row] {
        try bind(values)
        defer { sqlite3_reset(handle) }
        let names = columnNames
        var rows: [Row] = []
        while try step() {
            rows.append(Row(columns: names, values: (0..<names.count).map(value(at:))))
        }
        return rows
    }

    /// Releases read locks and bindings so a cached statement does not pin a WAL snapshot.
    package func reset() {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func bindText(_ text: String, at index: Int32) -> Int32 {
        var text = text
        return text.withUTF8 { bytes in
            // An empty buffer may have no base address, and a NULL pointer would bind SQL NULL.
            guard let base = bytes.baseAddress, !bytes.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, cspr_sqlite_transient())
            }
            // The 64-bit length: an oversized value is SQLite's SQLITE_TOOBIG, not a trap converting to Int32.
            return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                sqlite3_bind_text64(
                    handle, index, $0, UInt64(bytes.count), cspr_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        }
    }

    private func bindBlob(_ data: Data, at index: Int32) -> Int32 {
        // sqlite3_bind_blob with a NULL pointer binds NULL, so an empty blob goes through zeroblob.
        guard !data.isEmpty else { return sqlite3_bind_zeroblob(handle, index, 0) }
        return data.withUnsafeBytes { bytes in
            sqlite3_bind_blob64(handle, index, bytes.baseAddress, UInt64(bytes.count), cspr_sqlite_transient())
        }
    }

    private func error(_ code: Int32) -> DatabaseError {
        let database = sqlite3_db_handle(handle)
        let message = database.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
        let extended = database.map { sqlite3_extended_errcode($0) } ?? code
        return DatabaseError(extendedCode: extended, message: message, sql: sql, arguments: arguments)
    }
}
