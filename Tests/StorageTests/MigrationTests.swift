import Foundation
import Storage
import Testing

private let steps = [
    Migration("create log", sql: "CREATE TABLE log (id INTEGER PRIMARY KEY, entry TEXT NOT NULL) STRICT"),
    Migration("first entry", sql: "INSERT INTO log (entry) VALUES ('one')"),
    Migration("second entry", sql: "INSERT INTO log (entry) VALUES ('two')"),
]

private func entries(_ database: Database) async throws -> [String] {
    try await database.read { conn in try conn.query("SELECT entry FROM log ORDER BY id").map { try $0[0] } }
}

@Suite("Migrations")
struct MigrationTests {
    @Test("steps apply once each, in order, and only new steps run later")
    func applyOnceInOrder() async throws {
        try await withDatabase { database, _ in
            let first = try await database.migrate(steps)
            let again = try await database.migrate(steps)
            let afterAgain = try await entries(database)
            #expect(first == MigrationResult(previousVersion: 0, currentVersion: 3))
            #expect(again == MigrationResult(previousVersion: 3, currentVersion: 3))
            #expect(afterAgain == ["one", "two"])

            let later = steps + [Migration("third entry", sql: "INSERT INTO log (entry) VALUES ('three')")]
            let extended = try await database.migrate(later)
            let afterExtended = try await entries(database)
            let version = try await database.schemaVersion()
            #expect(extended == MigrationResult(previousVersion: 3, currentVersion: 4))
            #expect(afterExtended == ["one", "two", "three"])
            #expect(version == 4)
        }
    }

    @Test("a database written by newer code is refused, naming both versions, and left unchanged")
    func futureDatabase() async throws {
        try await withDatabase { database, _ in
            let future = steps + [Migration("from the future", sql: "INSERT INTO log (entry) VALUES ('future')")]
            try await database.migrate(future)
            let error = await #expect(throws: StorageError.schemaNewerThanCode(databaseVersion: 4, codeVersion: 3)) {
                try await database.migrate(steps)
            }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.contains("version 4") && message.contains("version 3"))
            let version = try await database.schemaVersion()
            let stored = try await entries(database)
            #expect(version == 4)
            #expect(stored == ["one", "two", "future"])
        }
    }

    @Test("a failing step is rolled back whole, reported by version and name, and earlier steps stay")
    func failingStep() async throws {
        try await withDatabase { database, _ in
            let broken = [
                steps[0],
                Migration("half done", sql: "INSERT INTO log (entry) VALUES ('partial'); INSERT INTO nowhere VALUES (1)"),
            ]
            let error = await #expect(throws: StorageError.self) { try await database.migrate(broken) }
            guard case .migrationFailed(let failedVersion, let name, let cause) = error else {
                Issue.record("expected migrationFailed, got \(String(describing: error))")
                return
            }
            #expect(failedVersion == 2 && name == "half done" && cause.message.contains("nowhere"))
            let version = try await database.schemaVersion()
            let stored = try await entries(database)
            #expect(version == 1)
            #expect(stored.isEmpty)
        }
    }

    @Test("a fresh database reports schema version zero")
    func freshVersion() async throws {
        try await withDatabase { database, _ in
            let version = try await database.schemaVersion()
            #expect(version == 0)
        }
    }
}
