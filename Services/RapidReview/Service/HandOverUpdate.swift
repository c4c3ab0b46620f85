import Contract
import WorkingDays

/// intake's `UpdateRapidReview`: what it learned after the open (issue 15, item 1).
extension RapidReviewCase {
    /// The revision of intake's copy applied last; 0 before any update.
    var revision: Int { updates.last?.revision ?? 0 }

    /// True when `update` is news: newer than the last revision applied. An older one (a
    /// replay under another key, or one overtaken) is answered without changing anything.
    func applying(_ update: RapidReviewAPI.UpdateRapidReviewRequest) throws(RapidReviewError) -> Bool {
        guard update.revision >= 1 else {
            throw .invalidField(path: "revision", rule: nil, problem: "\(update.revision) is not a revision; intake counts them from 1")
        }
        return update.revision > revision
    }
}
