import Contract
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The service's calls: each turns the request into a domain step on the publication and the
/// result into the response, nothing more.
struct PublicationHandlers: Sendable {
    let context: ServiceContext
    let settings: PublicationSettings
    let store: PublicationStore

    init(context: ServiceContext, settings: PublicationSettings) {
        self.context = context
        self.settings = settings
        self.store = PublicationStore(database: context.database, clock: { context.clock })
    }

    /// Today and the calendar, read once per call.
    var clock: CaseClock { context.clock }

    /// Every call of `cspr.publication.v1.Publication`. ServiceKit names each call's case in the
    /// audit trail and turns a `PublicationError` into its RPC status.
    func routes() -> RouteTable {
        var routes = RouteTable()
        routes.handle(PublicationAPI.preparePublication, preparePublication)
        routes.handle(PublicationAPI.getPublication, getPublication)
        routes.handle(PublicationAPI.listPublications) { request, _ in try await listPublications(request) }
        routes.handleStatuses(of: .publication, context)
        routes.handle(PublicationAPI.recordAdvanceCopy, recordAdvanceCopy)
        routes.handle(PublicationAPI.schedulePublication, schedulePublication)
        routes.handle(PublicationAPI.recordPublished, recordPublished)
        routes.handle(PublicationAPI.recordRepositorySubmission, recordRepositorySubmission)
        routes.handle(PublicationAPI.recordDelayNotice, recordDelayNotice)
        routes.handle(PublicationAPI.decideNotToPublish, decideNotToPublish)
        gateAndPlanRoutes(&routes)
        routes.handle(PublicationAPI.addActionPlanItem, addActionPlanItem)
        routes.handle(PublicationAPI.recordActionProgress, recordActionProgress)
        routes.handle(PublicationAPI.closeActionPlanItem, closeActionPlanItem)
        routes.handle(PublicationAPI.getActionPlan, getActionPlan)
        routes.handle(PublicationAPI.recordLearningPlan, recordLearningPlan)
        routes.handle(PublicationAPI.recordNationalLearning, recordNationalLearning)
        routes.handle(PublicationAPI.listNationalLearning) { request, _ in try await listNationalLearning(request) }
        routes.handle(PublicationAPI.getYearlyReport, getYearlyReport)
        return routes
    }

    /// The caller's name from the tokens file.
    func principal(_ call: CallContext) -> String { call.principal?.name ?? "anonymous" }
}
