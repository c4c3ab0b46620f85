import RPC
import WorkingDays

// MARK: - Immediate actions followed up (R4)

extension RapidReviewAPI {
    /// `RecordActionDone`'s request: an immediate action the meeting agreed (R4) was taken.
    package struct RecordActionDoneRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The action's number in the meeting's list, from 1.
        package var action: Int
        /// When it was taken.
        package var doneOn: CivilDate
        /// What was done, if worth saying (no child's or family member's details).
        package var note: String?

        package init(caseReference: CaseReference, action: Int, doneOn: CivilDate, note: String? = nil) {
            self.caseReference = caseReference
            self.action = action
            self.doneOn = doneOn
            self.note = note
        }
    }

    /// An immediate action recorded as taken after the meeting.
    package struct ActionDone: Sendable, Equatable, Codable {
        /// The action's number in the meeting's list, from 1.
        package var action: Int
        /// When it was taken.
        package var doneOn: CivilDate
        /// What was done, if given.
        package var note: String?
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(action: Int, doneOn: CivilDate, note: String?, recordedOn: CivilDate, recordedBy: String) {
            self.action = action
            self.doneOn = doneOn
            self.note = note
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// `RecordActionDone`'s answer: the actions as they now stand and their R4 deadlines.
    package struct RecordActionDoneResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What was recorded.
        package var recorded: ActionDone
        /// Every immediate action of the meeting, `done` as it now stands.
        package var actions: [ActionItem]
        /// An R4 deadline per action with a by-when date still open.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, recorded: ActionDone, actions: [ActionItem], deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.recorded = recorded
            self.actions = actions
            self.deadlines = deadlines
        }
    }
}
