import Contract
import Storage

/// A Rapid Review's state and recommendation kept beside its status, written with every change
/// (`CaseChanges`' `keep`), so that `ListRapidReviews` reads one small row per case instead of
/// loading every case with its history.
enum RapidReviewSummaryRows {
    /// One row per Rapid Review; replaced by each change.
    static let schema = """
        CREATE TABLE rapid_review_summaries (
            case_reference TEXT PRIMARY KEY REFERENCES rapid_reviews(case_reference),
            state TEXT NOT NULL,
            recommendation TEXT
        ) STRICT;
        """

    /// The state and recommendation of `rapidReview` as they now stand.
    static func keep(_ rapidReview: RapidReviewCase, _ tx: WriteTransaction) throws {
        try tx.execute(
            """
            INSERT INTO rapid_review_summaries (case_reference, state, recommendation) VALUES (?, ?, ?)
            ON CONFLICT (case_reference) DO UPDATE SET state = excluded.state, recommendation = excluded.recommendation
            """, rapidReview.reference, rapidReview.state.rawValue, rapidReview.currentRecommendation?.decision.recommendation.rawValue)
    }

    /// Every kept row by case. A case changed before the table existed has none until its next
    /// change, and a row this build cannot read (a newer build's state) is skipped: the list
    /// loads those cases instead.
    static func all(_ db: any DatabaseAccess) throws -> [CaseReference: (state: RapidReviewAPI.RapidReviewState, recommendation: Recommendation?)] {
        var kept: [CaseReference: (state: RapidReviewAPI.RapidReviewState, recommendation: Recommendation?)] = [:]
        for row in try db.query("SELECT case_reference, state, recommendation FROM rapid_review_summaries") {
            let reference: CaseReference = try row["case_reference"]
            let stateText: String = try row["state"]
            let recommendationText: String? = try row["recommendation"]
            guard let state = RapidReviewAPI.RapidReviewState(rawValue: stateText) else { continue }
            kept[reference] = (state, recommendationText.flatMap(Recommendation.init(rawValue:)))
        }
        return kept
    }
}
