import Contract
import WorkingDays

/// The checks on rapid-review's `CommissionReview` hand-over before it commissions a review.
enum CommissionHandOver {
    /// Refuses a hand-over this service cannot take: another partnership's case, a decision
    /// dated after today, or a recommendation that commissions no review (only a, b, c and e do).
    static func check(_ request: ReviewManagementAPI.CommissionReviewRequest, partnership: String, today: CivilDate) throws(ReviewManagementError) {
        guard request.caseReference.partnership == partnership else {
            throw .invalidField(
                path: "caseReference", rule: nil,
                problem: "\(request.caseReference) belongs to partnership \(request.caseReference.partnership); this service serves \(partnership)")
        }
        guard request.decisionDate <= today else {
            throw .invalidField(path: "decisionDate", rule: .t7, problem: "\(request.decisionDate) is after today (\(today))")
        }
        guard RapidReviewAPI.OutcomePath(request.reviewKind) == .reviewCommissioned else {
            throw .invalidField(
                path: "reviewKind", rule: .r7,
                problem: "\(request.reviewKind.rawValue) (\(request.reviewKind.letter)) commissions no review; only a, b, c and e do")
        }
    }
}
