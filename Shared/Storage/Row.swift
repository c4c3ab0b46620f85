/// One result row, copied out of SQLite so it outlives the statement and can cross threads.
package struct Row: Sendable, Equatable {
    /// The column names, in order.
    package let columns: [String]
    /// The values, in column order.
    package let values: [SQLiteValue]

    /// A row of named values.
    package init(columns: [String], values: [SQLiteValue]) {
        self.columns = columns
        self.values = values
    }

    /// The value at a zero-based column index as `T`: `let id: Int64 = try row[0]`.
    package subscript<T: SQLiteValueConvertible>(_ index: Int) -> T {
        get throws {
            guard values.indices.contains(index) else {
                throw StorageError.noSuchColumn("#\(index)", available: columns)
            }
            return try convert(values[index], column: columns[index])
        }
    }

    /// The value of the named column as `T`: `let name: String? = try row["name"]`.
    ///
    /// Names match exactly first, then ignoring case, as SQL identifiers do.
    package subscript<T: SQLiteValueConvertible>(_ name: String) -> T {
        get throws {
            guard
                let index = columns.firstIndex(of: name)
                    ?? columns.firstIndex(where: { $0.lowercased() == name.lowercased() })
            else { throw StorageError.noSuchColumn(name, available: columns) }
            return try convert(values[index], column: name)
        }
    }

    private func convert<T: SQLiteValueConvertible>(_ value: SQLiteValue, column: String) throws -> T {
        guard let converted = T(sqliteValue: value) else {
            throw StorageError.conversion(column: column, value: value, type: String(describing: T.self), sql: nil)
        }
        return converted
    }
}
