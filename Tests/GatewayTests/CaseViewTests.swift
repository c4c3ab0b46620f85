import Contract
import Foundation
import GatewayService
import GatewayStandIns
import ServiceTestSupport
import Storage
import TestSupport
import Testing
import WorkingDays

/// The view kept from the stages' change pages equals a merge of everything the stages hold,
/// after any sequence of writes: its list in every filter and page, each case, and the figures.
@Suite("The gateway's view against a full recomputation")
struct CaseViewTests {
    static let judgement = CaseJudgement(today: Fixtures.date(Fixtures.today), calendar: WorkingCalendar())
    static let stages: [ServiceIdentity] = [.intake, .rapidReview, .reviewManagement]

    /// A fictional status of case `number` as `stage` might report it.
    static func randomStatus(_ number: Int, _ random: inout SplitMix64) -> CaseStatus {
        let rules: [TimescaleRule] = [.t1, .t2, .t3, .t4, .t5, .t6, .t8, .t9]
        let base = Fixtures.date("2025-01-06")
        let deadlines = (0..<Int.random(in: 0...3, using: &random)).map { _ -> Deadline in
            let due = base.adding(days: Int.random(in: 0...120, using: &random))
            let met = Int.random(in: 0...2, using: &random) == 0 ? due.adding(days: Int.random(in: -10...10, using: &random)) : nil
            let status: DeadlineStatus = met.map { $0 <= due ? .met : .metLate } ?? .open
            return Deadline(rule: rules.randomElement(using: &random) ?? .t2, due: due, status: status, metOn: met, ruleSet: .surrey2019)
        }
        let milestones = (0..<Int.random(in: 0...2, using: &random)).map { index in
            Milestone(event: "step\(index)", date: base.adding(days: Int.random(in: 0...60, using: &random)))
        }
        return CaseStatus(
            reference: Fixtures.reference(String(format: "TESTSHIRE-2025-%04d", number)),
            stage: CaseStage.allCases.randomElement(using: &random) ?? .intake,
            milestones: milestones, deadlines: deadlines)
    }

