import Contract
import Foundation
import WorkingDays

/// `GetSummary`'s figures from a snapshot.
package enum SummaryFigures {
    /// Counts by stage, overdue deadlines by rule, and T6's share in each period.
    package static func summary(of snapshot: Snapshot) -> GatewayAPI.GetSummaryResponse {
        let cases = snapshot.cases
        let byStage = CaseStage.allCases.map { stage in GatewayAPI.StageCount(stage: stage, count: cases.count { $0.stage == stage }) }
        var overdue: [TimescaleRule: Int] = [:]
        for overview in cases {
            for deadline in overview.deadlines where deadline.status == .overdue { overdue[deadline.rule, default: 0] += 1 }
        }
        let overdueByRule = overdue.map { GatewayAPI.RuleCount(rule: $0.key, count: $0.value) }
            .sorted { $0.rule < $1.rule }
        return GatewayAPI.GetSummaryResponse(
            totalCases: cases.count, casesByStage: byStage, overdueCases: cases.count { $0.urgency == .overdue }, overdueByRule: overdueByRule,
            rapidReviewTimeliness: GatewayAPI.Period.allCases.map { timeliness(cases, period: $0, today: snapshot.today) },
            unavailable: snapshot.unavailable, asOf: snapshot.asOf, today: snapshot.today)
    }

    /// The first and last day of `period` ending `today`.
    package static func range(of period: GatewayAPI.Period, today: CivilDate) -> ClosedRange<CivilDate> {
        switch period {
        case .thisYear:
            let first = CivilDate(year: today.year, month: 1, day: 1) ?? today
            return first...today
        case .last12Months:
            return today.adding(months: -12).adding(days: 1)...today
        }
    }

    /// T6: the Rapid Reviews decided (T6 met, on time or late) in `period`, and the ones still
    /// undecided past their due date in it, against how many were decided within 15 working
    /// days: a review that is late and still open counts against the share.
    static func timeliness(_ cases: [GatewayAPI.CaseOverview], period: GatewayAPI.Period, today: CivilDate) -> GatewayAPI.RapidReviewTimeliness {
        let days = range(of: period, today: today)
        var decided = 0
        var onTime = 0
        for overview in cases {
            for deadline in overview.deadlines where deadline.rule == .t6 {
                if let metOn = deadline.metOn {
                    guard days.contains(metOn) else { continue }
                    decided += 1
                    if deadline.status == .met { onTime += 1 }
                } else if deadline.status == .overdue, days.contains(deadline.due) {
                    decided += 1
                }
            }
        }
        return GatewayAPI.RapidReviewTimeliness(period: period, from: days.lowerBound, to: days.upperBound, decided: decided, withinTimescale: onTime)
    }
}
