import Contract
import WorkingDays

extension Review {
    /// What T8 asks for, as the status shows it.
    static let t8Subject = "National Panel and Secretary of State informed"

    /// T7's due date as the latest recorded decision to delay set it; nil when none did
    /// (RULES.md: a deadline is extended only by a recorded decision).
    var t7ExtendedTo: CivilDate? { delayDecisions.last?.newDue }

    /// The first forecast that passes T7's due date `due`: from when it was recorded the delay
    /// is known (T8's anchor, "when known").
    func forecastPassing(_ due: CivilDate) -> ReviewManagementAPI.CompletionForecast? {
        forecasts.first { $0.forecastCompletion > due }
    }

    /// T8: once a forecast completion passes T7's (extended) due date, the National Panel and
    /// the Secretary of State are to be informed with the reason, due the day the forecast was
    /// recorded (Timescales: T8 is on the event, amount 0); met by the first notice of delay,
    /// on the later of its two dates (§3.1.3).
    func t8(_ clock: CaseClock) -> Deadline? {
        guard let t7 = t7(clock) else { return nil }
        let notice = delayNotices.first
        // A notice already given keeps T8 shown (met) even if a later extension covers the forecast.
        guard let due = forecastPassing(t7.due)?.recordedOn ?? notice?.informedOn else { return nil }
        let status: DeadlineStatus
        if let informed = notice?.informedOn {
            status = informed <= due ? .met : .metLate
        } else {
            status = DeadlineJudge(today: clock.today, calendar: clock.calendar).status(due: due)
        }
        return Deadline(
            rule: .t8, subject: Self.t8Subject, due: due, status: status, metOn: notice?.informedOn, ruleSet: ruleSet,
            calendar: clock.calendar.identifier)
    }

    /// The oversight record for `GetReview`.
    var oversight: ReviewManagementAPI.Oversight {
        ReviewManagementAPI.Oversight(
            parallelProcesses: parallelProcesses, delayDecisions: delayDecisions, forecasts: forecasts, delayNotices: delayNotices,
            checkpoints: checkpoints)
    }

    /// The oversight steps as milestones: no names, only events and dates.
    var oversightMilestones: [Milestone] {
        parallelProcesses.compactMap { process in
            process.updates.first.map { Milestone(event: "parallelProcessRegistered", date: $0.recordedOn) }
        } + delayDecisions.map { Milestone(event: "t7Extended", date: $0.decidedOn) }
            + forecasts.map { Milestone(event: "completionForecast", date: $0.recordedOn) }
            + delayNotices.map { Milestone(event: "delayNoticeSent", date: $0.informedOn) }
            + checkpoints.map { Milestone(event: "checkpointHeld", date: $0.heldOn) }
    }
}
