import Contract
import Foundation
import WorkingDays

/// `GetSummary`'s figures: cases by stage, the cases overdue and the overdue deadlines by rule,
/// and T6's share in each period. The view counts them (`CaseView.figures`); this says what
/// each figure is and puts them in the answer's order.
package enum SummaryFigures {
    /// What the view counted.
    package struct Counts: Sendable, Equatable {
        /// Every case.
        var total: Int
        /// Cases by stage; a stage with none may be missing.
        var byStage: [CaseStage: Int]
        /// Cases with a deadline not met and past due.
        var overdueCases: Int
        /// Deadlines not met and past due, by rule.
        var overdueByRule: [TimescaleRule: Int]
        /// T6 in each period.
        var t6: [T6Count]
    }

    /// T6: the Rapid Reviews decided (T6 met, on time or late) in the period, and the ones still
    /// undecided past their due date in it, against how many were decided within 15 working
    /// days: a review that is late and still open counts against the share.
    package struct T6Count: Sendable, Equatable {
        var period: GatewayAPI.Period
        var decided: Int
        var withinTimescale: Int
    }

    /// The answer: every stage listed in stage order, rules with an overdue deadline in rule order.
    package static func summary(_ counts: Counts, today: CivilDate, unavailable: [GatewayAPI.StageOutage], asOf: Date)
        -> GatewayAPI.GetSummaryResponse
    {
        GatewayAPI.GetSummaryResponse(
            totalCases: counts.total, casesByStage: CaseStage.allCases.map { GatewayAPI.StageCount(stage: $0, count: counts.byStage[$0] ?? 0) },
            overdueCases: counts.overdueCases,
            overdueByRule: counts.overdueByRule.filter { $0.value > 0 }.map { GatewayAPI.RuleCount(rule: $0.key, count: $0.value) }
                .sorted { $0.rule < $1.rule },
            rapidReviewTimeliness: counts.t6.map { count in
                let days = range(of: count.period, today: today)
                return GatewayAPI.RapidReviewTimeliness(
                    period: count.period, from: days.lowerBound, to: days.upperBound, decided: count.decided, withinTimescale: count.withinTimescale)
            },
            unavailable: unavailable, asOf: asOf, today: today)
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
}
