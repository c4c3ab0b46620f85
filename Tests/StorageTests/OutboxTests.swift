import Foundation
import Storage
import Testing

private let schema =
    [Migration("cases", sql: "CREATE TABLE cases (id INTEGER PRIMARY KEY, stage TEXT NOT NULL) STRICT")]
    + Outbox.migrations

private let start = Date(timeIntervalSince1970: 1_700_000_000)

/// Enqueues one message for `destination` keyed `key`, at `start`.
private func enqueue(_ database: Database, _ destination: String, _ key: String) async throws -> Int64 {
    try await database.write { tx in
        try Outbox.enqueue(
            tx, destination: destination, method: "/cspr.test.v1.Test/Call", payload: Data(key.utf8),
            idempotencyKey: key, now: start)
    }
}

@Suite("Outbox")
struct OutboxTests {
    @Test("a message enqueued in a transaction that rolls back is never sent")
    func rolledBackEnqueue() async throws {
        try await withDatabase(schema) { database, _ in
            await #expect(throws: DeliberateFailure()) {
                try await database.write { tx in
                    try tx.execute("INSERT INTO cases (stage) VALUES ('rapid-review')")
                    try Outbox.enqueue(
                        tx, destination: "rapid-review", method: "/m", payload: Data([1]), idempotencyKey: "k1",
                        now: start)
                    throw DeliberateFailure()
                }
            }
            let due = try await database.read { conn in try Outbox.due(conn, now: start.addingTimeInterval(3600)) }
            let metrics = try await database.read { conn in try Outbox.metrics(conn, now: start) }
            let nextAttempt = try await database.read { conn in try Outbox.nextAttemptAt(conn) }
            #expect(due.isEmpty)
            #expect(metrics.depth == 0 && metrics.oldestPendingAge == nil)
            #expect(nextAttempt == nil)
        }
    }

    @Test("a message enqueued with its state change is stored with it, pending and due at once")
    func committedEnqueue() async throws {
        try await withDatabase(schema) { database, _ in
            try await database.write { tx in
                try tx.execute("INSERT INTO cases (stage) VALUES ('rapid-review')")
                try Outbox.enqueue(
                    tx, destination: "rapid-review", method: "/m", payload: Data([1, 2]), idempotencyKey: "k1",
                    now: start)
            }
            let due = try await database.read { conn in try Outbox.due(conn, now: start) }
            #expect(due.count == 1)
            #expect(due.first?.payload == Data([1, 2]) && due.first?.status == .pending && due.first?.attempts == 0)
        }
    }

    @Test("messages to one destination come out in the order they went in, one at a time")
    func orderPerDestination() async throws {
        try await withDatabase(schema) { database, _ in
            for key in ["a1", "b1", "a2", "a3", "b2"] {
                _ = try await enqueue(database, key.hasPrefix("a") ? "alpha" : "beta", key)
            }
            var delivered: [String: [String]] = [:]
            while true {
                let due = try await database.read { conn in try Outbox.due(conn, now: start) }
                guard !due.isEmpty else { break }
                // Only each destination's head is offered.
                #expect(Set(due.map(\.destination)).count == due.count)
                for message in due {
                    delivered[message.destination, default: []].append(message.idempotencyKey)
                    try await database.write { tx in try Outbox.markDelivered(tx, id: message.id, now: start) }
                }
            }
            #expect(delivered == ["alpha": ["a1", "a2", "a3"], "beta": ["b1", "b2"]])
        }
    }

    @Test("a head that is backing off holds back its destination's later messages but not other destinations")
    func headOfLine() async throws {
        try await withDatabase(schema) { database, _ in
            let first = try await enqueue(database, "alpha", "a1")
            _ = try await enqueue(database, "alpha", "a2")
            _ = try await enqueue(database, "beta", "b1")
            let outcome = try await database.write { tx in
                try Outbox.recordFailure(
                    tx, id: first, error: "unavailable", retryable: true, now: start,
                    policy: RetryPolicy(baseDelay: 10, jitter: 0), random: 0)
            }
            #expect(outcome == .retryScheduled(at: start.addingTimeInterval(10)))
            let soon = try await database.read { conn in
                (try Outbox.due(conn, now: start.addingTimeInterval(5)), try Outbox.next(conn, destination: "alpha", now: start))
            }
            #expect(soon.0.map(\.idempotencyKey) == ["b1"])
            #expect(soon.1 == nil)
            let later = try await database.read { conn in
                (try Outbox.next(conn, destination: "alpha", now: start.addingTimeInterval(10)), try Outbox.nextAttemptAt(conn))
            }
            #expect(later.0?.idempotencyKey == "a1")
            #expect(later.0?.attempts == 1 && later.0?.lastError == "unavailable")
            #expect(later.1 == start)
        }
    }

    @Test("retryable failures back off further each time and park the message after the attempt limit")
    func backoffThenDeadLetter() async throws {
        try await withDatabase(schema) { database, _ in
            let id = try await enqueue(database, "alpha", "a1")
            let policy = RetryPolicy(baseDelay: 1, maxDelay: 4, jitter: 0, maxAttempts: 5)
            var outcomes: [OutboxFailureOutcome?] = []
            for _ in 1...5 {
                outcomes.append(
                    try await database.write { tx in
                        try Outbox.recordFailure(
                            tx, id: id, error: "unavailable", retryable: true, now: start, policy: policy, random: 0)
                    })
            }
            #expect(
                outcomes == [
                    .retryScheduled(at: start.addingTimeInterval(1)), .retryScheduled(at: start.addingTimeInterval(2)),
                    .retryScheduled(at: start.addingTimeInterval(4)), .retryScheduled(at: start.addingTimeInterval(4)),
                    .deadLettered,
                ])
            let after = try await database.read { conn in
                (try Outbox.due(conn, now: start.addingTimeInterval(3600)), try Outbox.deadLetters(conn))
            }
            #expect(after.0.isEmpty)
            #expect(after.1.map(\.id) == [id] && after.1.first?.attempts == 5)
        }
    }

    @Test("a non-retryable failure parks the message at once, and retrying the dead letter sends it again")
    func deadLetterAndRetry() async throws {
        try await withDatabase(schema) { database, _ in
            let id = try await enqueue(database, "alpha", "a1")
            let second = try await enqueue(database, "alpha", "a2")
            let outcome = try await database.write { tx in
                try Outbox.recordFailure(tx, id: id, error: "invalid_argument: stage", retryable: false, now: start)
            }
            #expect(outcome == .deadLettered)
            // Parking the head lets the destination's next message go.
            let next = try await database.read { conn in try Outbox.next(conn, destination: "alpha", now: start) }
            #expect(next?.id == second)
            try await database.write { tx in try Outbox.markDelivered(tx, id: second, now: start) }

            let later = start.addingTimeInterval(60)
            let revived = try await database.write { tx in try Outbox.retryDeadLetter(tx, id: id, now: later) }
            let notDead = try await database.write { tx in try Outbox.retryDeadLetter(tx, id: second, now: later) }
            #expect(revived && !notDead)
            let state = try await database.read { conn in
                (try Outbox.deadLetters(conn), try Outbox.next(conn, destination: "alpha", now: later))
            }
            #expect(state.0.isEmpty)
            #expect(state.1?.id == id && state.1?.attempts == 0 && state.1?.nonRetryableFailures == 0)
            #expect(state.1?.lastError == "invalid_argument: stage")
        }
    }

    @Test("refusals the policy allows more than one of are retried with backoff, then parked")
    func repeatedRefusals() async throws {
        try await withDatabase(schema) { database, _ in
            let id = try await enqueue(database, "alpha", "a1")
            let policy = RetryPolicy(baseDelay: 1, jitter: 0, maxAttempts: 10, maxNonRetryableAttempts: 3)
            var outcomes: [OutboxFailureOutcome?] = []
            for retryable in [false, true, false, false] {
                outcomes.append(
                    try await database.write { tx in
                        try Outbox.recordFailure(
                            tx, id: id, error: "failed_precondition", retryable: retryable, now: start, policy: policy,
                            random: 0)
                    })
            }
            #expect(
                outcomes == [
                    .retryScheduled(at: start.addingTimeInterval(1)), .retryScheduled(at: start.addingTimeInterval(2)),
                    .retryScheduled(at: start.addingTimeInterval(4)), .deadLettered,
                ])
            let parked = try await database.read { conn in try Outbox.deadLetters(conn) }
            #expect(parked.first?.attempts == 4 && parked.first?.nonRetryableFailures == 3)
        }
    }

    @Test("delivered and unknown messages cannot be failed or delivered again")
    func onlyPendingChanges() async throws {
        try await withDatabase(schema) { database, _ in
            let id = try await enqueue(database, "alpha", "a1")
            let results = try await database.write { tx in
                [
                    try Outbox.markDelivered(tx, id: id, now: start),
                    try Outbox.markDelivered(tx, id: id, now: start),
                    try Outbox.recordFailure(tx, id: id, error: "late", retryable: true, now: start) != nil,
                    try Outbox.recordFailure(tx, id: 999, error: "none", retryable: true, now: start) != nil,
                ]
            }
            #expect(results == [true, false, false, false])
        }
    }

    @Test("the same idempotency key cannot be enqueued twice")
    func duplicateKey() async throws {
        try await withDatabase(schema) { database, _ in
            _ = try await enqueue(database, "alpha", "a1")
            let error = await #expect(throws: DatabaseError.self) { _ = try await enqueue(database, "beta", "a1") }
            #expect(error?.kind == .constraint(.unique))
        }
    }

    @Test("metrics report depth, the oldest wait, deliveries, failed attempts and dead letters")
    func metrics() async throws {
        try await withDatabase(schema) { database, _ in
            let a1 = try await enqueue(database, "alpha", "a1")
            let a2 = try await enqueue(database, "alpha", "a2")
            _ = try await enqueue(database, "beta", "b1")
            try await database.write { tx in
                _ = try Outbox.recordFailure(tx, id: a1, error: "unavailable", retryable: true, now: start)
                _ = try Outbox.recordFailure(tx, id: a1, error: "unavailable", retryable: true, now: start)
                try Outbox.markDelivered(tx, id: a1, now: start)
                _ = try Outbox.recordFailure(tx, id: a2, error: "bad", retryable: false, now: start)
            }
            let metrics = try await database.read { conn in try Outbox.metrics(conn, now: start.addingTimeInterval(90)) }
            #expect(metrics.depth == 1)
            #expect(metrics.oldestPendingAge == 90)
            #expect(metrics.delivered == 1)
            #expect(metrics.failedAttempts == 3)
            #expect(metrics.deadLetters == 1)
        }
    }
}
