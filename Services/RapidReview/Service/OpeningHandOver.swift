import Contract
import WorkingDays

/// The checks on intake's `OpenRapidReview` hand-over before it opens a Rapid Review.
enum OpeningHandOver {
    /// Refuses a hand-over this service cannot open: another partnership's case, a referral
    /// dated after today, or a meeting window that ends before it starts.
    static func check(_ request: RapidReviewAPI.OpenRapidReviewRequest, partnership: String, today: CivilDate) throws(RapidReviewError) {
        guard request.caseReference.partnership == partnership else {
            throw .invalidField(
                path: "caseReference", rule: nil,
                problem: "\(request.caseReference) belongs to partnership \(request.caseReference.partnership); this service serves \(partnership)")
        }
        guard request.referralReceived <= today else {
            throw .invalidField(path: "referralReceived", rule: nil, problem: "\(request.referralReceived) is after today (\(today))")
        }
        guard request.meetingEarliest <= request.meetingLatest else {
            throw .invalidField(
                path: "meetingLatest", rule: "T4", problem: "\(request.meetingLatest) is before meetingEarliest (\(request.meetingEarliest))")
        }
    }
}
