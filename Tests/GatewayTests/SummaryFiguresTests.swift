import Contract
import Foundation
import GatewayService
import GatewayStandIns
import Testing
import WorkingDays

@Suite("The panel's figures")
struct SummaryFiguresTests {
    static let snapshot = Snapshot(cases: CaseJudgementTests.overviews(), unavailable: [], asOf: Date(), today: Fixtures.date(Fixtures.today))

    @Test("cases by stage, every stage listed in order")
    func byStage() {
        let summary = SummaryFigures.summary(of: Self.snapshot)
        #expect(summary.totalCases == 5)
        #expect(summary.casesByStage.map(\.stage) == CaseStage.allCases)
        #expect(summary.casesByStage.map(\.count) == [3, 1, 0, 0, 0, 1])
    }

    @Test("overdue items by rule, and the cases overdue")
    func overdue() {
        let summary = SummaryFigures.summary(of: Self.snapshot)
        #expect(summary.overdueCases == 1)
        #expect(summary.overdueByRule == [GatewayAPI.RuleCount(rule: .t3, count: 1)])
    }

    @Test("T6: decided within 15 working days, this year 1 of 1, the last 12 months 1 of 2")
    func t6Share() {
        let timeliness = SummaryFigures.summary(of: Self.snapshot).rapidReviewTimeliness
        #expect(timeliness.map(\.period) == [.thisYear, .last12Months])
        #expect(timeliness.map(\.decided) == [1, 2])
        #expect(timeliness.map(\.withinTimescale) == [1, 1])
        #expect(timeliness.map(\.share) == [1.0, 0.5])
        #expect(timeliness.map(\.from) == [Fixtures.date("2025-01-01"), Fixtures.date("2024-03-25")])
        #expect(timeliness.allSatisfy { $0.to == Fixtures.date(Fixtures.today) })
    }

    @Test("rules sort by number: T2 before T10")
    func ruleOrder() {
        func overdue(_ rule: TimescaleRule) -> GatewayAPI.TrackedDeadline {
            GatewayAPI.TrackedDeadline(
                Deadline(rule: rule, due: Fixtures.date("2025-01-06"), status: .overdue, ruleSet: .surrey2019), workingDaysLeft: -50,
                reportedBy: "publication")
        }
        let overview = GatewayAPI.CaseOverview(
            reference: Fixtures.reference("TESTSHIRE-2025-0100"), stage: .publication, milestones: [],
            deadlines: [overdue(.t10), overdue(.t2), overdue(.t9)], nextDeadline: nil, urgency: .overdue, reportedBy: ["publication"])
        let summary = SummaryFigures.summary(of: Snapshot(cases: [overview], unavailable: [], asOf: Date(), today: Fixtures.date(Fixtures.today)))
        #expect(summary.overdueByRule.map(\.rule) == [.t2, .t9, .t10])
    }
}
