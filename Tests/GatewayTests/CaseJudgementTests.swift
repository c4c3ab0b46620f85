import Contract
import GatewayService
import GatewayStandIns
import RPC
import Testing
import WorkingDays

@Suite("Judging the merged cases on today's date")
struct CaseJudgementTests {
    static let judgement = CaseJudgement(today: Fixtures.date(Fixtures.today), calendar: WorkingCalendar())

    static func overviews(withRapidReview: Bool = true) -> [GatewayAPI.CaseOverview] {
        var answers = [(stage: ServiceIdentity.intake, statuses: Fixtures.intake)]
        if withRapidReview { answers.append((ServiceIdentity.rapidReview, Fixtures.rapidReview)) }
        return StatusMerge.merge(answers).map(judgement.overview).sorted(by: CaseJudgement.byNextDeadline)
    }

    static func overview(_ reference: String, withRapidReview: Bool = true) -> GatewayAPI.CaseOverview? {
        overviews(withRapidReview: withRapidReview).first { $0.reference.description == reference }
    }

    @Test("working days left to each deadline: 3 to Thursday, minus 5 for last Monday, none once met")
    func workingDaysLeft() {
        let deadlines = Self.overview("TESTSHIRE-2025-0001")?.deadlines ?? []
        #expect(deadlines.map(\.rule) == [.t2, .t3, .t4, .t6])
        #expect(deadlines.map(\.workingDaysLeft) == [nil, 3, 11, 13])
        #expect(Self.overview("TESTSHIRE-2025-0003")?.deadlines.first { $0.rule == .t3 }?.workingDaysLeft == -5)
    }

    @Test("T3: a deadline not met is judged again on today: past due is overdue, 2 working days is due soon")
    func judgedAgain() {
        #expect(Self.overview("TESTSHIRE-2025-0003")?.deadlines.first { $0.rule == .t3 }?.status == .overdue)
        #expect(Self.overview("TESTSHIRE-2025-0005")?.deadlines.first { $0.rule == .t3 }?.status == .dueSoon)
        #expect(Self.overview("TESTSHIRE-2025-0001")?.deadlines.first { $0.rule == .t3 }?.status == .open)
        // A met deadline keeps the stage's verdict.
        #expect(Self.overview("TESTSHIRE-2025-0002")?.deadlines.first { $0.rule == .t3 }?.status == .metLate)
    }

    @Test("urgency is the worst open deadline: red, amber, green")
    func urgency() {
        let urgencies = Dictionary(uniqueKeysWithValues: Self.overviews().map { ($0.reference.description, $0.urgency) })
        #expect(urgencies["TESTSHIRE-2025-0003"] == .overdue)
        #expect(urgencies["TESTSHIRE-2025-0005"] == .dueSoon)
        #expect(urgencies["TESTSHIRE-2025-0001"] == .onTrack)
        #expect(urgencies["TESTSHIRE-2025-0002"] == .onTrack)
    }

    @Test("cases are sorted by next deadline, those with none last")
    func order() {
        #expect(Self.overviews().map(\.reference.description) == Fixtures.expectedOrder)
        #expect(Self.overview("TESTSHIRE-2025-0001")?.nextDeadline?.rule == .t3)
        #expect(Self.overview("TESTSHIRE-2025-0002")?.nextDeadline == nil)
    }

    @Test("without rapid-review, intake's own T6 for 0002 shows, due today")
    func partial() {
        let overview = Self.overview("TESTSHIRE-2025-0002", withRapidReview: false)
        #expect(overview?.stage == .intake)
        #expect(overview?.nextDeadline?.rule == .t6)
        #expect(overview?.nextDeadline?.workingDaysLeft == 0)
        #expect(overview?.urgency == .dueSoon)
    }

    @Test(
        "ListCases' filters",
        arguments: [
            (GatewayAPI.ListCasesRequest(), Fixtures.expectedOrder),
            (GatewayAPI.ListCasesRequest(stage: .intake), ["TESTSHIRE-2025-0003", "TESTSHIRE-2025-0005", "TESTSHIRE-2025-0001"]),
            (GatewayAPI.ListCasesRequest(stage: .closed), ["TESTSHIRE-2024-0042"]),
            (GatewayAPI.ListCasesRequest(overdueOnly: true), ["TESTSHIRE-2025-0003"]),
            (GatewayAPI.ListCasesRequest(dueWithinWorkingDays: 2), ["TESTSHIRE-2025-0003", "TESTSHIRE-2025-0005"]),
            (GatewayAPI.ListCasesRequest(dueWithinWorkingDays: 3), ["TESTSHIRE-2025-0003", "TESTSHIRE-2025-0005", "TESTSHIRE-2025-0001"]),
            (GatewayAPI.ListCasesRequest(stage: .intake, overdueOnly: false, dueWithinWorkingDays: 0), ["TESTSHIRE-2025-0003"]),
        ])
    func filters(request: GatewayAPI.ListCasesRequest, expected: [String]) async throws {
        let filter = try CaseFilter(request)
        // The test's reading of the filters, and the view's index ranges, select the same cases.
        #expect(Self.overviews().filter(filter.accepts).map(\.reference.description) == expected)
        try await CaseViewTests.withView { view in
            try await view.replace(.intake, with: Fixtures.intake)
            try await view.replace(.rapidReview, with: Fixtures.rapidReview)
            let page = try await view.cases(filter, judgement: Self.judgement)
            #expect(page.page.map(\.reference.description) == expected)
            #expect(page.total == expected.count)
        }
    }

    @Test("a page size or offset out of range is INVALID_ARGUMENT naming the field")
    func badPage() {
        #expect(throws: RPCError(.invalidArgument, "pageSize: must be between 1 and 1000")) {
            try CaseFilter(GatewayAPI.ListCasesRequest(pageSize: 1001))
        }
        #expect(throws: RPCError(.invalidArgument, "offset: must be 0 or more")) { try CaseFilter(GatewayAPI.ListCasesRequest(offset: -1)) }
    }

    @Test("a filter out of range is INVALID_ARGUMENT naming the field")
    func badFilter() {
        #expect(throws: RPCError(.invalidArgument, "dueWithinWorkingDays: must be between 0 and 260")) {
            try CaseFilter(GatewayAPI.ListCasesRequest(dueWithinWorkingDays: -1))
        }
    }
}
