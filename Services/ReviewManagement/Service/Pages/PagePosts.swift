import Foundation
import Storage

/// The `page_posts` rows, the forms' guard against a double submit. A row only has to outlive
/// the second click of a double submit (or a browser's resend after a flaky connection), so it
/// is deleted after `retention`, at start and daily, as rapid-review's are.
enum PagePosts {
    /// How long a post applied is remembered: long enough for any resend, short enough that the
    /// table stays small.
    static let retention: TimeInterval = 7 * 24 * 3600

    /// Deletes the posts remembered for longer than `retention`; returns how many went.
    static func purge(_ tx: WriteTransaction, now: Date) throws -> Int {
        // `posted` is ISO 8601 in UTC, written by one formatter: its text orders as its time.
        let cutoff = ISO8601DateFormatter().string(from: now.addingTimeInterval(-retention))
        let stale: Int64 = try tx.value("SELECT count(*) FROM page_posts WHERE posted < ?", cutoff) ?? 0
        try tx.execute("DELETE FROM page_posts WHERE posted < ?", cutoff)
        return Int(stale)
    }
}
