import Contract
import Foundation
import GatewayService
import GatewayStandIns
import ServiceTestSupport
import Storage
import Testing
import WorkingDays

/// The panel's figures, counted by the view from the stages' statuses.
@Suite("The panel's figures")
struct SummaryFiguresTests {
    /// The summary of a view holding `answers`, judged on the fixtures' today.
    static func summary(_ answers: [(ServiceIdentity, [CaseStatus])] = [(.intake, Fixtures.intake), (.rapidReview, Fixtures.rapidReview)])
        async throws -> GatewayAPI.GetSummaryResponse
    {
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("view.sqlite").path)
        _ = try await database.migrate(ViewSchema.migrations)
        let view = CaseView(database: database)
        for (stage, statuses) in answers { try await view.replace(stage, with: statuses) }
        let today = Fixtures.date(Fixtures.today)
        let summary = SummaryFigures.summary(try await view.figures(today: today), today: today, unavailable: [], asOf: Date())
        await database.close()
        withExtendedLifetime(directory) {}
        return summary
    }

    @Test("cases by stage, every stage listed in order")
    func byStage() async throws {
        let summary = try await Self.summary()
        #expect(summary.totalCases == 5)
        #expect(summary.casesByStage.map(\.stage) == CaseStage.allCases)
        #expect(summary.casesByStage.map(\.count) == [3, 1, 0, 0, 0, 1])
    }

    @Test("overdue items by rule, and the cases overdue")
    func overdue() async throws {
        let summary = try await Self.summary()
        #expect(summary.overdueCases == 1)
        #expect(summary.overdueByRule == [GatewayAPI.RuleCount(rule: .t3, count: 1)])
    }

    @Test("T6: decided within 15 working days, this year 1 of 1, the last 12 months 1 of 2")
    func t6Share() async throws {
        let timeliness = try await Self.summary().rapidReviewTimeliness
        #expect(timeliness.map(\.period) == [.thisYear, .last12Months])
        #expect(timeliness.map(\.decided) == [1, 2])
        #expect(timeliness.map(\.withinTimescale) == [1, 1])
        #expect(timeliness.map(\.share) == [1.0, 0.5])
        #expect(timeliness.map(\.from) == [Fixtures.date("2025-01-01"), Fixtures.date("2024-03-25")])
        #expect(timeliness.allSatisfy { $0.to == Fixtures.date(Fixtures.today) })
    }

    @Test("rules sort by number: T2 before T10")
    func ruleOrder() async throws {
        // Stored as open; judged overdue on today, as every deadline not met past its due date.
        func open(_ rule: TimescaleRule) -> Deadline { Deadline(rule: rule, due: Fixtures.date("2025-01-06"), status: .open, ruleSet: .surrey2019) }
        let status = CaseStatus(
            reference: Fixtures.reference("TESTSHIRE-2025-0100"), stage: .publication, milestones: [], deadlines: [open(.t10), open(.t2), open(.t9)])
        let summary = try await Self.summary([(.publication, [status])])
        #expect(summary.overdueByRule.map(\.rule) == [.t2, .t9, .t10])
        #expect(summary.overdueCases == 1)
    }
}
