import WorkingDays

/// Where a deadline stands.
package enum DeadlineStatus: String, WireEnum {
    /// Not yet met, not yet near.
    case open
    /// Not yet met; due within `Deadline.dueSoonWorkingDays` working days.
    case dueSoon
    /// Not met and past due.
    case overdue
    /// Met on or before the due date (and not before a window's first day).
    case met
    /// Met, but after the due date.
    case metLate
    /// Done, but outside a window (T4: a meeting before the 7th working day, or on a day that
    /// is not a working day): it counts as done, not as met.
    case metOutsideWindow
}

/// A deadline computed from a timescale: what is due, when, and whether it was met. It records
/// the rule set and calendar it was computed with (RULES.md).
package struct Deadline: Sendable, Equatable, Codable {
    /// The timescale's id, e.g. `T4`.
    package var rule: TimescaleRule
    /// What is due, when one rule has several deadlines (T1: "National Panel notified",
    /// "safeguarding partners told").
    package var subject: String?
    /// The due date (after any recorded extension).
    package var due: CivilDate
    /// A window's first day (T4), if any.
    package var earliest: CivilDate?
    /// The original due date when an extension moved it; "met late" against it stays visible.
    package var originalDue: CivilDate?
    /// Where it stands today.
    package var status: DeadlineStatus
    /// When it was met, if it was.
    package var metOn: CivilDate?
    /// The rule set it was computed with.
    package var ruleSet: RuleSet
    /// The calendar it was computed with.
    package var calendar: String

    /// Working days before `due` from which an open deadline counts as due soon.
    package static let dueSoonWorkingDays = 2

    package init(
        rule: TimescaleRule, subject: String? = nil, due: CivilDate, earliest: CivilDate? = nil, originalDue: CivilDate? = nil,
        status: DeadlineStatus,
        metOn: CivilDate? = nil, ruleSet: RuleSet, calendar: String = WorkingCalendar.englandAndWalesName
    ) {
        self.rule = rule
        self.subject = subject
        self.due = due
        self.earliest = earliest
        self.originalDue = originalDue
        self.status = status
        self.metOn = metOn
        self.ruleSet = ruleSet
        self.calendar = calendar
    }

    /// The deadline of `timescale` counted from `anchor`, judged on `today`. `extendedTo` is a
    /// recorded extension's new date. Nil for event-driven rules (T8).
    package static func compute(
        _ timescale: Timescale, from anchor: CivilDate, metOn: CivilDate?, today: CivilDate, calendar: WorkingCalendar,
        ruleSet: RuleSet, extendedTo: CivilDate? = nil, subject: String? = nil
    ) -> Deadline? {
        guard let computed = timescale.due(from: anchor, calendar: calendar) else { return nil }
        let due = extendedTo ?? computed
        let status: DeadlineStatus
        let earliest = timescale.earliestDay(from: anchor, calendar: calendar)
        if let metOn {
            if let earliest, metOn < earliest || !calendar.isWorkingDay(metOn) {
                status = .metOutsideWindow
            } else {
                status = metOn <= due ? .met : .metLate
            }
        } else {
            status = openStatus(due: due, today: today, calendar: calendar)
        }
        return Deadline(
            rule: timescale.id, subject: subject, due: due, earliest: earliest,
            originalDue: extendedTo == nil ? nil : computed, status: status, metOn: metOn, ruleSet: ruleSet,
            calendar: calendar.identifier)
    }

    /// This deadline judged on `today`: one not met is open, due soon or overdue as `compute`
    /// would say today; a met one keeps its verdict. Stored statuses are judged again when read,
    /// so a status written last week shows today's state without being rewritten.
    package func judged(on today: CivilDate, calendar: WorkingCalendar) -> Deadline {
        judged(by: DeadlineJudge(today: today, calendar: calendar))
    }

    /// This deadline judged by `judge` (one judge serves a whole page of statuses).
    package func judged(by judge: DeadlineJudge) -> Deadline {
        guard metOn == nil else { return self }
        var judged = self
        judged.status = judge.status(due: due)
        return judged
    }

    /// Where a deadline not met stands on `today`.
    private static func openStatus(due: CivilDate, today: CivilDate, calendar: WorkingCalendar) -> DeadlineStatus {
        if today > due { return .overdue }
        return calendar.workingDays(from: today, to: due) <= dueSoonWorkingDays ? .dueSoon : .open
    }
}

/// Judges deadlines not met on one day: the last day that is still "due soon" is worked out
/// once, so judging a page of statuses is a comparison per deadline.
package struct DeadlineJudge: Sendable {
    /// The day judged on.
    package let today: CivilDate
    // The last date with at most `dueSoonWorkingDays` working days after today: the day before
    // the next working day after that many (working days from today only grow with the date).
    private let lastDueSoon: CivilDate

    package init(today: CivilDate, calendar: WorkingCalendar) {
        self.today = today
        lastDueSoon = calendar.addingWorkingDays(Deadline.dueSoonWorkingDays + 1, to: today).adding(days: -1)
    }

    /// Where a deadline due on `due`, not met, stands.
    package func status(due: CivilDate) -> DeadlineStatus {
        if today > due { return .overdue }
        return due <= lastDueSoon ? .dueSoon : .open
    }
}

extension CaseStatus {
    /// The status with every deadline judged on `today`.
    package func judged(on today: CivilDate, calendar: WorkingCalendar) -> CaseStatus {
        judged(by: DeadlineJudge(today: today, calendar: calendar))
    }

    /// The status with every deadline judged by `judge`.
    package func judged(by judge: DeadlineJudge) -> CaseStatus {
        var judged = self
        judged.deadlines = deadlines.map { $0.judged(by: judge) }
        return judged
    }
}
