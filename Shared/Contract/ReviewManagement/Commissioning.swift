import RPC
import WorkingDays

// MARK: - The hand-over from rapid-review

extension ReviewManagementAPI {
    /// The hand-over from rapid-review once the independent chair ratified a recommendation of
    /// a, b, c or e (outbox, applied once per idempotency key). No personal data: the case
    /// reference stands for the child.
    package struct CommissionReviewRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The review recommended and ratified: a national or local CSPR, an alternative
        /// learning review, or a single-agency review.
        package var reviewKind: Recommendation
        /// The date of the decision to initiate it (ratification): the anchor of T7.
        package var decisionDate: CivilDate
        /// The criteria the Rapid Review found the case to meet (R5).
        package var criteria: [Criterion]
        /// The key issues discussed at the Rapid Review (R6): the start of the key lines of enquiry.
        package var keyIssues: String
        /// The immediate learning identified, if any (R6).
        package var immediateLearning: String?
        /// The rule set the case follows (RULES.md).
        package var ruleSet: RuleSet

        package init(
            caseReference: CaseReference, reviewKind: Recommendation, decisionDate: CivilDate, criteria: [Criterion], keyIssues: String,
            immediateLearning: String?, ruleSet: RuleSet
        ) {
            self.caseReference = caseReference
            self.reviewKind = reviewKind
            self.decisionDate = decisionDate
            self.criteria = criteria
            self.keyIssues = keyIssues
            self.immediateLearning = immediateLearning
            self.ruleSet = ruleSet
        }
    }

    /// Whether the hand-over commissioned the review (a replay answers the first reply).
    package struct CommissionReviewResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// True when this hand-over commissioned it; false when it already was.
        package var commissioned: Bool

        package init(caseReference: CaseReference, commissioned: Bool) {
            self.caseReference = caseReference
            self.commissioned = commissioned
        }
    }
}
