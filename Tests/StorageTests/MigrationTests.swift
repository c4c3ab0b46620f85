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
            #expect(first == MigrationResult(applied: ["create log", "first entry", "second entry"], total: 3))
            #expect(again == MigrationResult(applied: [], total: 3))
            #expect(afterAgain == ["one", "two"])

            let later = steps + [Migration("third entry", sql: "INSERT INTO log (entry) VALUES ('three')")]
            let extended = try await database.migrate(later)
            let afterExtended = try await entries(database)
            let applied = try await database.appliedSteps()
            #expect(extended == MigrationResult(applied: ["third entry"], total: 4))
            #expect(afterExtended == ["one", "two", "three"])
            #expect(applied == ["create log", "first entry", "second entry", "third entry"])
        }
    }

    @Test("a step is known by its name: one added earlier in the list still applies to a file that has the later ones")
    func byNameNotPosition() async throws {
        try await withDatabase { database, _ in
            try await database.migrate(steps)
            let grown = [steps[0], Migration("zeroth entry", sql: "INSERT INTO log (entry) VALUES ('zero')")] + steps.dropFirst()
            let result = try await database.migrate(grown)
            let stored = try await entries(database)
            #expect(result == MigrationResult(applied: ["zeroth entry"], total: 4))
            #expect(stored == ["one", "two", "zero"])
        }
    }

    @Test("a database written by newer code is refused, naming the unknown step, and left unchanged")
    func futureDatabase() async throws {
        try await withDatabase { database, _ in
            let future = steps + [Migration("from the future", sql: "INSERT INTO log (entry) VALUES ('future')")]
            try await database.migrate(future)
            let grown = steps + [Migration("not yet applied", sql: "INSERT INTO log (entry) VALUES ('older code')")]
            let error = await #expect(throws: StorageError.schemaNewerThanCode(unknownSteps: ["from the future"])) {
                try await database.migrate(grown)
            }
            let message = error.map { "\($0)" } ?? ""
            #expect(message.contains("from the future") && message.contains("newer code"))
            let applied = try await database.appliedSteps()
            let stored = try await entries(database)
            #expect(applied == ["create log", "first entry", "second entry", "from the future"])
            #expect(stored == ["one", "two", "future"])
        }
    }

    @Test("a failing step is rolled back whole, reported by name, and earlier steps stay")
    func failingStep() async throws {
        try await withDatabase { database, _ in
            let broken = [
                steps[0],
                Migration("half done", sql: "INSERT INTO log (entry) VALUES ('partial'); INSERT INTO nowhere VALUES (1)"),
            ]
            let error = await #expect(throws: StorageError.self) { try await database.migrate(broken) }
            guard case .migrationFailed(let name, let cause) = error else {
                Issue.record("expected migrationFailed, got \(String(describing: error))")
                return
            }
            #expect(name == "half done" && cause.message.contains("nowhere"))
            #expect("\(error.map { "\($0)" } ?? "")".contains("half done"))
            let applied = try await database.appliedSteps()
            let stored = try await entries(database)
            #expect(applied == ["create log"])
            #expect(stored.isEmpty)
        }
    }

    @Test("two openers of one file migrating at once apply each step exactly once between them")
    func concurrentOpeners() async throws {
        let names = steps.map(\.name)
        // Repeated because a race shows only sometimes; each round uses a fresh file.
        for _ in 0..<5 {
            try await withDatabase { database, directory in
                let other = try await Database.open(
                    atPath: directory.path("test.sqlite"), configuration: DatabaseConfiguration(busyTimeout: .seconds(30)))
                async let mine = database.migrate(steps)
                async let theirs = other.migrate(steps)
                let results = try await [mine, theirs]
                await other.close()
                let stored = try await entries(database)
                let applied = try await database.appliedSteps()
                #expect((results[0].applied + results[1].applied).sorted() == names.sorted())
                #expect(stored == ["one", "two"])
                #expect(applied == names)
            }
        }
    }

    @Test("a fresh database has no applied steps")
    func freshDatabase() async throws {
        try await withDatabase { database, _ in
            let applied = try await database.appliedSteps()
            #expect(applied.isEmpty)
        }
    }
}
