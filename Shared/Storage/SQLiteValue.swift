import Foundation

/// One SQLite value in its storage class: what a column holds and what a parameter binds.
package enum SQLiteValue: Sendable, Hashable {
    /// SQL NULL.
    case null
    /// A 64-bit signed integer.
    case integer(Int64)
    /// An IEEE 754 double. SQLite stores NaN as NULL.
    case real(Double)
    /// UTF-8 text.
    case text(String)
    /// Bytes.
    case blob(Data)
}

extension SQLiteValue: CustomStringConvertible {
    /// How the value appears in error messages: SQL-literal-like, blobs by size only.
    package var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .real(let value): String(value)
        case .text(let value): "'" + value.replacingOccurrences(of: "'", with: "''") + "'"
        // Payloads may be large or carry personal data; their size is enough to debug with.
        case .blob(let value): "<\(value.count) bytes>"
        }
    }
}
