import Foundation

/// The transactional outbox: hand-overs to other services, written in the same transaction as
/// the state change they announce, so that neither exists without the other.
///
/// A relay (in ServiceKit) reads due messages, makes the RPC, and records the outcome here.
/// Messages to one destination are delivered in the order they were enqueued: a destination's
/// later messages wait until its oldest pending one is delivered or parked as a dead letter.
package enum Outbox {
    /// The outbox's tables; include these steps in a service's migration list.
    package static let migrations = [
        Migration(
            "outbox",
            sql: """
                CREATE TABLE outbox (
                    id INTEGER PRIMARY KEY,
                    destination TEXT NOT NULL,
                    method TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    idempotency_key TEXT NOT NULL UNIQUE,
                    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
                    attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
                    non_retryable_failures INTEGER NOT NULL DEFAULT 0 CHECK (non_retryable_failures >= 0),
                    next_attempt_at TEXT NOT NULL,
                    last_error TEXT,
                    created_at TEXT NOT NULL,
                    delivered_at TEXT
                ) STRICT;
                CREATE INDEX outbox_pending ON outbox (destination, id) WHERE status = 'pending';
                CREATE INDEX outbox_dead ON outbox (id) WHERE status = 'dead';
                -- Counters rather than sums over rows: they stay monotonic when rows are revived or pruned.
                CREATE TABLE outbox_counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) STRICT;
                INSERT INTO outbox_counters (name, value) VALUES ('delivered', 0), ('failed_attempts', 0);
                """)
    ]

    /// Queues a message inside the caller's write transaction; it exists only if that transaction commits.
    /// A second message with the same idempotency key is refused with `.constraint(.unique)`.
    @discardableResult
    package static func enqueue(
        _ tx: WriteTransaction, destination: String, method: String, payload: Data, idempotencyKey: String,
        now: Date = Date()
    ) throws -> Int64 {
        try tx.execute(
            """
            INSERT INTO outbox (destination, method, payload, idempotency_key, next_attempt_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """, destination, method, payload, idempotencyKey, now, now)
        return tx.lastInsertRowID
    }

    /// The oldest pending message of each destination whose attempt is due at `now`, oldest first.
    package static func due(_ db: some DatabaseAccess, now: Date, limit: Int = 100) throws -> [OutboxMessage] {
        try db.query(
            """
            SELECT * FROM outbox AS o
            WHERE o.status = 'pending'
              AND o.id = (SELECT min(id) FROM outbox WHERE status = 'pending' AND destination = o.destination)
              AND o.next_attempt_at <= ?
            ORDER BY o.id LIMIT ?
            """, now, limit
        ).map(OutboxMessage.init(row:))
    }

    /// The oldest pending message for `destination` if its attempt is due at `now`. A later
    /// message is never returned ahead of it, even when the head is still backing off.
    package static func next(_ db: some DatabaseAccess, destination: String, now: Date) throws -> OutboxMessage? {
        guard
            let row = try db.queryOne(
                "SELECT * FROM outbox WHERE status = 'pending' AND destination = ? ORDER BY id LIMIT 1", destination)
        else { return nil }
        let head = try OutboxMessage(row: row)
        return head.nextAttemptAt <= now ? head : nil
    }

    /// Whether `message` is still the oldest pending message of its destination: false once an
    /// older one has been revived (`retryDeadLetter`) since it was read, which then goes first.
    package static func isNext(_ db: some DatabaseAccess, _ message: OutboxMessage) throws -> Bool {
        let head: Int64? = try db.value(
            "SELECT min(id) FROM outbox WHERE status = 'pending' AND destination = ?", message.destination)
        return head == message.id
    }

    /// When the next pending message falls due, for the relay to sleep until; nil when none is pending.
    package static func nextAttemptAt(_ db: some DatabaseAccess) throws -> Date? {
        try db.value(
            """
            SELECT min(o.next_attempt_at) FROM outbox AS o
            WHERE o.status = 'pending'
              AND o.id = (SELECT min(id) FROM outbox WHERE status = 'pending' AND destination = o.destination)
            """)
    }

    /// Records that the destination accepted the message. False if it was not pending.
    @discardableResult
    package static func markDelivered(_ tx: WriteTransaction, id: Int64, now: Date = Date()) throws -> Bool {
        try tx.execute(
            "UPDATE outbox SET status = 'delivered', delivered_at = ? WHERE id = ? AND status = 'pending'", now, id)
        guard tx.changes == 1 else { return false }
        try tx.execute("UPDATE outbox_counters SET value = value + 1 WHERE name = 'delivered'")
        return true
    }

    /// Records a failed attempt: schedules the next one by `policy`, or parks the message as a
    /// dead letter once it has failed `policy.maxAttempts` times, or been refused by the
    /// receiver (`retryable: false`) `policy.maxNonRetryableAttempts` times. Nil if the
    /// message was not pending.
    package static func recordFailure(
        _ tx: WriteTransaction, id: Int64, error: String, retryable: Bool, now: Date = Date(),
        policy: RetryPolicy = RetryPolicy(), random: Double = Double.random(in: 0..<1)
    ) throws -> OutboxFailureOutcome? {
        guard
            let row = try tx.queryOne(
                "SELECT attempts, non_retryable_failures FROM outbox WHERE id = ? AND status = 'pending'", id)
        else { return nil }
        let failures: Int = try row["attempts"] + 1
        let refusals: Int = try row["non_retryable_failures"] + (retryable ? 0 : 1)
        try tx.execute("UPDATE outbox_counters SET value = value + 1 WHERE name = 'failed_attempts'")
        if failures >= policy.maxAttempts || refusals >= policy.maxNonRetryableAttempts {
            try tx.execute(
                "UPDATE outbox SET status = 'dead', attempts = ?, non_retryable_failures = ?, last_error = ? WHERE id = ?",
                failures, refusals, error, id)
            return .deadLettered
        }
        let nextAttempt = now.addingTimeInterval(policy.delay(afterFailures: failures, random: random))
        try tx.execute(
            """
            UPDATE outbox SET attempts = ?, non_retryable_failures = ?, last_error = ?, next_attempt_at = ?
            WHERE id = ?
            """, failures, refusals, error, nextAttempt, id)
        return .retryScheduled(at: nextAttempt)
    }

    /// Parked messages, oldest first, for an operator to inspect.
    package static func deadLetters(_ db: some DatabaseAccess, limit: Int = 100) throws -> [OutboxMessage] {
        try db.query("SELECT * FROM outbox WHERE status = 'dead' ORDER BY id LIMIT ?", limit)
            .map(OutboxMessage.init(row:))
    }

    /// Puts a dead letter back in the queue, due at `now`, with a fresh attempt budget and its
    /// last error kept for reference. It keeps its id, so it goes ahead of every newer message to
    /// its destination not yet sent. False if it was not a dead letter.
    @discardableResult
    package static func retryDeadLetter(_ tx: WriteTransaction, id: Int64, now: Date = Date()) throws -> Bool {
        try tx.execute(
            """
            UPDATE outbox SET status = 'pending', attempts = 0, non_retryable_failures = 0, next_attempt_at = ?
            WHERE id = ? AND status = 'dead'
            """, now, id)
        return tx.changes == 1
    }

    /// Depth, age of the oldest pending message, and the delivery counters, as of `now`.
    package static func metrics(_ db: some DatabaseAccess, now: Date = Date()) throws -> OutboxMetrics {
        let depth: Int = try db.value("SELECT count(*) FROM outbox WHERE status = 'pending'") ?? 0
        let oldest: Date? = try db.value("SELECT min(created_at) FROM outbox WHERE status = 'pending'")
        let dead: Int = try db.value("SELECT count(*) FROM outbox WHERE status = 'dead'") ?? 0
        let delivered: Int = try db.value("SELECT value FROM outbox_counters WHERE name = 'delivered'") ?? 0
        let failed: Int = try db.value("SELECT value FROM outbox_counters WHERE name = 'failed_attempts'") ?? 0
        return OutboxMetrics(
            depth: depth, oldestPendingAge: oldest.map { now.timeIntervalSince($0) }, delivered: delivered,
            failedAttempts: failed, deadLetters: dead)
    }
}
