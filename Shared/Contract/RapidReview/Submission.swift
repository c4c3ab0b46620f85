import RPC
import WorkingDays

// MARK: - Submission to the National Panel (R10, T5, T6)

extension RapidReviewAPI {
    /// The outcome shared with one agency (R10, §4.7.2).
    package struct OutcomeShared: Sendable, Equatable, Codable {
        /// The agency.
        package var agency: String
        /// When it was sent.
        package var date: CivilDate
        /// True for the agency that made the referral.
        package var referrer: Bool

        package init(agency: String, date: CivilDate, referrer: Bool = false) {
            self.agency = agency
            self.date = date
            self.referrer = referrer
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            agency = try container.decode(String.self, forKey: .agency)
            date = try container.decode(CivilDate.self, forKey: .date)
            referrer = try container.decodeIfPresent(Bool.self, forKey: .referrer) ?? false
        }
    }

    /// `RecordSubmission`'s request: when the ratified outcome went to the National Panel (T5),
    /// and to each relevant agency and the referrer (R10).
    package struct RecordSubmissionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The date the form went to the National Panel with the covering letter.
        package var submittedToNationalPanel: CivilDate
        /// Every relevant agency, the referrer marked.
        package var sharedWith: [OutcomeShared]

        package init(caseReference: CaseReference, submittedToNationalPanel: CivilDate, sharedWith: [OutcomeShared]) {
            self.caseReference = caseReference
            self.submittedToNationalPanel = submittedToNationalPanel
            self.sharedWith = sharedWith
        }
    }

    /// The submission as recorded: the Rapid Review is complete.
    package struct Submission: Sendable, Equatable, Codable {
        /// The date it went to the National Panel.
        package var submittedToNationalPanel: CivilDate
        /// Who it was shared with, and when.
        package var sharedWith: [OutcomeShared]
        /// T5: true when it went more than 2 working days after the meeting.
        package var late: Bool
        /// T6: true when the Rapid Review was complete within its 15 working days.
        package var t6Met: Bool
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            submittedToNationalPanel: CivilDate, sharedWith: [OutcomeShared], late: Bool, t6Met: Bool, recordedOn: CivilDate, recordedBy: String
        ) {
            self.submittedToNationalPanel = submittedToNationalPanel
            self.sharedWith = sharedWith
            self.late = late
            self.t6Met = t6Met
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The submission, whether it was late (T5) and whether T6 was met.
    package struct RecordSubmissionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What was recorded.
        package var submission: Submission
        /// True: the Rapid Review is complete.
        package var complete: Bool
        /// T4, T5 and T6, judged.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, submission: Submission, complete: Bool, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.submission = submission
            self.complete = complete
            self.deadlines = deadlines
        }
    }
}
