import Foundation
import H2
import ServiceKit
import Storage
import Synchronization

/// The forms' guard against a double submit (FORMS.md): each post carries a hidden key, and a
/// post applied is remembered by its key and principal with the page it went to. The same post
/// again, or a second click arriving while the first still runs, is answered with the first
/// post's page, never run twice, whether or not its RPC takes a key of its own. A row only has
/// to outlive a double click or a browser's resend, so it is deleted after `retention`.
package enum PagePosts {
    /// The table, among a service's page steps (after `WebSessions.migrations`).
    package static let migration = Migration(
        "page posts",
        sql: """
            CREATE TABLE page_posts (
                key TEXT PRIMARY KEY,
                principal TEXT NOT NULL,
                location TEXT NOT NULL,
                posted TEXT NOT NULL
            ) STRICT;
            """)

    /// How long a post applied is remembered: long enough for any resend, short enough that the
    /// table stays small.
    package static let retention: TimeInterval = 7 * 24 * 3600

    /// Keys of posts being applied now, in this process.
    private static let inFlight = Mutex<Set<String>>([])

    /// Runs `apply` once per `key` and `principal`. A post already applied, or applied while
    /// this one waited for it (up to 5 s), is answered by `answered` with where the first went.
    /// `apply` gives its answer and the page to remember (nil when nothing was applied, so the
    /// same post may be tried again). Without a key, `apply` runs every time.
    package static func once<T: Sendable>(
        _ database: Database, key: String, principal: String, answered: (String) -> T, _ apply: () async -> (T, remember: String?)
    ) async -> T {
        guard !key.isEmpty else { return await apply().0 }
        let claim = "\(ObjectIdentifier(database))\u{0}\(principal)\u{0}\(key)"
        for _ in 0..<100 {
            if let location = await applied(database, key: key, principal: principal) { return answered(location) }
            if inFlight.withLock({ $0.insert(claim).inserted }) { break }
            try? await Task.sleep(for: .milliseconds(50))
        }
        defer { _ = inFlight.withLock { $0.remove(claim) } }
        if let location = await applied(database, key: key, principal: principal) { return answered(location) }
        let (answer, location) = await apply()
        if let location { await remember(database, key: key, principal: principal, location: location) }
        return answer
    }

    /// `once` for a post whose answer is a redirect to the page it went to.
    package static func once(
        _ database: Database, key: String, principal: String, _ apply: () async -> (HTTPResponse, remember: String?)
    ) async -> HTTPResponse {
        await once(database, key: key, principal: principal, answered: { PageResponse.redirect($0) }, apply)
    }

    /// Deletes the posts remembered for longer than `retention`; returns how many went.
    package static func purge(_ tx: WriteTransaction, now: Date) throws -> Int {
        // `posted` is ISO 8601 in UTC, written by one formatter: its text orders as its time.
        let cutoff = ISO8601DateFormatter().string(from: now.addingTimeInterval(-retention))
        let stale: Int64 = try tx.value("SELECT count(*) FROM page_posts WHERE posted < ?", cutoff) ?? 0
        try tx.execute("DELETE FROM page_posts WHERE posted < ?", cutoff)
        return Int(stale)
    }

    private static func applied(_ database: Database, key: String, principal: String) async -> String? {
        try? await database.read { db in
            try db.value("SELECT location FROM page_posts WHERE key = ? AND principal = ?", key, principal) as String?
        }
    }

    private static func remember(_ database: Database, key: String, principal: String, location: String) async {
        try? await database.write { tx in
            try tx.execute(
                "INSERT OR IGNORE INTO page_posts (key, principal, location, posted) VALUES (?, ?, ?, ?)", key, principal, location,
                ISO8601DateFormatter().string(from: Date()))
        }
    }
}
