import Contract
import WorkingDays

/// Rapid-review's word that the Rapid Review meeting was held (§4.5.2): scoping closes.
extension IntakeCase {
    /// True when the meeting is news to intake; false when it already knew (the first date
    /// stands: there is one quorate meeting). Refuses a meeting for a case never handed over,
    /// or dated before the case's clock started.
    func learningMeetingHeld(_ request: IntakeAPI.RapidReviewMeetingHeldRequest) throws(IntakeError) -> Bool {
        guard handedOverOn != nil else {
            throw .precondition(rule: .t4, problem: "\(reference) was never handed to the Rapid Review; no meeting can have been held")
        }
        guard request.meetingDate >= anchor else {
            throw .invalid(field: "meetingDate", problem: "is before the referral was received (\(anchor))")
        }
        return meetingHeldOn == nil
    }
}
