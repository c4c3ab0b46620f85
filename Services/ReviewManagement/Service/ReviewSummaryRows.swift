import Contract
import Storage

/// The review's state and kind kept beside its status, written with every change (`CaseChanges`'
/// `keep`), so that `ListReviews` reads one small row per review instead of loading every review.
enum ReviewSummaryRows {
    /// One row per review; replaced by each change.
    static let schema = """
        CREATE TABLE review_summaries (
            case_reference TEXT PRIMARY KEY REFERENCES reviews(case_reference),
            state TEXT NOT NULL,
            review_kind TEXT
        ) STRICT;
        """

    /// The state and kind of `review` as they now stand.
    static func keep(_ review: Review, _ tx: WriteTransaction) throws {
        try tx.execute(
            """
            INSERT INTO review_summaries (case_reference, state, review_kind) VALUES (?, ?, ?)
            ON CONFLICT (case_reference) DO UPDATE SET state = excluded.state, review_kind = excluded.review_kind
            """, review.reference, review.state.rawValue, review.localCommission?.kind.rawValue)
    }

    /// Every kept row by case; a review changed before the table existed has none until its
    /// next change (`ListReviews` then loads it).
    static func all(_ db: any DatabaseAccess) throws -> [CaseReference: (state: ReviewManagementAPI.ReviewState, kind: Recommendation?)] {
        var kept: [CaseReference: (state: ReviewManagementAPI.ReviewState, kind: Recommendation?)] = [:]
        for row in try db.query("SELECT case_reference, state, review_kind FROM review_summaries") {
            let reference: CaseReference = try row["case_reference"]
            let stateText: String = try row["state"]
            let kindText: String? = try row["review_kind"]
            // A state or kind this build does not know (a newer build's row) is loaded instead.
            guard let state = ReviewManagementAPI.ReviewState(rawValue: stateText) else { continue }
            kept[reference] = (state, kindText.flatMap(Recommendation.init(rawValue:)))
        }
        return kept
    }
}
