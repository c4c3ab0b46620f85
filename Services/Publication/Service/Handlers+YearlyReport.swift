import Contract
import RPC
import ServiceKit
import Storage

/// `GetYearlyReport`: publication's own records, and T1-T10 from every stage's statuses.
extension PublicationHandlers {
    /// The stages whose statuses the yearly figures are counted from, besides publication's own.
    static let figureStages: [ServiceIdentity] = [.intake, .rapidReview, .reviewManagement]
    /// The page size asked of each stage's feed.
    static let feedPage = 500

    func getYearlyReport(_ request: PublicationAPI.GetYearlyReportRequest, _ call: CallContext) async throws -> PublicationAPI.GetYearlyReportResponse
    {
        guard (2000...2999).contains(request.year) else {
            throw PublicationError.invalidField(path: "year", rule: nil, problem: "\(request.year) is not a year from 2000 to 2999")
        }
        let clock = clock
        let (publications, plans) = try await context.database.read { db in
            let references = try db.query("SELECT case_reference FROM publications UNION SELECT case_reference FROM action_plans").map {
                try $0["case_reference"] as CaseReference
            }
            let plans = try references.compactMap { try ActionPlanRows.load(db, reference: $0) }
            return (plans.compactMap(\.publication), plans)
        }
        var reports: [(stage: ServiceIdentity, statuses: [CaseStatus])] = []
        var sources: [PublicationAPI.FigureSource] = []
        for stage in Self.figureStages {
            let (statuses, pages) = try await feed(of: stage, requestID: call.metadata["x-request-id"])
            reports.append((stage, statuses))
            sources.append(.init(stage: stage.name, statuses: statuses.count, pages: pages))
        }
        let own = try await context.everyStatus()
        reports.append((.publication, own))
        sources.append(.init(stage: ServiceIdentity.publication.name, statuses: own.count, pages: 1))
        let judge = DeadlineJudge(today: clock.today, calendar: clock.calendar)
        let deadlines = YearlyFigures.counted(reports).map { $0.judged(by: judge) }
        let report = PublicationAPI.YearlyReport(
            year: request.year, judgedOn: clock.today, publications: YearlyReportBuilder.publications(publications, year: request.year, clock),
            recommendations: YearlyReportBuilder.recommendations(publications, year: request.year),
            actionItems: YearlyReportBuilder.actionItems(plans, year: request.year, clock),
            timescales: YearlyFigures.figures(deadlines, year: request.year), sources: sources)
        if request.format == .csv { return .init(year: request.year, csv: YearlyReportCSV.text(report)) }
        return .init(year: request.year, report: report)
    }

    /// Every status of `stage`, read through its change feed a page at a time (`since` the last
    /// page's `next`, while it says there is `more`); a case seen twice keeps its latest status.
    /// UNAVAILABLE naming the stage when it cannot be read: figures without it would be wrong.
    private func feed(of stage: ServiceIdentity, requestID: String?) async throws -> (statuses: [CaseStatus], pages: Int) {
        guard let client = context.peers[stage.name] else { throw RPCError(.unavailable, "\(stage.name): no address is configured") }
        var latest: [CaseReference: CaseStatus] = [:]
        var since: StatusCursor?
        var pages = 0
        while true {
            let page: GetStatusesResponse
            do {
                page = try await client.call(
                    stage.getStatuses, GetStatusesRequest(since: since, pageSize: Self.feedPage), deadline: .seconds(10),
                    metadata: context.peerMetadata(requestID: requestID))
            } catch {
                throw RPCError(.unavailable, "\(stage.name): its statuses could not be read (\(error.code)); the yearly figures need every stage")
            }
            pages += 1
            if page.restarted == true { latest = [:] }
            for status in page.statuses { latest[status.reference] = status }
            guard page.more == true, let next = page.next, next != since else { break }
            since = next
        }
        return (latest.values.sorted { $0.reference < $1.reference }, pages)
    }
}
