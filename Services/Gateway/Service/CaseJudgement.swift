import Contract
import WorkingDays

/// Judges merged cases against today: working days left to each deadline, its state, the next
/// deadline, the case's urgency, and the order of urgency.
package struct CaseJudgement: Sendable {
    /// The date deadlines are judged on (the one clock: `CSPR_TODAY` or Europe/London).
    package var today: CivilDate
    /// England and Wales working days.
    package var calendar: WorkingCalendar

    package init(today: CivilDate, calendar: WorkingCalendar) {
        self.today = today
        self.calendar = calendar
    }

    /// The case as the gateway shows it.
    package func overview(_ merged: MergedCase) -> GatewayAPI.CaseOverview {
        let deadlines = merged.deadlines.map(track).enumerated()
            .sorted { ($0.element.due, $0.offset) < ($1.element.due, $1.offset) }
            .map(\.element)
        let next = deadlines.filter { $0.metOn == nil }.min { $0.due < $1.due }
        let urgency: GatewayAPI.Urgency
        if deadlines.contains(where: { $0.status == .overdue }) {
            urgency = .overdue
        } else if deadlines.contains(where: { $0.status == .dueSoon }) {
            urgency = .dueSoon
        } else {
            urgency = .onTrack
        }
        return GatewayAPI.CaseOverview(
            reference: merged.reference, stage: merged.stage, milestones: merged.milestones, deadlines: deadlines, nextDeadline: next,
            urgency: urgency, reportedBy: merged.reportedBy.map(\.name), nextStep: merged.nextStep)
    }

    /// A stage's deadline with the working days left to it. A deadline not met is judged again
    /// on today's date (as `Deadline.compute` does), so an answer cached across midnight, or a
    /// stage that judged it yesterday, still shows the state of today; a met one keeps the
    /// stage's verdict (met or met late).
    package func track(_ reported: MergedCase.ReportedDeadline) -> GatewayAPI.TrackedDeadline {
        let deadline = reported.deadline.judged(on: today, calendar: calendar)
        let left = deadline.metOn == nil ? calendar.workingDays(from: today, to: deadline.due) : nil
        return GatewayAPI.TrackedDeadline(deadline, workingDaysLeft: left, reportedBy: reported.reportedBy.name)
    }

    /// Most urgent first: by next deadline's due date (cases with none last), then reference.
    package static func byNextDeadline(_ lhs: GatewayAPI.CaseOverview, _ rhs: GatewayAPI.CaseOverview) -> Bool {
        switch (lhs.nextDeadline?.due, rhs.nextDeadline?.due) {
        case (let left?, let right?) where left != right: return left < right
        case (.some, nil): return true
        case (nil, .some): return false
        default: return lhs.reference < rhs.reference
        }
    }
}
