import Foundation
import Storage
import Testing

private let schema = [Migration("items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY) STRICT")]

@Suite("Locking between connections")
struct LockingTests {
    @Test("a second writer on the file fails with busy when its timeout is zero and the lock is held")
    func busyWithoutTimeout() async throws {
        try await withDatabase(schema) { database, directory in
            let other = try await Database.open(
                atPath: directory.path("test.sqlite"), configuration: DatabaseConfiguration(busyTimeout: .zero))
            let gate = WriterGate()
            let holder = await gate.close(database)
            let error = await #expect(throws: DatabaseError.self) {
                try await other.write { tx in try tx.execute("INSERT INTO items (id) VALUES (1)") }
            }
            try await gate.open(database, whenQueued: 0)
            try await holder.value
            await other.close()
            #expect(error?.kind == .busy)
        }
    }

    @Test("a second writer on the file waits for the lock within its busy timeout, then succeeds")
    func waitsForLock() async throws {
        try await withDatabase(schema) { database, directory in
            let other = try await Database.open(
                atPath: directory.path("test.sqlite"), configuration: DatabaseConfiguration(busyTimeout: .seconds(30)))
            let gate = WriterGate()
            let holder = await gate.close(database)
            let waiting = Task { try await other.write { tx in try tx.execute("INSERT INTO items (id) VALUES (1)") } }
            // Give the other writer a moment to reach the lock; the assertions hold however long it takes.
            try await Task.sleep(for: .milliseconds(50))
            let countWhileLocked = other.writeStatistics.committedWrites
            try await gate.open(database, whenQueued: 0)
            try await holder.value
            try await waiting.value
            let count: Int? = try await database.read { conn in try conn.value("SELECT count(*) FROM items") }
            await other.close()
            #expect(countWhileLocked == 0)
            #expect(count == 1)
        }
    }
}