    /// Runs `body` with an empty view in a fresh database.
    static func withView(_ body: (CaseView) async throws -> Void) async throws {
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("view.sqlite").path)
        _ = try await database.migrate(ViewSchema.migrations)
        try await body(CaseView(database: database))
        await database.close()
        withExtendedLifetime(directory) {}
    }

    /// Everything the stages hold, merged and judged from scratch: what the view must equal.
    static func recomputed(_ held: [ServiceIdentity: [CaseReference: CaseStatus]]) -> [GatewayAPI.CaseOverview] {
        let answers = stages.compactMap { stage in held[stage].map { (stage: stage, statuses: Array($0.values)) } }
        return StatusMerge.merge(answers).map(judgement.overview).sorted(by: CaseJudgement.byNextDeadline)
    }

    @Test(
        "after random pages from three stages (some restarted, some whole), the view equals the merge of what they hold", arguments: [1, 2, 3, 4, 5])
    func randomWrites(seed: UInt64) async throws {
        var random = SplitMix64(seed: seed)
        try await Self.withView { view in
            var held: [ServiceIdentity: [CaseReference: CaseStatus]] = [:]
            var versions: [ServiceIdentity: Int64] = [:]
            for _ in 0..<40 {
                let stage = Self.stages.randomElement(using: &random) ?? .intake
                let statuses = (0..<Int.random(in: 0...12, using: &random)).map { _ in
                    Self.randomStatus(Int.random(in: 1...30, using: &random), &random)
                }
                switch Int.random(in: 0...9, using: &random) {
                case 0:
                    // The stage's database was replaced: it holds only this page now.
                    held[stage] = Dictionary(statuses.map { ($0.reference, $0) }, uniquingKeysWith: { $1 })
                    versions[stage] = Int64(statuses.count)
                    try await view.apply(
                        stage, statuses, next: StatusCursor(feed: "00000000000000\(seed)f", version: versions[stage] ?? 0), restarted: true)
                case 1:
                    // A stage without a feed: its whole part.
                    held[stage] = Dictionary(statuses.map { ($0.reference, $0) }, uniquingKeysWith: { $1 })
                    try await view.replace(stage, with: statuses)
                default:
                    for status in statuses { held[stage, default: [:]][status.reference] = status }
                    versions[stage, default: 0] += Int64(statuses.count)
                    try await view.apply(
                        stage, statuses, next: StatusCursor(feed: "0123456789abcdef", version: versions[stage] ?? 0), restarted: false)
                }
            }
            let expected = Self.recomputed(held)
            #expect(try await view.everyCase(judgement: Self.judgement) == expected)
            for reference in Set(held.values.flatMap(\.keys)) {
                #expect(try await view.overview(of: reference, judgement: Self.judgement) == expected.first { $0.reference == reference })
            }
            // Every filter, then pages of 7: the same cases as filtering and slicing the recomputation.
            let requests: [GatewayAPI.ListCasesRequest] = [
                .init(), .init(stage: .rapidReview), .init(overdueOnly: true), .init(dueWithinWorkingDays: 0), .init(dueWithinWorkingDays: 10),
                .init(stage: .intake, overdueOnly: true),
            ]
            for request in requests {
                var filter = try CaseFilter(request)
                let matching = expected.filter(filter.accepts)
                var offset = 0
                repeat {
                    filter.pageSize = 7
                    filter.offset = offset
                    let page = try await view.cases(filter, judgement: Self.judgement)
                    #expect(page.total == matching.count, "\(request)")
                    #expect(page.page == Array(matching.dropFirst(offset).prefix(7)), "\(request) at \(offset)")
                    offset += 7
                } while offset < matching.count
            }
            #expect(try await view.figures(today: Self.judgement.today) == Self.counted(expected, today: Self.judgement.today))
        }
    }

    /// The figures counted from judged overviews, the way the panel reads them: the reference
    /// the view's SQL counts are checked against.
    static func counted(_ cases: [GatewayAPI.CaseOverview], today: CivilDate) -> SummaryFigures.Counts {
        var byStage: [CaseStage: Int] = [:]
        var overdueByRule: [TimescaleRule: Int] = [:]
        for overview in cases {
            byStage[overview.stage, default: 0] += 1
            for deadline in overview.deadlines where deadline.status == .overdue { overdueByRule[deadline.rule, default: 0] += 1 }
        }
        let t6 = GatewayAPI.Period.allCases.map { period in
            let days = SummaryFigures.range(of: period, today: today)
            var decided = 0
            var onTime = 0
            for deadline in cases.flatMap(\.deadlines) where deadline.rule == .t6 {
                if let metOn = deadline.metOn {
                    guard days.contains(metOn) else { continue }
                    decided += 1
                    if deadline.status == .met { onTime += 1 }
                } else if deadline.status == .overdue, days.contains(deadline.due) {
                    decided += 1
                }
            }
            return SummaryFigures.T6Count(period: period, decided: decided, withinTimescale: onTime)
        }
        return SummaryFigures.Counts(
            total: cases.count, byStage: byStage, overdueCases: cases.count { $0.urgency == .overdue }, overdueByRule: overdueByRule, t6: t6)
    }

    @Test("a stage's restarted feed drops what the view held of it: cases only it reported go, the others lose its part")
    func restartedFeed() async throws {
        try await Self.withView { view in
            let intake = Fixtures.intake
            try await view.apply(.intake, intake, next: StatusCursor(feed: "0123456789abcdef", version: 4), restarted: false)
            try await view.apply(.rapidReview, Fixtures.rapidReview, next: StatusCursor(feed: "0123456789abcdef", version: 2), restarted: false)
            #expect(try await view.everyCase(judgement: Self.judgement).count == 5)
            // intake's database was replaced and now holds one case.
            try await view.apply(.intake, [intake[0]], next: StatusCursor(feed: "fedcba9876543210", version: 1), restarted: true)
            let cases = try await view.everyCase(judgement: Self.judgement)
            #expect(
                cases
                    == Self.recomputed([
                        .intake: [intake[0].reference: intake[0]],
                        .rapidReview: Dictionary(uniqueKeysWithValues: Fixtures.rapidReview.map { ($0.reference, $0) }),
                    ]))
            #expect(try await view.cursor(of: .intake) == StatusCursor(feed: "fedcba9876543210", version: 1))
        }
    }
}

extension CaseFilter {
    /// The filters as the panel reads them, on a judged case: what the view's index ranges must
    /// select. "Due within N working days" looks at the next deadline, overdue ones included.
    func accepts(_ overview: GatewayAPI.CaseOverview) -> Bool {
        if let stage, overview.stage != stage { return false }
        if overdueOnly && overview.urgency != .overdue { return false }
        if let days = dueWithinWorkingDays {
            guard let left = overview.nextDeadline?.workingDaysLeft, left <= days else { return false }
        }
        return true
    }
}
