import RPC
import WorkingDays

// MARK: - Learning events (§8.8): the practitioners' workshop, its date for §7.4.1 and its
// arrangements for the Appendix 12 letter (invitations, attendance: LearningWorkshop.swift)

extension ReviewManagementAPI {
    /// The kind of learning event.
    package enum LearningEventKind: String, WireEnum {
        /// The practitioners' reflective learning workshop (§8.8).
        case practitionersWorkshop
    }

    /// `ScheduleLearningEvent`'s request: the event's kind and date, and the timings, venue and
    /// feedback session date the Appendix 12 letter gives. A later one of the same kind
    /// reschedules it; earlier ones stay readable.
    package struct ScheduleLearningEventRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The kind.
        package var kind: LearningEventKind
        /// When it takes place.
        package var date: CivilDate
        /// When it starts, `HH:MM` (24-hour clock); Appendix 14's agenda starts at 09:45.
        package var startsAt: String?
        /// When it ends, `HH:MM`, after `startsAt`.
        package var endsAt: String?
        /// Where it takes place.
        package var venue: String?
        /// The date participants are asked to hold for the feedback session (Appendix 12).
        package var feedbackSessionDate: CivilDate?

        package init(
            caseReference: CaseReference, kind: LearningEventKind, date: CivilDate, startsAt: String? = nil, endsAt: String? = nil,
            venue: String? = nil, feedbackSessionDate: CivilDate? = nil
        ) {
            self.caseReference = caseReference
            self.kind = kind
            self.date = date
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.venue = venue
            self.feedbackSessionDate = feedbackSessionDate
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
        /// When it starts, `HH:MM`.
        package var startsAt: String?
        /// When it ends, `HH:MM`.
        package var endsAt: String?
        /// Where it takes place.
        package var venue: String?
        /// The date participants are asked to hold for the feedback session (Appendix 12).
        package var feedbackSessionDate: CivilDate?

        package init(
            kind: LearningEventKind, date: CivilDate, scheduledOn: CivilDate, scheduledBy: String, startsAt: String? = nil, endsAt: String? = nil,
            venue: String? = nil, feedbackSessionDate: CivilDate? = nil
        ) {
            self.kind = kind
            self.date = date
            self.scheduledOn = scheduledOn
            self.scheduledBy = scheduledBy
            self.startsAt = startsAt
            self.endsAt = endsAt
            self.venue = venue
            self.feedbackSessionDate = feedbackSessionDate
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
