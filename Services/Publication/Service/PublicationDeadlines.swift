import Contract
import WorkingDays

extension Publication {
    /// What T8 asks for here, as the status shows it.
    static let t8Subject = "National Panel and Secretary of State informed of a publication after six months"
    /// What T9 asks for, as the status shows it.
    static let t9Subject = "advance copies to the National Panel, Ofsted and the Secretary of State"
    /// T10's step after the first year, as the status shows it.
    static let t10Subject = "archived after a year, then available on request"

    /// The day a publication later than T7's due date became known: the first schedule for a
    /// date after it, else the publication itself when it came after it; nil when none did or
    /// the hand-over carried no T7 (a sender before the field, or no local T7).
    var lateKnownOn: CivilDate? {
        guard let due = preparation.t7?.due else { return nil }
        if let schedule = schedules.first(where: { $0.publicationDate > due }) { return schedule.scheduledOn }
        return published.flatMap { $0.publishedOn > due ? $0.publishedOn : nil }
    }

    /// T8 judged here (§3.1.3): a publication date after T7's due date (after any recorded
    /// extension, as review-management judges T8) asks for the notice of delay, due the day
    /// that became known ("when known"), unless review-management recorded one. A deadline, not
    /// a refusal: the publication is a fact to record, and refusing it would not send the notice.
    func t8(_ clock: CaseClock) -> Deadline? {
        guard preparation.delayNoticeOn == nil, let due = lateKnownOn else { return nil }
        let informed = delayNotices.first?.informedOn
        let status: DeadlineStatus
        if let informed {
            status = informed <= due ? .met : .metLate
        } else {
            status = DeadlineJudge(today: clock.today, calendar: clock.calendar).status(due: due)
        }
        return Deadline(
            rule: .t8, subject: Self.t8Subject, due: due, status: status, metOn: informed, ruleSet: ruleSet, calendar: clock.calendar.identifier)
    }

    /// T9 once a publication date is set: due the 7th working day before it, met on the latest
    /// sending of the version to be published once all three recipients have it.
    func t9(_ clock: CaseClock) -> Deadline? {
        guard let date = publicationDate else { return nil }
        let sent = AdvanceCopyRule.firstSent(advanceCopies, version: versionInForce, of: document)
        let metOn = sent.count == AdvanceCopyRule.recipients.count ? sent.values.max() : nil
        return Deadline.compute(
            Timescales.rule(.t9, ruleSet), from: date, metOn: metOn, today: clock.today, calendar: clock.calendar, ruleSet: ruleSet,
            subject: Self.t9Subject)
    }

    /// T10 once published: available for a year, then the archive step, due a year after publication.
    func t10(_ clock: CaseClock) -> Deadline? {
        guard let published else { return nil }
        return Deadline.compute(
            Timescales.rule(.t10, ruleSet), from: published.publishedOn, metOn: archived?.archivedOn, today: clock.today, calendar: clock.calendar,
            ruleSet: ruleSet,
            subject: Self.t10Subject)
    }
}
