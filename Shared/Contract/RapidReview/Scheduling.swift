import RPC
import WorkingDays

// MARK: - Scheduling the meeting (T4, T6)

extension RapidReviewAPI {
    /// `ScheduleMeeting`'s request: the meeting's date and format (§4.4.2). A date outside the
    /// T4 window, or after the T6 deadline, needs `reason`.
    package struct ScheduleMeetingRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The meeting's date.
        package var date: CivilDate
        /// Face to face (ideally) or by telephone (Appendix 5).
        package var format: MeetingFormat
        /// Why the date is outside the T4 window or after the T6 deadline; required then.
        package var reason: String?

        package init(caseReference: CaseReference, date: CivilDate, format: MeetingFormat, reason: String? = nil) {
            self.caseReference = caseReference
            self.date = date
            self.format = format
            self.reason = reason
        }
    }

    /// One scheduling of the meeting; rescheduling adds another and keeps this one.
    package struct ScheduledMeeting: Sendable, Equatable, Codable {
        /// 1 for the first scheduling, then 2, 3...
        package var number: Int
        /// The meeting's date.
        package var date: CivilDate
        /// Face to face or by telephone.
        package var format: MeetingFormat
        /// True when the date is not a working day 7-13 working days after the referral (T4).
        package var outsideT4Window: Bool
        /// True when the date is after the T6 deadline.
        package var afterT6Deadline: Bool
        /// The recorded reason, when the date needed one.
        package var reason: String?
        /// When it was scheduled.
        package var scheduledOn: CivilDate
        /// Who scheduled it (a principal of the tokens file).
        package var scheduledBy: String

        package init(
            number: Int, date: CivilDate, format: MeetingFormat, outsideT4Window: Bool, afterT6Deadline: Bool, reason: String?,
            scheduledOn: CivilDate, scheduledBy: String
        ) {
            self.number = number
            self.date = date
            self.format = format
            self.outsideT4Window = outsideT4Window
            self.afterT6Deadline = afterT6Deadline
            self.reason = reason
            self.scheduledOn = scheduledOn
            self.scheduledBy = scheduledBy
        }
    }

    /// The meeting as scheduled now, the earlier schedulings, and T4 and T6.
    package struct ScheduleMeetingResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The scheduling just recorded.
        package var meeting: ScheduledMeeting
        /// Earlier schedulings, oldest first.
        package var history: [ScheduledMeeting]
        /// T4 (the meeting window) and T6 (the Rapid Review complete).
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, meeting: ScheduledMeeting, history: [ScheduledMeeting], deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.meeting = meeting
            self.history = history
            self.deadlines = deadlines
        }
    }
}
