import WorkingDays

// MARK: - The Rapid Review meeting held (§4.5.2), from rapid-review

extension IntakeAPI {
    /// `RecordRapidReviewMeeting`'s request: rapid-review's hand-over saying the quorate Rapid
    /// Review meeting of the case was held on `meetingDate`. From then on a scoping form not
    /// returned is a recorded fact, not an overdue deadline.
    package struct RapidReviewMeetingHeldRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The day the quorate meeting was held.
        package var meetingDate: CivilDate
        package init(caseReference: CaseReference, meetingDate: CivilDate) {
            self.caseReference = caseReference
            self.meetingDate = meetingDate
        }
    }

    /// `RecordRapidReviewMeeting`'s answer.
    package struct RapidReviewMeetingHeldResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// False when intake already knew of the meeting (the first date is kept).
        package var recorded: Bool
        /// The agencies asked whose scoping forms had not come back when the meeting was held.
        package var notReturned: [String]
        package init(caseReference: CaseReference, recorded: Bool, notReturned: [String]) {
            self.caseReference = caseReference
            self.recorded = recorded
            self.notReturned = notReturned
        }
    }
}
