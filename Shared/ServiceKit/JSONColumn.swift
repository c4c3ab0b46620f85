import Foundation
import RPC
import Storage

/// A value kept whole as JSON text in a column: the framework's forms and a stage's records are
/// read and written whole, and the columns beside them are what a store searches by.
package enum JSONColumn {
    /// The JSON text of `value`.
    package static func text<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try JSONCodec.encode(value), as: UTF8.self)
    }

    /// The value the `column` of `table` holds in `row`. Text that no longer decodes is a defect
    /// of the database, not the caller's: it is `StoredValueError` (answered INTERNAL, logged by
    /// its table and column, never its content).
    package static func value<T: Decodable>(_ type: T.Type, _ row: Row, _ column: String, table: String) throws -> T {
        guard let value = try valueIfPresent(type, row, column, table: table) else { throw StoredValueError(table: table, column: column) }
        return value
    }

    /// The value of a column that may be NULL; nil when it is.
    package static func valueIfPresent<T: Decodable>(_ type: T.Type, _ row: Row, _ column: String, table: String) throws -> T? {
        guard let text: String = try row[column] else { return nil }
        do {
            return try JSONCodec.decode(type, from: Data(text.utf8))
        } catch {
            throw StoredValueError(table: table, column: column)
        }
    }
}

/// A stored value that does not read back as what was written.
package struct StoredValueError: Error, CustomStringConvertible {
    /// The table.
    package let table: String
    /// The column.
    package let column: String

    /// The `column` of `table`.
    package init(table: String, column: String) {
        self.table = table
        self.column = column
    }

    package var description: String { "\(table).\(column) does not hold what was written" }
}
