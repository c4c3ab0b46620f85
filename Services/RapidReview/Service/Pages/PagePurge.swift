import Foundation
import Storage
import WebForms

/// What rapid-review's pages keep only for a while, purged at start and daily: the forms'
/// double-submit guards (WebForms' `PagePosts`, 7 days) and the meeting drafts past their lifetime.
enum PagePurge {
    /// Deletes both; returns how many rows went.
    static func purge(_ tx: WriteTransaction, now: Date, draftLifetime: TimeInterval) throws -> Int {
        try PagePosts.purge(tx, now: now) + MeetingDrafts.expire(tx, now: now, lifetime: draftLifetime)
    }
}
