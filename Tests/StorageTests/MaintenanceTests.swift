import Foundation
import Storage
import Testing

private let ledger = [
    Migration(
        "ledger",
        sql: """
            CREATE TABLE entries (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL) STRICT;
            CREATE INDEX entries_amount ON entries (amount);
            CREATE TABLE other (id INTEGER PRIMARY KEY, amount INTEGER NOT NULL) STRICT;
            CREATE INDEX other_amount ON other (amount);
            """)
]

@Suite("Backup and integrity")
struct MaintenanceTests {
    @Test("a backup taken while writes go on opens as a sound copy of a committed state")
    func backupWhileWriting() async throws {
        try await withDatabase(ledger) { database, directory in
            for amount in 1...50 {
                try await database.write { tx in try tx.execute("INSERT INTO entries (amount) VALUES (?)", amount) }
            }
            let backupPath = directory.path("backup.sqlite")
            async let moreWrites: Void = {
                for amount in 51...100 {
                    try await database.write { tx in
                        try tx.execute("INSERT INTO entries (amount) VALUES (?)", amount)
                    }
                }
            }()
            try await database.backup(to: backupPath)
            try await moreWrites
            #expect(!FileManager.default.fileExists(atPath: backupPath + ".partial"))

            let copy = try await Database.open(atPath: backupPath)
            let problems = try await copy.integrityCheck()
            let amounts: [Int] = try await copy.read { conn in
                try conn.query("SELECT amount FROM entries ORDER BY id").map { try $0[0] }
            }
            await copy.close()
            #expect(problems.isEmpty)
            // A committed prefix: the first 50 at least, in order, with no gaps.
            #expect(amounts.count >= 50 && amounts == Array(1...amounts.count))
        }
    }

    @Test("the integrity check of a sound file lists no problems")
    func soundFile() async throws {
        try await withDatabase(ledger) { database, _ in
            try await database.write { tx in try tx.execute("INSERT INTO entries (amount) VALUES (1), (2)") }
            #expect(try await database.integrityCheck().isEmpty)
        }
    }

    @Test("the integrity check lists the problems of a damaged file")
    func damagedFile() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.path("damaged.sqlite")
        let database = try await Database.open(atPath: path)
        try await database.migrate(ledger)
        try await database.write { tx in
            try tx.execute("INSERT INTO entries (amount) VALUES (1), (2), (3)")
            // Point one index at another table's index pages: the kind of damage a bad disk does.
            try tx.execute("PRAGMA writable_schema = ON")
            try tx.execute(
                """
                UPDATE sqlite_schema SET rootpage = (SELECT rootpage FROM sqlite_schema WHERE name = 'other_amount')
                WHERE name = 'entries_amount'
                """)
        }
        await database.close()

        let reopened = try await Database.open(atPath: path)
        let problems = try await reopened.integrityCheck()
        await reopened.close()
        #expect(problems.contains { $0.contains("entries_amount") })
    }
}
