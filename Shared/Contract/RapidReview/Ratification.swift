import RPC
import WorkingDays

// MARK: - Ratification by the independent chair (R9)

extension RapidReviewAPI {
    /// `Ratify`'s request: the independent chair endorses the recommendation (R9, §4.6.3).
    package struct RatifyRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Any comment of the chair's.
        package var comments: String?
        /// When the chair ratified, if not today (the decision date review-management's T7
        /// counts from): not in the future, not before the recommendation was agreed.
        package var ratifiedOn: CivilDate?

        package init(caseReference: CaseReference, comments: String? = nil, ratifiedOn: CivilDate? = nil) {
            self.caseReference = caseReference
            self.comments = comments
            self.ratifiedOn = ratifiedOn
        }
    }

    /// Where a ratified recommendation takes the case.
    package enum OutcomePath: String, WireEnum {
        /// a, b, c, e: a review is commissioned (`CommissionReview` to review-management).
        case reviewCommissioned
        /// h, i: the case is closed with the learning recorded.
        case closedWithLearning
        /// d, f, g, j: referred to another process; the case is closed in this system.
        case referredElsewhere

        /// The path of `recommendation`.
        package init(_ recommendation: Recommendation) {
            switch recommendation {
            case .nationalReview, .localReview, .alternativeLearningReview, .singleAgencyReview: self = .reviewCommissioned
            case .noFurtherAction, .learningActedUpon: self = .closedWithLearning
            case .otherStatutoryReview, .multiAgencyAudit, .singleAgencyAudit, .other: self = .referredElsewhere
            }
        }
    }

    /// The ratification and what it set in motion.
    package struct Ratification: Sendable, Equatable, Codable {
        /// The recommendation version ratified.
        package var recommendationVersion: Int
        /// When.
        package var ratifiedOn: CivilDate
        /// Who (the independent chair).
        package var ratifiedBy: String
        /// The chair's comments.
        package var comments: String?
        /// Commissioned, closed with learning, or referred elsewhere.
        package var path: OutcomePath
        /// For d, f, g, j: the other process the case was referred to.
        package var referredTo: String?
        /// For h and i: the learning recorded when the case closed.
        package var learningRecorded: String?

        package init(
            recommendationVersion: Int, ratifiedOn: CivilDate, ratifiedBy: String, comments: String?, path: OutcomePath, referredTo: String?,
            learningRecorded: String?
        ) {
            self.recommendationVersion = recommendationVersion
            self.ratifiedOn = ratifiedOn
            self.ratifiedBy = ratifiedBy
            self.comments = comments
            self.path = path
            self.referredTo = referredTo
            self.learningRecorded = learningRecorded
        }
    }

    /// The ratification, the case's stage after it, and T5 and T6.
    package struct RatifyResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What was recorded.
        package var ratification: Ratification
        /// `review` when a review was commissioned, else `closed`.
        package var stage: CaseStage
        /// T5 and T6: the submission to the National Panel is still to come.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, ratification: Ratification, stage: CaseStage, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.ratification = ratification
            self.stage = stage
            self.deadlines = deadlines
        }
    }
}
