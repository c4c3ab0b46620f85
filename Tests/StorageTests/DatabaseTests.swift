import Foundation
import Storage
import Testing

private let schema = [
    Migration(
        "people and notes",
        sql: """
            CREATE TABLE people (
                id INTEGER PRIMARY KEY,
                name TEXT NOT NULL UNIQUE,
                age INTEGER CHECK (age >= 0)
            ) STRICT;
            CREATE TABLE notes (
                id INTEGER PRIMARY KEY,
                person_id INTEGER NOT NULL REFERENCES people (id),
                body TEXT NOT NULL
            ) STRICT;
            INSERT INTO people (id, name, age) VALUES (1, 'Ada', 36);
            """)
]

/// A statement that breaks one constraint of `schema`, and the kind it must report.
struct Violation: Sendable, CustomTestStringConvertible {
    let sql: String
    let arguments: [SQLiteValue]
    let kind: DatabaseError.Constraint
    let extendedCode: Int32
    var testDescription: String { "\(kind)" }

    static let all = [
        Violation(
            sql: "INSERT INTO people (name, age) VALUES (?, ?)", arguments: [.text("Ada"), .integer(1)],
            kind: .unique, extendedCode: 2067),
        Violation(
            sql: "INSERT INTO people (name, age) VALUES (?, ?)", arguments: [.null, .integer(1)],
            kind: .notNull, extendedCode: 1299),
        Violation(
            sql: "INSERT INTO people (name, age) VALUES (?, ?)", arguments: [.text("Bo"), .integer(-1)],
            kind: .check, extendedCode: 275),
        Violation(
            sql: "INSERT INTO notes (person_id, body) VALUES (?, ?)", arguments: [.integer(99), .text("x")],
            kind: .foreignKey, extendedCode: 787),
        Violation(
            sql: "INSERT INTO people (id, name) VALUES (?, ?)", arguments: [.integer(1), .text("Cy")],
            kind: .primaryKey, extendedCode: 1555),
        Violation(
            sql: "INSERT INTO people (name, age) VALUES (?, ?)", arguments: [.text("Di"), .text("old")],
            kind: .dataType, extendedCode: 3091),
    ]
}

@Suite("Database")
struct DatabaseTests {
    @Test(
        "a broken constraint surfaces as a typed error carrying the extended code, SQL and arguments",
        arguments: Violation.all)
    func constraintErrors(violation: Violation) async throws {
        try await withDatabase(schema) { database, _ in
            let error = await #expect(throws: DatabaseError.self) {
                try await database.write { tx in try tx.execute(violation.sql, arguments: violation.arguments) }
            }
            #expect(error?.kind == .constraint(violation.kind))
            #expect(error?.extendedCode == violation.extendedCode)
            #expect(error?.sql == violation.sql)
            #expect(error?.arguments == violation.arguments)
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM people") }
            #expect(count == 1)
        }
    }

    @Test("a write that throws leaves the database exactly as it was, and its caller gets its own error")
    func failedTransactionChangesNothing() async throws {
        try await withDatabase(schema) { database, _ in
            await #expect(throws: DeliberateFailure(tag: 7)) {
                try await database.write { tx in
                    try tx.execute("INSERT INTO people (name) VALUES ('Bo')")
                    try tx.execute("UPDATE people SET age = 99 WHERE id = 1")
                    try tx.execute("INSERT INTO notes (person_id, body) VALUES (1, 'gone')")
                    throw DeliberateFailure(tag: 7)
                }
            }
            let state = try await database.read { conn in
                (try conn.query("SELECT id, name, age FROM people"), try conn.query("SELECT * FROM notes"))
            }
            #expect(state.0 == [Row(columns: ["id", "name", "age"], values: [.integer(1), .text("Ada"), .integer(36)])])
            #expect(state.1.isEmpty)
        }
    }

    @Test("a write returns its closure's value once committed, visible to later reads")
    func writeReturnsValue() async throws {
        try await withDatabase(schema) { database, _ in
            let id = try await database.write { tx in
                try tx.execute("INSERT INTO people (name, age) VALUES (?, ?)", "Bo", 4)
                return tx.lastInsertRowID
            }
            let name: String? = try await database.read { conn in
                try conn.value("SELECT name FROM people WHERE id = ?", id)
            }
            #expect(name == "Bo")
        }
    }

    @Test("a read cannot write: reader connections are query-only")
    func readsCannotWrite() async throws {
        try await withDatabase(schema) { database, _ in
            let error = await #expect(throws: DatabaseError.self) {
                try await database.read { conn in try conn.execute("DELETE FROM people") }
            }
            #expect(error?.kind == .readOnly)
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM people") }
            #expect(count == 1)
        }
    }

    @Test("bad SQL and a wrong number of arguments are errors naming the statement")
    func misuse() async throws {
        try await withDatabase(schema) { database, _ in
            let syntax = await #expect(throws: DatabaseError.self) {
                try await database.read { conn in try conn.query("SELEC name FROM people") }
            }
            #expect(syntax?.kind == .sql)
            #expect(syntax?.sql == "SELEC name FROM people")
            await #expect(
                throws: StorageError.argumentCount(
                    expected: 2, given: 1, sql: "INSERT INTO people (name, age) VALUES (?, ?)")
            ) {
                try await database.write { tx in try tx.execute("INSERT INTO people (name, age) VALUES (?, ?)", "Bo") }
            }
            // prepare compiles one statement; a second one must not be silently dropped.
            let twoStatements = await #expect(throws: DatabaseError.self) {
                try await database.write { tx in try tx.execute("INSERT INTO people (name) VALUES ('Bo'); DELETE FROM people") }
            }
            #expect(twoStatements?.kind == .misuse)
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM people") }
            #expect(count == 1)
        }
    }

    @Test("the file is in WAL mode with synchronous FULL and foreign keys on")
    func pragmas() async throws {
        try await withDatabase(schema) { database, _ in
            let settings = try await database.write { tx -> [String] in
                let mode: String? = try tx.value("PRAGMA journal_mode")
                let synchronous: Int? = try tx.value("PRAGMA synchronous")
                let foreignKeys: Int? = try tx.value("PRAGMA foreign_keys")
                return [mode ?? "", String(synchronous ?? -1), String(foreignKeys ?? -1)]
            }
            #expect(settings == ["wal", "2", "1"])
        }
    }

    @Test("a closed database refuses work with a clear error")
    func closed() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let database = try await Database.open(atPath: directory.path("closed.sqlite"))
        await database.close()
        await #expect(throws: StorageError.closed) { try await database.write { _ in 1 } }
        await #expect(throws: StorageError.closed) { try await database.read { _ in 1 } }
    }

    @Test("a path that cannot be opened is an error, not a crash")
    func cannotOpen() async throws {
        let error = await #expect(throws: DatabaseError.self) {
            _ = try await Database.open(atPath: "/nonexistent-directory/x/y.sqlite")
        }
        #expect(error?.kind == .cannotOpen)
    }
}
