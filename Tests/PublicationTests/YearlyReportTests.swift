import Contract
import GatewayStandIns
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@testable import PublicationService

/// `GetYearlyReport`: the year's publications and action items, and T1-T10 counted from every
/// stage's statuses (in-process stand-in stages with known statuses).
@Suite("GetYearlyReport")
struct YearlyReportTests {
    private static func deadline(
        _ rule: TimescaleRule, _ due: String, _ status: DeadlineStatus, metOn: String? = nil, originalDue: String? = nil
    ) -> Deadline {
        Deadline(
            rule: rule, due: Fixtures.date(due), originalDue: originalDue.map(Fixtures.date), status: status, metOn: metOn.map(Fixtures.date),
            ruleSet: .surrey2019)
    }

    private static func status(_ sequence: Int, _ stage: CaseStage, _ deadlines: [Deadline]) -> CaseStatus {
        CaseStatus(reference: Fixtures.reference(sequence), stage: stage, milestones: [], deadlines: deadlines)
    }

    /// Intake's statuses: T1 met, T2 met late, T3 not met and past due (judged again: late).
    static let intake = [
        status(
            11, .intake,
            [
                deadline(.t1, "2027-01-05", .met, metOn: "2027-01-04"), deadline(.t2, "2027-01-06", .metLate, metOn: "2027-01-07"),
                deadline(.t3, "2027-01-07", .open),
            ])
    ]
    /// Rapid-review's: T2 again for the same case (the later stage's counts), T4 outside the window, T6 extended and open.
    static let rapidReview = [
        status(
            11, .rapidReview,
            [
                deadline(.t2, "2027-01-06", .met, metOn: "2027-01-05"), deadline(.t4, "2027-01-20", .metOutsideWindow, metOn: "2027-01-08"),
                deadline(.t6, "2027-02-01", .open, originalDue: "2027-01-25"),
            ])
    ]
    /// Review-management's, read in two pages: T7 met, T7 extended and met late, and one due in another year.
    static let reviewManagement = [
        status(12, .review, [deadline(.t7, "2027-03-01", .met, metOn: "2027-02-20")]),
        status(13, .review, [deadline(.t7, "2027-05-01", .metLate, metOn: "2027-05-03", originalDue: "2027-04-01")]),
        status(14, .review, [deadline(.t7, "2026-12-01", .met, metOn: "2026-11-30")]),
    ]

    /// A review-management stand-in whose change feed gives two statuses a page, with cursors.
    static func pagingStage(_ statuses: [CaseStatus]) -> ServiceDefinition {
        ServiceDefinition(identity: .reviewManagement, migrations: []) { _ in
            var routes = RouteTable()
            StandInStages.registerCleanDisclosureCheck(on: &routes, of: .reviewManagement)
            routes.register(ServiceIdentity.reviewManagement.getStatuses) { request, _ in
                let from = Int(request.since?.version ?? 0)
                let to = min(from + 2, statuses.count)
                return GetStatusesResponse(
                    statuses: Array(statuses[from..<to]), next: StatusCursor(feed: "0123456789abcdef", version: Int64(to)), more: to < statuses.count)
            }
            return routes
        }
    }

    /// Runs `body` with the three stand-in stages and the publication service asking them.
    func withStages(_ body: (Harness) async throws -> Void) async throws {
        let directory = try TestDirectory.publication()
        let intake = try await startInProcess(StandInStages.definition(.intake, store: StandInStore(Self.intake)), directory)
        let rapid = try await startInProcess(StandInStages.definition(.rapidReview, store: StandInStore(Self.rapidReview)), directory)
        let review = try await startInProcess(Self.pagingStage(Self.reviewManagement), directory)
        let stages = [intake, rapid, review]
        do {
            let harness = try await Harness.start(peers: [.intake: intake.port, .rapidReview: rapid.port, .reviewManagement: review.port])
            try await withStopping(harness, stop: { await $0.stop() }, body)
        } catch {
            for stage in stages { await stage.stop(grace: .seconds(1)) }
            throw error
        }
        for stage in stages { await stage.stop(grace: .seconds(1)) }
    }

