import Contract
import Foundation
import ServiceKit
import Storage
import WorkingDays

/// The view's reads. Deadline states are judged here, on the day of the read (`CaseJudgement`):
/// the rows hold due dates, which do not change with the day, so the order of urgency and the
/// filters are index ranges over them.
extension CaseView {
    /// A page of the cases that pass `filter`, most urgent first, and how many pass.
    package func cases(_ filter: CaseFilter, judgement: CaseJudgement) async throws -> (page: [GatewayAPI.CaseOverview], total: Int) {
        try await database.read { db in
            // Built here: bound values are not Sendable, and the closure runs on a reader's thread.
            let (condition, arguments) = Self.condition(filter, judgement: judgement)
            let total: Int = try db.value("SELECT count(*) FROM case_view WHERE \(condition)", arguments: arguments) ?? 0
            let rows = try db.query(
                "SELECT merged FROM case_view WHERE \(condition) ORDER BY next_due, reference LIMIT ? OFFSET ?",
                arguments: arguments + [filter.pageSize, filter.offset])
            return (try rows.map { judgement.overview(try Self.merged($0)) }, total)
        }
    }

    /// The case of `reference`, if any stage reported it.
    package func overview(of reference: CaseReference, judgement: CaseJudgement) async throws -> GatewayAPI.CaseOverview? {
        try await database.read { db in
            try db.queryOne("SELECT merged FROM case_view WHERE reference = ?", reference).map { judgement.overview(try Self.merged($0)) }
        }
    }

    /// Every case, most urgent first: for tests that compare the view with a merge of everything.
    package func everyCase(judgement: CaseJudgement) async throws -> [GatewayAPI.CaseOverview] {
        try await database.read { db in
            try db.query("SELECT merged FROM case_view ORDER BY next_due, reference").map { judgement.overview(try Self.merged($0)) }
        }
    }

    /// The panel's figures on `today` (`SummaryFigures` says what each counts).
    package func figures(today: CivilDate) async throws -> SummaryFigures.Counts {
        try await database.read { db in
            var byStage: [CaseStage: Int] = [:]
            for row in try db.query("SELECT stage, count(*) FROM case_view GROUP BY stage") {
                if let stage = CaseStage(rawValue: try row[0]) { byStage[stage] = try row[1] }
            }
            var overdueByRule: [TimescaleRule: Int] = [:]
            for row in try db.query("SELECT rule, count(*) FROM view_deadlines WHERE met_on IS NULL AND due < ? GROUP BY rule", today) {
                if let rule = TimescaleRule(rawValue: try row[0]) { overdueByRule[rule] = try row[1] }
            }
            let t6 = TimescaleRule.t6.rawValue
            let timeliness = try GatewayAPI.Period.allCases.map { period -> SummaryFigures.T6Count in
                let days = SummaryFigures.range(of: period, today: today)
                let met = try db.queryOne(
                    "SELECT count(*), coalesce(sum(met_in_time), 0) FROM view_deadlines WHERE rule = ? AND met_on BETWEEN ? AND ?", t6,
                    days.lowerBound, days.upperBound)
                // Still undecided past the due date, in the period: counts against the share.
                let late: Int =
                    try db.value(
                        "SELECT count(*) FROM view_deadlines WHERE rule = ? AND met_on IS NULL AND due < ? AND due BETWEEN ? AND ?", t6, today,
                        days.lowerBound, days.upperBound) ?? 0
                let decided: Int = try met?[0] ?? 0
                let onTime: Int = try met?[1] ?? 0
                return SummaryFigures.T6Count(period: period, decided: decided + late, withinTimescale: onTime)
            }
            return SummaryFigures.Counts(
                total: try db.value("SELECT count(*) FROM case_view") ?? 0, byStage: byStage,
                overdueCases: try db.value("SELECT count(*) FROM case_view WHERE next_due < ?", today) ?? 0, overdueByRule: overdueByRule,
                t6: timeliness)
        }
    }

    /// The SQL condition of `filter`: a case is overdue when its next due date is past, and
    /// due within N working days when its next due date is no later than the last day before the
    /// (N+1)th working day after today.
    private static func condition(_ filter: CaseFilter, judgement: CaseJudgement) -> (String, StatementArguments) {
        var clauses = ["1"]
        var arguments: StatementArguments = []
        if let stage = filter.stage {
            clauses.append("stage = ?")
            arguments.append(stage.rawValue)
        }
        if filter.overdueOnly {
            clauses.append("next_due < ?")
            arguments.append(judgement.today)
        }
        if let days = filter.dueWithinWorkingDays {
            clauses.append("next_due <= ?")
            arguments.append(judgement.calendar.addingWorkingDays(days + 1, to: judgement.today).adding(days: -1))
        }
        return (clauses.joined(separator: " AND "), arguments)
    }

    private static func merged(_ row: Row) throws -> MergedCase {
        try JSONColumn.value(StoredMergedCase.self, row, "merged", table: "case_view").merged
    }
}
