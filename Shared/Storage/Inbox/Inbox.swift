import Foundation

/// The receiving side of a hand-over: applies a message's effect once per idempotency key.
///
/// The outbox delivers at least once (a reply lost on the network means a retry), so the
/// receiver stores each key with the reply it gave, in the same transaction as the effect.
/// A replay finds the key and returns the stored reply without running the effect again.
package enum Inbox {
    /// The inbox's table; include these steps in a service's migration list.
    package static let migrations = [
        Migration(
            "inbox",
            sql: """
                CREATE TABLE inbox (
                    idempotency_key TEXT PRIMARY KEY,
                    reply BLOB NOT NULL,
                    applied_at TEXT NOT NULL
                ) STRICT;
                """)
    ]

    /// Returns the stored reply for `key` if it was applied before; otherwise runs `effect`
    /// inside this transaction and stores its reply with the key. If `effect` throws, nothing
    /// is stored (the write's rollback undoes the effect too), so a retry runs it afresh.
    package static func applyOnce(
        _ tx: WriteTransaction, key: String, now: Date = Date(), _ effect: () throws -> Data
    ) throws -> Data {
        if let reply: Data = try tx.value("SELECT reply FROM inbox WHERE idempotency_key = ?", key) {
            return reply
        }
        let reply = try effect()
        try tx.execute("INSERT INTO inbox (idempotency_key, reply, applied_at) VALUES (?, ?, ?)", key, reply, now)
        return reply
    }

    /// The reply stored for `key`, or nil if no message with that key has been applied.
    package static func reply(_ db: some DatabaseAccess, key: String) throws -> Data? {
        try db.value("SELECT reply FROM inbox WHERE idempotency_key = ?", key)
    }
}
