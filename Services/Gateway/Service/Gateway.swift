import Contract
import Foundation
import RPC
import WorkingDays

/// The gateway's one job: ask every stage, merge, judge against today, and answer the three
/// calls and the dashboard from the same short-lived snapshot. Holds no case data beyond it.
package final class Gateway: Sendable {
    private let fanOut: StageFanOut
    private let outages: OutageTracker
    private let today: Today
    private let calendar: WorkingCalendar
    private let cache: SnapshotCache
    /// The settings it runs with.
    package let settings: GatewaySettings

    /// A gateway asking `peers` as `settings` say; `today` and `calendar` judge deadlines.
    package init(settings: GatewaySettings, fanOut: StageFanOut, outages: OutageTracker, today: Today, calendar: WorkingCalendar) {
        self.settings = settings
        self.fanOut = fanOut
        self.outages = outages
        self.today = today
        self.calendar = calendar
        self.cache = SnapshotCache(maxAge: settings.cacheFor) { [fanOut, outages, today, calendar] in
            await Self.load(fanOut: fanOut, outages: outages, today: today.date, calendar: calendar)
        }
    }

    /// Every case, at most `settings.cacheFor` old.
    package func snapshot() async -> Snapshot {
        await cache.snapshot()
    }

    /// `ListCases`.
    package func listCases(_ request: GatewayAPI.ListCasesRequest) async throws(RPCError) -> GatewayAPI.ListCasesResponse {
        let filter = try CaseFilter(request)
        let snapshot = await snapshot()
        let matching = snapshot.cases.filter(filter.accepts)
        return GatewayAPI.ListCasesResponse(
            cases: Array(matching.dropFirst(filter.offset).prefix(filter.pageSize)), total: matching.count, offset: filter.offset,
            unavailable: snapshot.unavailable, asOf: snapshot.asOf, today: snapshot.today)
    }

    /// `GetCase`: NOT_FOUND when every stage answered and none knows the case, UNAVAILABLE when
    /// a stage that might know it could not be asked.
    package func getCase(_ reference: CaseReference) async throws(RPCError) -> GatewayAPI.GetCaseResponse {
        let snapshot = await snapshot()
        guard let overview = snapshot.overview(of: reference) else {
            if snapshot.unavailable.isEmpty {
                throw RPCError(.notFound, "caseReference: no stage knows \(reference)")
            }
            let stages = snapshot.unavailable.map(\.stage).joined(separator: ", ")
            throw RPCError(.unavailable, "caseReference: \(reference) was not found, and \(stages) could not be asked; try again")
        }
        return GatewayAPI.GetCaseResponse(case: overview, unavailable: snapshot.unavailable, asOf: snapshot.asOf, today: snapshot.today)
    }

    /// `GetSummary`.
    package func summary() async -> GatewayAPI.GetSummaryResponse {
        SummaryFigures.summary(of: await snapshot())
    }

    private static func load(fanOut: StageFanOut, outages: OutageTracker, today: CivilDate, calendar: WorkingCalendar) async -> Snapshot {
        let answers = await fanOut.ask()
        let asOf = Date()
        let unavailable = outages.record(answers, at: asOf)
        let answered = answers.compactMap { answer -> (stage: ServiceIdentity, statuses: [CaseStatus])? in
            guard case .success(let statuses) = answer.result else { return nil }
            return (answer.stage, statuses)
        }
        let judgement = CaseJudgement(today: today, calendar: calendar)
        let cases = StatusMerge.merge(answered).map(judgement.overview).sorted(by: CaseJudgement.byNextDeadline)
        return Snapshot(cases: cases, unavailable: unavailable, asOf: asOf, today: today)
    }
}
