import Contract
import WorkingDays

/// T1-T10 counted for a year from the stages' statuses. A case's rule counts once: from the
/// latest stage in the workflow that reports it (as the gateway merges a case), so a deadline
/// an earlier stage handed on is not counted twice. A deadline counts in the year of its due date.
enum YearlyFigures {
    /// How `deadline` came out.
    static func timeliness(_ deadline: Deadline) -> PublicationAPI.Timeliness {
        switch deadline.status {
        case .met: .met
        case .metLate, .overdue: .late
        case .metOutsideWindow: .outsideWindow
        case .open, .dueSoon: .open
        }
    }

    /// The deadlines that count: per case and rule, the latest stage's (by workflow order).
    static func counted(_ reports: [(stage: ServiceIdentity, statuses: [CaseStatus])]) -> [Deadline] {
        var byCase: [CaseReference: [(order: Int, status: CaseStatus)]] = [:]
        for (stage, statuses) in reports {
            for status in statuses { byCase[status.reference, default: []].append((stage.workflowOrder, status)) }
        }
        var deadlines: [Deadline] = []
        for reports in byCase.values {
            var latest: [TimescaleRule: Int] = [:]
            for (order, status) in reports {
                for deadline in status.deadlines { latest[deadline.rule] = max(latest[deadline.rule] ?? -1, order) }
            }
            for (order, status) in reports {
                deadlines += status.deadlines.filter { latest[$0.rule] == order }
            }
        }
        return deadlines
    }

    /// T1-T10's figures for `year` from `deadlines` (already judged on the day).
    static func figures(_ deadlines: [Deadline], year: Int) -> [PublicationAPI.RuleFigures] {
        TimescaleRule.numbered.map { rule in
            let due = deadlines.filter { $0.rule == rule && $0.due.year == year }
            let outcomes = due.map(timeliness)
            return PublicationAPI.RuleFigures(
                rule: rule, met: outcomes.count { $0 == .met }, late: outcomes.count { $0 == .late },
                outsideWindow: outcomes.count { $0 == .outsideWindow }, open: outcomes.count { $0 == .open },
                extended: due.count { $0.originalDue != nil })
        }
    }
}
