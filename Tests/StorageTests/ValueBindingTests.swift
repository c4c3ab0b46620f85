import Foundation
import Storage
import Testing
import WorkingDays

/// One value of each bindable type, with the SQLite storage class it must be stored as.
enum Sample: Sendable, CustomTestStringConvertible {
    case int64(Int64)
    case int(Int)
    case double(Double)
    case string(String)
    case data(Data)
    case bool(Bool)
    case civilDate(CivilDate)
    case instant(Date)
    case none

    var testDescription: String { "\(self)" }

    /// What `typeof()` must say about the stored value.
    var storageClass: String {
        switch self {
        case .int64, .int, .bool: "integer"
        case .double: "real"
        case .string, .civilDate, .instant: "text"
        case .data: "blob"
        case .none: "null"
        }
    }

    static let all: [Sample] = [
        .int64(.max), .int64(.min), .int64(0), .int(-42), .double(3.141_592_653_589_793), .double(-0.5),
        .string(""), .string("Café, 子ども, 🧒 and an embedded \u{0} NUL"), .data(Data()),
        .data(Data([0, 1, 2, 255, 0])), .bool(true), .bool(false),
        .civilDate(CivilDate(year: 2024, month: 2, day: 29)!),
        .instant(Date(timeIntervalSince1970: 1_714_555_800.25)),
        .instant(Date(timeIntervalSince1970: -86_400.001)), .none,
    ]
}

private let samplesTable = [Migration("samples", sql: "CREATE TABLE samples (id INTEGER PRIMARY KEY, v ANY) STRICT")]

/// Writes `value`, reads it back as the same type, and reports the storage class SQLite used.
private func roundTrip<T: SQLiteValueConvertible & Sendable>(_ value: T, in database: Database) async throws -> (
    T, String
) {
    let id = try await database.write { tx in
        try tx.execute("INSERT INTO samples (v) VALUES (?)", value)
        return tx.lastInsertRowID
    }
    return try await database.read { conn in
        let row = try #require(try conn.queryOne("SELECT v, typeof(v) AS class FROM samples WHERE id = ?", id))
        let read: T = try row["v"]
        let storageClass: String = try row["class"]
        return (read, storageClass)
    }
}

/// Round-trips `value`, expects it back equal, and returns the storage class SQLite used.
private func storedClass<T: SQLiteValueConvertible & Sendable & Equatable>(
    _ value: T, in database: Database, sourceLocation: SourceLocation = #_sourceLocation
) async throws -> String {
    let (read, stored) = try await roundTrip(value, in: database)
    #expect(read == value, sourceLocation: sourceLocation)
    return stored
}

/// Round-trips the value `sample` holds, as its own type; returns the storage class SQLite used.
private func storedClass(_ sample: Sample, in database: Database) async throws -> String {
    switch sample {
    case .int64(let value): try await storedClass(value, in: database)
    case .int(let value): try await storedClass(value, in: database)
    case .double(let value): try await storedClass(value, in: database)
    case .string(let value): try await storedClass(value, in: database)
    case .data(let value): try await storedClass(value, in: database)
    case .bool(let value): try await storedClass(value, in: database)
    case .civilDate(let value): try await storedClass(value, in: database)
    case .instant(let value): try await storedClass(value, in: database)
    case .none: try await storedClass(String?.none, in: database)
    }
}

@Suite("Value bindings")
struct ValueBindingTests {
    @Test("every bindable type reads back equal, in the storage class it documents", arguments: Sample.all)
    func roundTrips(sample: Sample) async throws {
        try await withDatabase(samplesTable) { database, _ in
            let storageClass = try await storedClass(sample, in: database)
            #expect(storageClass == sample.storageClass)
        }
    }

    @Test("an optional binds NULL for nil and reads NULL back as nil, a value as itself")
    func optionals() async throws {
        try await withDatabase(samplesTable) { database, _ in
            try await database.write { tx in
                try tx.execute("INSERT INTO samples (id, v) VALUES (1, ?), (2, ?)", Int64?.none, Int64?.some(7))
            }
            let values: [Int64?] = try await database.read { conn in
                try conn.query("SELECT v FROM samples ORDER BY id").map { try $0[0] }
            }
            #expect(values == [nil, 7])
        }
    }

    @Test("reading NULL as a non-optional type is an error naming the column, not a zero")
    func nullIntoNonOptional() async throws {
        try await withDatabase(samplesTable) { database, _ in
            try await database.write { tx in try tx.execute("INSERT INTO samples (id, v) VALUES (1, NULL)") }
            await #expect(throws: StorageError.conversion(column: "v", value: .null, type: "Int64", sql: nil)) {
                try await database.read { conn in
                    let row = try #require(try conn.queryOne("SELECT v FROM samples"))
                    let value: Int64 = try row["v"]
                    return value
                }
            }
        }
    }

    @Test("reading text as an integer is refused rather than coerced")
    func noSilentCoercion() async throws {
        try await withDatabase(samplesTable) { database, _ in
            try await database.write { tx in try tx.execute("INSERT INTO samples (id, v) VALUES (1, '12')") }
            let error = await #expect(throws: StorageError.self) {
                try await database.read { conn -> Int64? in try conn.value("SELECT v FROM samples") }
            }
            guard case .conversion(let column, let value, let type, _) = error else {
                Issue.record("expected a conversion error, got \(String(describing: error))")
                return
            }
            #expect(column == "v" && value == .text("12") && type == "Int64")
        }
    }

    @Test("civil dates and instants are stored as sortable text in the wire format")
    func textForms() {
        #expect(CivilDate(year: 7, month: 3, day: 9)?.sqliteValue == .text("0007-03-09"))
        #expect(InstantText.string(from: Date(timeIntervalSince1970: 0.001)) == "1970-01-01T00:00:00.001Z")
        #expect(InstantText.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
        #expect(InstantText.string(from: Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
        #expect(InstantText.string(from: .distantFuture) == "4001-01-01T00:00:00.000Z")
        #expect(InstantText.string(from: Date(timeIntervalSince1970: 1e15)) == "9999-12-31T23:59:59.999Z")
        #expect(InstantText.string(from: Date(timeIntervalSince1970: -1e15)) == "0000-01-01T00:00:00.000Z")
        let earlier = InstantText.string(from: Date(timeIntervalSince1970: 999.999))
        let later = InstantText.string(from: Date(timeIntervalSince1970: 1000))
        #expect(earlier < later)
    }

    @Test(
        "impossible civil dates and malformed instants are refused",
        arguments: [
            "2023-02-29", "2024-04-31", "2024-13-01", "2024-1-01", "24-01-01", "2024-01-01Z",
        ])
    func badDates(text: String) {
        #expect(CivilDate(text) == nil)
        #expect(CivilDate(sqliteValue: .text(text)) == nil)
        #expect(InstantText.date(from: text + "T00:00:00.000Z") == nil)
    }

    @Test("a Bool reads only from 0 or 1, so a wrong column is noticed")
    func strictBool() {
        #expect(Bool(sqliteValue: .integer(1)) == true)
        #expect(Bool(sqliteValue: .integer(0)) == false)
        #expect(Bool(sqliteValue: .integer(2)) == nil)
        #expect(Bool(sqliteValue: .text("true")) == nil)
    }
}
