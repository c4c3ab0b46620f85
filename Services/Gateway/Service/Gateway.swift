import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import WorkingDays

/// When the view was last brought up to date, and what could not be read: what every answer
/// and page says beside the cases.
package struct ViewAsOf: Sendable, Equatable {
    /// Stages that did not answer when last asked; their part is as they last sent it.
    package var unavailable: [GatewayAPI.StageOutage]
    /// When the stages were last asked for changes.
    package var asOf: Date
    /// The date deadlines are judged on.
    package var today: CivilDate

    package init(unavailable: [GatewayAPI.StageOutage], asOf: Date, today: CivilDate) {
        self.unavailable = unavailable
        self.asOf = asOf
        self.today = today
    }
}

/// The gateway's one job: keep the merged view of every case up to date from the stages'
/// change feeds, and answer the three calls and the dashboard from it, judged against today.
/// It holds no personal data: the stages' statuses have no field for any.
///
/// With `cacheFor` zero every read first asks the stages for their changes (tests see each
/// write at once); otherwise a background round asks every `cacheFor`, and reads never wait
/// on a stage, hung or not.
package final class Gateway: Sendable {
    private let feeds: StageFeeds
    private let view: CaseView
    private let outages: OutageTracker
    private let today: Today
    private let calendar: WorkingCalendar
    private let rounds: RefreshRounds
    /// The settings it runs with.
    package let settings: GatewaySettings

    /// A gateway reading the stages of `feeds` into `view` as `settings` say; `today` and
    /// `calendar` judge deadlines.
    package init(
        settings: GatewaySettings, feeds: StageFeeds, view database: Database, outages: OutageTracker, today: Today,
        calendar: WorkingCalendar
    ) {
        self.settings = settings
        self.feeds = feeds
        self.view = CaseView(database: database)
        self.outages = outages
        self.today = today
        self.calendar = calendar
        // A background round reads for at most a second before it answers, so a reader never
        // waits long for the first one; the next round goes on from there at once.
        let budget: Duration? = settings.cacheFor == .zero ? nil : .seconds(1)
        let view = self.view
        self.rounds = RefreshRounds { [feeds, outages, today] last in
            let answers = await feeds.read(into: view, budget: budget)
            let now = Date()
            // The figures are counted here, once per round that changed something (or a new day),
            // so that no read waits for counts over every case.
            let day = today.date
            let changed = answers.contains { (try? $0.result.get()) ?? 0 > 0 }
            var figures = last?.figures
            if changed || figures?.today != day { figures = (try? await view.figures(today: day)).map { (day, $0) } }
            return RefreshRounds.Round(
                unavailable: outages.record(answers, at: now), asOf: now, caughtUp: answers.allSatisfy(\.caughtUp), figures: figures)
        }
    }

    /// Keeps the view up to date in the background, every `settings.cacheFor` (none when zero:
    /// every read asks then).
    package func startRefreshing() {
        guard settings.cacheFor != .zero else { return }
        let (rounds, interval) = (rounds, settings.cacheFor)
        Task.detached {
            while !Task.isCancelled {
                let caughtUp = await rounds.run().caughtUp
                if caughtUp { try? await Task.sleep(for: interval) }
            }
        }
    }

    /// The view's state for a read, brought up to date first when `cacheFor` is zero.
    package func current() async -> ViewAsOf {
        let round = settings.cacheFor == .zero ? await rounds.run() : await rounds.latest()
        return ViewAsOf(unavailable: round.unavailable, asOf: round.asOf, today: today.date)
    }

    private func judgement(_ state: ViewAsOf) -> CaseJudgement { CaseJudgement(today: state.today, calendar: calendar) }

    /// `ListCases`: a page of the cases that pass the filters, most urgent first.
    package func listCases(_ request: GatewayAPI.ListCasesRequest) async throws(RPCError) -> GatewayAPI.ListCasesResponse {
        let filter = try CaseFilter(request)
        let (state, page) = try await read { state in try await self.view.cases(filter, judgement: self.judgement(state)) }
        return GatewayAPI.ListCasesResponse(
            cases: page.page, total: page.total, offset: filter.offset, unavailable: state.unavailable, asOf: state.asOf, today: state.today)
    }

    /// `GetCase`: NOT_FOUND when every stage answered and none knows the case, UNAVAILABLE when
    /// a stage that might know it could not be asked.
    package func getCase(_ reference: CaseReference) async throws(RPCError) -> GatewayAPI.GetCaseResponse {
        let (state, found) = try await read { state in try await self.view.overview(of: reference, judgement: self.judgement(state)) }
        guard let overview = found else { throw Self.notFound(reference, state) }
        return GatewayAPI.GetCaseResponse(case: overview, unavailable: state.unavailable, asOf: state.asOf, today: state.today)
    }

    /// The case of `reference` and the view's state, for the dashboard; nil when no stage knows it.
    package func overview(_ reference: CaseReference) async throws(RPCError) -> (ViewAsOf, GatewayAPI.CaseOverview?) {
        try await read { state in try await self.view.overview(of: reference, judgement: self.judgement(state)) }
    }

    /// Why a case is not in the view: NOT_FOUND, or UNAVAILABLE when a stage could not be asked.
    static func notFound(_ reference: CaseReference, _ state: ViewAsOf) -> RPCError {
        if state.unavailable.isEmpty { return RPCError(.notFound, "caseReference: no stage knows \(reference)") }
        let stages = state.unavailable.map(\.stage).joined(separator: ", ")
        return RPCError(.unavailable, "caseReference: \(reference) was not found, and \(stages) could not be asked; try again")
    }

    /// `GetSummary`: the figures of the last round, counted again only if the day has turned since.
    package func summary() async throws(RPCError) -> GatewayAPI.GetSummaryResponse {
        let round = settings.cacheFor == .zero ? await rounds.run() : await rounds.latest()
        let state = ViewAsOf(unavailable: round.unavailable, asOf: round.asOf, today: today.date)
        var counts = round.figures.flatMap { $0.today == state.today ? $0.counts : nil }
        if counts == nil { counts = try await read { state in try await self.view.figures(today: state.today) }.1 }
        guard let counts else { throw RPCError(.internal, "the gateway's view could not be read") }
        return SummaryFigures.summary(counts, today: state.today, unavailable: state.unavailable, asOf: state.asOf)
    }

    /// Every case, most urgent first, judged today: for tests comparing the view with a merge of everything.
    package func everyCase() async throws -> [GatewayAPI.CaseOverview] {
        let state = await current()
        return try await view.everyCase(judgement: judgement(state))
    }

    /// Runs a read of the view; its own database failing is INTERNAL, with nothing of the case.
    private func read<T: Sendable>(_ body: @Sendable (ViewAsOf) async throws -> T) async throws(RPCError) -> (ViewAsOf, T) {
        let state = await current()
        do {
            return (state, try await body(state))
        } catch {
            throw RPCError(.internal, "the gateway's view could not be read")
        }
    }
}

/// One round of reading the stages at a time: readers arriving while one runs share it.
actor RefreshRounds {
    /// What a round found.
    struct Round: Sendable {
        /// Stages that did not answer.
        var unavailable: [GatewayAPI.StageOutage]
        /// When it ended.
        var asOf: Date
        /// False when a stage had more changes than were read in the round's time.
        var caughtUp: Bool
        /// The panel's figures after the round, and the day they were counted for.
        var figures: (today: CivilDate, counts: SummaryFigures.Counts)?
    }

    private let body: @Sendable (Round?) async -> Round
    private var last: Round?
    private var running: Task<Round, Never>?

    /// Rounds run by `body`, which is given the round before.
    init(_ body: @escaping @Sendable (Round?) async -> Round) { self.body = body }

    /// Runs a round, or joins the one running.
    func run() async -> Round {
        if let running { return await running.value }
        let task = Task { [last, body] in await body(last) }
        running = task
        let round = await task.value
        last = round
        running = nil
        return round
    }

    /// The last round's outcome; the first read waits for the first round.
    func latest() async -> Round {
        if let last { return last }
        return await run()
    }
}
