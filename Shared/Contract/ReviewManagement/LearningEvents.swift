import RPC
import WorkingDays

// MARK: - Learning events (§8.8): only as far as the practitioners' workshop date, for §7.4.1

extension ReviewManagementAPI {
    /// The kind of learning event.
    package enum LearningEventKind: String, WireEnum {
        /// The practitioners' reflective learning workshop (§8.8).
        case practitionersWorkshop
    }

    /// `ScheduleLearningEvent`'s request: the event's kind and date. A later one of the same
    /// kind reschedules it; earlier ones stay readable.
    package struct ScheduleLearningEventRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The kind.
        package var kind: LearningEventKind
        /// When it takes place.
        package var date: CivilDate

        package init(caseReference: CaseReference, kind: LearningEventKind, date: CivilDate) {
            self.caseReference = caseReference
            self.kind = kind
            self.date = date
        }
    }

    /// A learning event as scheduled.
    package struct LearningEvent: Sendable, Equatable, Codable {
        /// The kind.
        package var kind: LearningEventKind
        /// When it takes place.
        package var date: CivilDate
        /// When it was scheduled.
        package var scheduledOn: CivilDate
        /// Who scheduled it.
        package var scheduledBy: String

        package init(kind: LearningEventKind, date: CivilDate, scheduledOn: CivilDate, scheduledBy: String) {
            self.kind = kind
            self.date = date
            self.scheduledOn = scheduledOn
            self.scheduledBy = scheduledBy
        }
    }

    /// The event scheduled, and the §7.4.1 warnings now standing.
    package struct ScheduleLearningEventResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The event as scheduled.
        package var event: LearningEvent
        /// Warnings, not refusals (§7.4.1); empty when none.
        package var warnings: [String]

        package init(caseReference: CaseReference, event: LearningEvent, warnings: [String]) {
            self.caseReference = caseReference
            self.event = event
            self.warnings = warnings
        }
    }
}
