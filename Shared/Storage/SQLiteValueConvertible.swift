import Foundation

/// A Swift type that binds as an SQLite parameter and reads back from a column.
///
/// Conform a domain type (`CivilDate` here, `CaseReference` in ServiceKit) to bind it
/// directly: map it to one storage class in `sqliteValue` and accept only that class back.
package protocol SQLiteValueConvertible {
    /// The value to bind.
    var sqliteValue: SQLiteValue { get }
    /// Reads the value back; nil when the column holds something this type cannot represent.
    init?(sqliteValue: SQLiteValue)
}

extension SQLiteValue: SQLiteValueConvertible {
    /// The value itself.
    package var sqliteValue: SQLiteValue { self }
    /// Any value, unchanged.
    package init?(sqliteValue: SQLiteValue) { self = sqliteValue }
}

extension Int64: SQLiteValueConvertible {
    /// An INTEGER.
    package var sqliteValue: SQLiteValue { .integer(self) }
    /// Only from an INTEGER: a REAL is refused rather than silently truncated.
    package init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Int: SQLiteValueConvertible {
    /// An INTEGER.
    package var sqliteValue: SQLiteValue { .integer(Int64(self)) }
    /// Only from an INTEGER that fits.
    package init?(sqliteValue: SQLiteValue) {
        guard case .integer(let value) = sqliteValue, let fitting = Int(exactly: value) else { return nil }
        self = fitting
    }
}

extension Double: SQLiteValueConvertible {
    /// A REAL.
    package var sqliteValue: SQLiteValue { .real(self) }
    /// From a REAL, or an INTEGER (widening, as SQLite's own arithmetic does).
    package init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .real(let value): self = value
        case .integer(let value): self = Double(value)
        default: return nil
        }
    }
}

extension String: SQLiteValueConvertible {
    /// TEXT.
    package var sqliteValue: SQLiteValue { .text(self) }
    /// Only from TEXT.
    package init?(sqliteValue: SQLiteValue) {
        guard case .text(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Data: SQLiteValueConvertible {
    /// A BLOB.
    package var sqliteValue: SQLiteValue { .blob(self) }
    /// Only from a BLOB.
    package init?(sqliteValue: SQLiteValue) {
        guard case .blob(let value) = sqliteValue else { return nil }
        self = value
    }
}

extension Bool: SQLiteValueConvertible {
    /// INTEGER 1 or 0, SQLite's own booleans.
    package var sqliteValue: SQLiteValue { .integer(self ? 1 : 0) }
    /// Only from INTEGER 0 or 1, so that a wrong column is noticed rather than read as true.
    package init?(sqliteValue: SQLiteValue) {
        switch sqliteValue {
        case .integer(0): self = false
        case .integer(1): self = true
        default: return nil
        }
    }
}

extension Optional: SQLiteValueConvertible where Wrapped: SQLiteValueConvertible {
    /// NULL for nil, else the wrapped value.
    package var sqliteValue: SQLiteValue { self?.sqliteValue ?? .null }
    /// nil from NULL; otherwise the wrapped type's reading (and its refusal).
    package init?(sqliteValue: SQLiteValue) {
        if case .null = sqliteValue {
            self = .none
        } else if let value = Wrapped(sqliteValue: sqliteValue) {
            self = .some(value)
        } else {
            return nil
        }
    }
}
