import Contract
import WorkingDays

/// T4, T5 and T6 of one Rapid Review, computed from its own facts with the case's rule set
/// and the service's calendar; each deadline records both (RULES.md).
struct CaseDeadlines {
    let rapidReview: RapidReviewCase
    let clock: CaseClock

    /// T4: the meeting between 7 and 13 working days of the referral; met by the quorate meeting.
    var t4: Deadline? {
        deadline(.t4, metOn: rapidReview.heldMeeting?.meetingDate)
    }

    /// T5: to the National Panel within 2 working days of the meeting; from a quorate meeting on.
    var t5: Deadline? {
        deadline(.t5, metOn: rapidReview.submission?.submittedToNationalPanel)
    }

    /// T6: the Rapid Review complete (submitted) within 15 working days.
    var t6: Deadline? {
        deadline(.t6, metOn: rapidReview.submission?.submittedToNationalPanel)
    }

    /// Every deadline that applies now, in rule order.
    var all: [Deadline] { [t4, t5, t6].compactMap { $0 } }

    /// T4's window: its first and last allowed days.
    func t4Window() throws(RapidReviewError) -> (earliest: CivilDate, latest: CivilDate) {
        guard let t4, let earliest = t4.earliest else { throw .timescaleNotCounted(.t4) }
        return (earliest, t4.due)
    }

    /// T6's due date.
    func t6Due() throws(RapidReviewError) -> CivilDate {
        guard let t6 else { throw .timescaleNotCounted(.t6) }
        return t6.due
    }

    /// T5's due date from `meetingDate`, or the date a recorded extension moved it to.
    func t5Due(afterMeetingOn meetingDate: CivilDate) throws(RapidReviewError) -> CivilDate {
        guard let due = Timescales.rule(.t5, rapidReview.ruleSet).due(from: meetingDate, calendar: clock.calendar) else {
            throw .timescaleNotCounted(.t5)
        }
        return DeadlineExtension.extendedDue(rapidReview.extensions, .t5, subject: nil) ?? due
    }

    private func deadline(_ id: TimescaleRule, metOn: CivilDate?) -> Deadline? {
        let timescale = Timescales.rule(id, rapidReview.ruleSet)
        guard var anchor = anchorDate(timescale.anchor) else { return nil }
        // T6 under surrey-2019 counts from becoming aware of the incident (§4.2.2): the LA, a
        // safeguarding partner, may have become aware before the referral arrived (RULES.md).
        if id == .t6, timescale.anchor == .referralReceived, let aware = rapidReview.handOver.laBecameAware { anchor = min(anchor, aware) }
        return Deadline.compute(
            timescale, from: anchor, metOn: metOn, today: clock.today, calendar: clock.calendar, ruleSet: rapidReview.ruleSet,
            extendedTo: DeadlineExtension.extendedDue(rapidReview.extensions, id, subject: nil))
    }

    private func anchorDate(_ anchor: AnchorEvent) -> CivilDate? {
        switch anchor {
        case .referralReceived: return rapidReview.handOver.referralReceived
        // wt-2023 counts T6 from the notification to the National Panel; until intake knows of
        // one, the referral date stands in (the earlier, stricter date).
        case .notifiedNationalPanel: return rapidReview.handOver.notifiedNationalPanel ?? rapidReview.handOver.referralReceived
        case .meetingHeld: return rapidReview.heldMeeting?.meetingDate
        case .laBecameAware, .reviewCommissioned, .delayKnown, .publicationDate, .actionTargetDate: return nil
        }
    }
}
