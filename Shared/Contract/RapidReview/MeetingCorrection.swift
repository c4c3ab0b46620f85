import RPC
import WorkingDays

// MARK: - Correcting the recorded meeting (R1-R6, P4)

extension RapidReviewAPI {
    /// `CorrectMeeting`'s request: the meeting's content as it should read, and why.
    package struct CorrectMeetingRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Appendix 5's content, corrected; the date is the meeting's, which cannot change.
        package var meeting: MeetingContent
        /// Documentation available to the meeting (R3); as recorded when absent.
        package var documentation: [String]?
        /// Why it is corrected.
        package var reason: String

        package init(caseReference: CaseReference, meeting: MeetingContent, documentation: [String]? = nil, reason: String) {
            self.caseReference = caseReference
            self.meeting = meeting
            self.documentation = documentation
            self.reason = reason
        }
    }

    /// A correction of the quorate meeting's record, as kept.
    package struct MeetingCorrection: Sendable, Equatable, Codable {
        /// 1 for the first correction of the case's meeting.
        package var number: Int
        /// The meeting corrected.
        package var meetingNumber: Int
        /// The content as it now reads.
        package var meeting: MeetingContent
        /// The documentation as it now reads.
        package var documentation: [String]
        /// Why.
        package var reason: String
        /// When and by whom.
        package var correctedOn: CivilDate
        package var correctedBy: String

        package init(
            number: Int, meetingNumber: Int, meeting: MeetingContent, documentation: [String], reason: String, correctedOn: CivilDate,
            correctedBy: String
        ) {
            self.number = number
            self.meetingNumber = meetingNumber
            self.meeting = meeting
            self.documentation = documentation
            self.reason = reason
            self.correctedOn = correctedOn
            self.correctedBy = correctedBy
        }
    }

    /// `CorrectMeeting`'s answer: the correction kept.
    package struct CorrectMeetingResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var correction: MeetingCorrection
        package init(caseReference: CaseReference, correction: MeetingCorrection) {
            self.caseReference = caseReference
            self.correction = correction
        }
    }
}
