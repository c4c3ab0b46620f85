import Foundation
import Storage
import Testing

private let accounts = [
    Migration(
        "accounts",
        sql: """
            CREATE TABLE accounts (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL CHECK (balance >= 0)) STRICT;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10)
            INSERT INTO accounts (id, balance) SELECT i, 1000000 FROM n;
            """),
    Migration("items", sql: "CREATE TABLE items (id INTEGER PRIMARY KEY, tag INTEGER NOT NULL) STRICT"),
    Migration(
        "parents and children",
        sql: """
            CREATE TABLE parents (id INTEGER PRIMARY KEY) STRICT;
            CREATE TABLE children (
                id INTEGER PRIMARY KEY,
                parent_id INTEGER NOT NULL REFERENCES parents (id) DEFERRABLE INITIALLY DEFERRED
            ) STRICT;
            """),
]

@Suite("Group commit and concurrency")
struct GroupCommitTests {
    @Test("readers running alongside many transfers never see money created or destroyed")
    func readersSeeWholeTransactions() async throws {
        try await withDatabase(accounts, configuration: DatabaseConfiguration(readerCount: 3)) { database, _ in
            let outcomes = try await withThrowingTaskGroup(of: (transfer: Bool?, sum: Int?).self) { group in
                for index in 0..<300 {
                    let from = index % 10 + 1
                    let to = (index * 7 + 3) % 10 + 1
                    // Every 10th transfer asks for more than any account holds, and must fail alone.
                    let amount = index % 10 == 9 ? 100_000_000 : index % 97 + 1
                    group.addTask {
                        do {
                            try await database.write { tx in
                                try tx.execute("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to)
                                try tx.execute("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from)
                            }
                            return (true, nil)
                        } catch let error as DatabaseError where error.kind == .constraint(.check) {
                            return (false, nil)
                        }
                    }
                    group.addTask {
                        let sum = try await database.read { conn in
                            // One query per account: only a consistent snapshot makes these add up.
                            try (1...10).reduce(0) { total, id in
                                total + (try conn.value("SELECT balance FROM accounts WHERE id = ?", id) ?? 0)
                            }
                        }
                        return (nil, sum)
                    }
                }
                var outcomes: [(transfer: Bool?, sum: Int?)] = []
                for try await outcome in group { outcomes.append(outcome) }
                return outcomes
            }
            let sums = outcomes.compactMap(\.sum)
            let transfers = outcomes.compactMap(\.transfer)
            #expect(sums.count == 300)
            #expect(sums.allSatisfy { $0 == 10_000_000 })
            #expect(transfers.filter { !$0 }.count == 30)
            let finalSum: Int? = try await database.read { conn in try conn.value("SELECT sum(balance) FROM accounts") }
            #expect(finalSum == 10_000_000)
        }
    }

    @Test("writes queued together commit as one transaction, and one caller failing does not undo the others")
    func batchIsolation() async throws {
        try await withDatabase(accounts) { database, _ in
            let gate = WriterGate()
            let blocker = await gate.close(database)
            let before = database.writeStatistics
            let writes = (1...63).map { tag in
                Task {
                    try await database.write { tx -> Int64 in
                        try tx.execute("INSERT INTO items (tag) VALUES (?)", tag)
                        if tag % 7 == 0 { throw DeliberateFailure(tag: tag) }
                        return tx.lastInsertRowID
                    }
                }
            }
            try await gate.open(database, whenQueued: 63)
            try await blocker.value

            var committed: [Int: Int64] = [:]
            for (offset, write) in writes.enumerated() {
                let tag = offset + 1
                if tag % 7 == 0 {
                    await #expect(throws: DeliberateFailure(tag: tag)) { try await write.value }
                } else {
                    committed[tag] = try await write.value
                }
            }
            let rows: [Int: Int64] = try await database.read { conn in
                Dictionary(uniqueKeysWithValues: try conn.query("SELECT tag, id FROM items").map { (try $0[0], try $0[1]) })
            }
            #expect(rows == committed)
            #expect(committed.count == 54)
            let after = database.writeStatistics
            // The blocker's transaction and one for all 63 queued writes: two fsyncs, not 64.
            #expect(after.commits - before.commits == 2)
            #expect(after.committedWrites - before.committedWrites == 55)
            #expect(after.failedWrites - before.failedWrites == 9)
        }
    }

    @Test("when the batch's COMMIT fails, no caller in it is told its write succeeded")
    func commitFailureFailsTheBatch() async throws {
        try await withDatabase(accounts) { database, _ in
            let gate = WriterGate()
            let blocker = await gate.close(database)
            let innocent = Task {
                try await database.write { tx in try tx.execute("INSERT INTO parents (id) VALUES (1)") }
            }
            // A deferred foreign key is checked only at COMMIT, so this poisons the whole batch.
            let orphan = Task {
                try await database.write { tx in try tx.execute("INSERT INTO children (parent_id) VALUES (42)") }
            }
            try await gate.open(database, whenQueued: 2)
            try await blocker.value
            for write in [innocent, orphan] {
                let error = await #expect(throws: DatabaseError.self) { try await write.value }
                #expect(error?.kind == .constraint(.foreignKey))
            }
            let counts = try await database.read { conn -> [Int] in
                [try conn.value("SELECT count(*) FROM parents") ?? -1, try conn.value("SELECT count(*) FROM children") ?? -1]
            }
            #expect(counts == [0, 0])
            // The writer carries on with the next batch.
            try await database.write { tx in try tx.execute("INSERT INTO parents (id) VALUES (2)") }
        }
    }

    @Test("concurrent writers each get their own result back")
    func ownResults() async throws {
        try await withDatabase(accounts) { database, _ in
            let ids = try await withThrowingTaskGroup(of: (Int, Int64).self) { group in
                for tag in 0..<200 {
                    group.addTask {
                        let id = try await database.write { tx in
                            try tx.execute("INSERT INTO items (tag) VALUES (?)", tag)
                            return tx.lastInsertRowID
                        }
                        return (tag, id)
                    }
                }
                var ids: [Int: Int64] = [:]
                for try await (tag, id) in group { ids[tag] = id }
                return ids
            }
            let stored: [Int: Int64] = try await database.read { conn in
                Dictionary(uniqueKeysWithValues: try conn.query("SELECT tag, id FROM items").map { (try $0[0], try $0[1]) })
            }
            #expect(stored == ids)
            #expect(Set(ids.values).count == 200)
        }
    }
}
