import Foundation

/// Where a message is in its life: waiting, handed over, or parked for an operator.
package enum OutboxStatus: String, Sendable, Equatable {
    /// Waiting for (another) delivery attempt.
    case pending
    /// Accepted by its destination.
    case delivered
    /// Parked after too many failures or refusals; `Outbox.retryDeadLetter` revives it.
    case dead
}

/// One message of the outbox: an RPC to make to another service, with its delivery record.
package struct OutboxMessage: Sendable, Equatable {
    /// The outbox's id; ascending ids are the order of enqueueing.
    package let id: Int64
    /// The receiving service, e.g. "rapid-review".
    package let destination: String
    /// The RPC method, e.g. "/cspr.rapidreview.v1.RapidReview/OpenRapidReview".
    package let method: String
    /// The encoded request.
    package let payload: Data
    /// The key the receiver's inbox uses to apply the message once.
    package let idempotencyKey: String
    /// Where the message is in its life.
    package let status: OutboxStatus
    /// Failed delivery attempts since it was enqueued or last revived.
    package let attempts: Int
    /// How many of those the receiver refused as not retryable.
    package let nonRetryableFailures: Int
    /// Not to be tried before this instant.
    package let nextAttemptAt: Date
    /// Why the last attempt failed.
    package let lastError: String?
    /// When it was enqueued.
    package let createdAt: Date

    /// Reads a message from a `SELECT * FROM outbox` row.
    init(row: Row) throws {
        id = try row["id"]
        destination = try row["destination"]
        method = try row["method"]
        payload = try row["payload"]
        idempotencyKey = try row["idempotency_key"]
        let statusText: String = try row["status"]
        guard let status = OutboxStatus(rawValue: statusText) else {
            throw StorageError.conversion(
                column: "status", value: .text(statusText), type: "OutboxStatus", sql: nil)
        }
        self.status = status
        attempts = try row["attempts"]
        nonRetryableFailures = try row["non_retryable_failures"]
        nextAttemptAt = try row["next_attempt_at"]
        lastError = try row["last_error"]
        createdAt = try row["created_at"]
    }
}

/// What recording a failed attempt did with the message.
package enum OutboxFailureOutcome: Sendable, Equatable {
    /// It will be tried again at this instant.
    case retryScheduled(at: Date)
    /// It was parked as a dead letter.
    case deadLettered
}

/// The outbox at a glance, for `/metrics` and alerts.
package struct OutboxMetrics: Sendable, Equatable {
    /// Messages waiting for delivery.
    package let depth: Int
    /// How long the oldest waiting message has waited, or nil when none waits.
    package let oldestPendingAge: TimeInterval?
    /// Messages delivered, ever.
    package let delivered: Int
    /// Delivery attempts that failed, ever.
    package let failedAttempts: Int
    /// Messages parked now as dead letters.
    package let deadLetters: Int
}