    @Test("T1-T10: the year's figures reconcile with the statuses the stages gave: each case's rule once, from the latest stage, by due date")
    func figuresReconcile() async throws {
        try await withStages { harness in
            // Publication's own: a report published today, after T7's due date (2026-12-20) with no notice: T8 open, due
            // today; T9 met but due 2026-12-30 and T10 due in 2028, so neither counts for 2027.
            let reference = Fixtures.reference(1)
            try await harness.prepare(Fixtures.preparation(reference))
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-30"))
            try await harness.passAnonymisationGate(reference)
            try await harness.recordPublished(reference, on: Fixtures.today)
            try await harness.addItem(reference, target: Fixtures.date("2027-01-04"))

            let response = try await harness.call(PublicationAPI.getYearlyReport, .init(year: 2027), as: TestTokens.publication)
            let report = try #require(response.report)
            let figures = Dictionary(uniqueKeysWithValues: report.timescales.map { ($0.rule, $0) })
            #expect(report.timescales.map(\.rule) == TimescaleRule.numbered)
            #expect(figures[.t1] == .init(rule: .t1, met: 1))
            #expect(figures[.t2] == .init(rule: .t2, met: 1))
            #expect(figures[.t3] == .init(rule: .t3, late: 1))
            #expect(figures[.t4] == .init(rule: .t4, outsideWindow: 1))
            #expect(figures[.t5] == .init(rule: .t5))
            #expect(figures[.t6] == .init(rule: .t6, open: 1, extended: 1))
            #expect(figures[.t7] == .init(rule: .t7, met: 1, late: 1, extended: 1))
            #expect(figures[.t8] == .init(rule: .t8, open: 1))
            #expect(figures[.t9] == .init(rule: .t9))
            #expect(figures[.t10] == .init(rule: .t10))
            // Every deadline given and due in 2027 is counted once: 12 given (9 by the stand-ins, T8-T10 by publication),
            // less intake's T2 (rapid-review's counts), review-management's 2026 T7, and publication's T9 (2026) and T10 (2028).
            #expect(report.timescales.map(\.total).reduce(0, +) == 8)
            #expect(
                report.sources == [
                    .init(stage: "intake", statuses: 1, pages: 1), .init(stage: "rapid-review", statuses: 1, pages: 1),
                    .init(stage: "review-management", statuses: 3, pages: 2), .init(stage: "publication", statuses: 1, pages: 1),
                ])
            #expect(report.publications.map(\.t9) == [.met] && report.publications.map(\.t10) == [.open])
            #expect(report.recommendations.map(\.items) == [1] && report.recommendations.map(\.closedItems) == [0])
            #expect(report.actionItems.map(\.timeliness) == [.late])

            let csv = try await harness.call(PublicationAPI.getYearlyReport, .init(year: 2027, format: .csv), as: TestTokens.publication)
            #expect(csv.report == nil)
            let text = try #require(csv.csv)
            #expect(text.hasPrefix("timescales\r\nrule,met,late,outsideWindow,open,extended,total\r\nT1,1,0,0,0,0,1\r\n"))
            #expect(text.contains("\r\nT7,1,1,0,0,1,2\r\n") && text.contains("\r\nreview-management,3,2\r\n"))
        }
    }

    @Test("a stage that cannot be read makes the figures UNAVAILABLE naming it; a year out of range is refused naming year")
    func refusals() async throws {
        try await withHarness { harness in
            let error = await captureRPCError {
                _ = try await harness.call(PublicationAPI.getYearlyReport, .init(year: 2027), as: TestTokens.publication)
            }
            #expect(error?.code == .unavailable && error?.message.hasPrefix("intake: its statuses could not be read") == true)
            let year = await captureRPCError {
                _ = try await harness.call(PublicationAPI.getYearlyReport, .init(year: 1999), as: TestTokens.publication)
            }
            #expect(year?.code == .invalidArgument && year?.message.hasPrefix("year: 1999") == true)
        }
    }

    @Test("CSV fields are quoted when they must be and never read as formulas")
    func csvFields() {
        #expect(YearlyReportCSV.field("a,b") == "\"a,b\"")
        #expect(YearlyReportCSV.field("say \"x\"") == "\"say \"\"x\"\"\"")
        #expect(YearlyReportCSV.field("=SUM(A1)") == "'=SUM(A1)")
    }
}
