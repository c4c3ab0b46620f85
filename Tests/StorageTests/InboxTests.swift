import Foundation
import Storage
import Testing

private let schema =
    [Migration("referrals", sql: "CREATE TABLE referrals (id INTEGER PRIMARY KEY, child TEXT NOT NULL) STRICT")]
    + Inbox.migrations

/// Applies the hand-over keyed `key` once: inserts a referral and replies with its id.
private func apply(_ database: Database, key: String) async throws -> Data {
    try await database.write { tx in
        try Inbox.applyOnce(tx, key: key) {
            try tx.execute("INSERT INTO referrals (child) VALUES ('C')")
            return Data("referral \(tx.lastInsertRowID)".utf8)
        }
    }
}

@Suite("Inbox")
struct InboxTests {
    @Test("a replayed message returns the stored reply and its effect is applied once")
    func replay() async throws {
        try await withDatabase(schema) { database, _ in
            let first = try await apply(database, key: "handover-1")
            let replay = try await apply(database, key: "handover-1")
            let other = try await apply(database, key: "handover-2")
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM referrals") }
            #expect(first == Data("referral 1".utf8))
            #expect(replay == first)
            #expect(other == Data("referral 2".utf8))
            #expect(count == 2)
        }
    }

    @Test("concurrent deliveries of one message apply it once and all get the same reply")
    func concurrentReplays() async throws {
        try await withDatabase(schema) { database, _ in
            let replies = try await withThrowingTaskGroup(of: Data.self) { group in
                for _ in 0..<20 { group.addTask { try await apply(database, key: "handover-1") } }
                return try await group.reduce(into: Set<Data>()) { $0.insert($1) }
            }
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM referrals") }
            #expect(replies == [Data("referral 1".utf8)])
            #expect(count == 1)
        }
    }

    @Test("an effect that fails stores no key, so a retry applies it afresh")
    func failedEffect() async throws {
        try await withDatabase(schema) { database, _ in
            await #expect(throws: DeliberateFailure()) {
                try await database.write { tx in
                    try Inbox.applyOnce(tx, key: "handover-1") {
                        try tx.execute("INSERT INTO referrals (child) VALUES ('C')")
                        throw DeliberateFailure()
                    }
                }
            }
            let stored = try await database.read { conn in try Inbox.reply(conn, key: "handover-1") }
            #expect(stored == nil)
            let retried = try await apply(database, key: "handover-1")
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM referrals") }
            #expect(retried == Data("referral 1".utf8))
            #expect(count == 1)
        }
    }
}
