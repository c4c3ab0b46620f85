import Contract
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The service's calls: each turns the request into a domain step on the case and the
/// result into the response, nothing more.
struct RapidReviewHandlers: Sendable {
    let context: ServiceContext
    let store: RapidReviewStore
    /// The partnership's safeguarding partners (R1): configured, or the partnership's defaults.
    let partners: SafeguardingPartners
    /// intake's check of the free text for the family's details (P4, issue 15, item 13).
    let disclosure: IntakeDisclosureCheck
    /// The service's settings (the pages' sessions among them).
    let settings: RapidReviewSettings

    init(context: ServiceContext, settings: RapidReviewSettings = RapidReviewSettings()) {
        self.context = context
        self.store = RapidReviewStore(database: context.database, clock: { context.clock })
        self.partners = settings.partners ?? .defaults(for: context.configuration.partnership)
        self.disclosure = IntakeDisclosureCheck(context: context)
        self.settings = settings
    }

    /// Today and the calendar, read once per call.
    var clock: CaseClock { context.clock }

    /// Every call of `cspr.rapidreview.v1.RapidReview`. ServiceKit names each call's case in
    /// the audit trail and turns a `RapidReviewError` into its RPC status.
    func routes() -> RouteTable {
        var routes = RouteTable()
        routes.handle(RapidReviewAPI.openRapidReview, openRapidReview)
        routes.handle(RapidReviewAPI.updateRapidReview, updateRapidReview)
        routes.handle(RapidReviewAPI.scheduleMeeting, scheduleMeeting)
        routes.handle(RapidReviewAPI.recordMeeting, recordMeeting)
        routes.handle(RapidReviewAPI.correctMeeting, correctMeeting)
        routes.handle(RapidReviewAPI.agreeRecommendation, agreeRecommendation)
        routes.handle(RapidReviewAPI.requestClarification, requestClarification)
        routes.handle(RapidReviewAPI.ratify, ratify)
        routes.handle(RapidReviewAPI.recordSubmission, recordSubmission)
        routes.handle(RapidReviewAPI.recordExtension, recordExtension)
        routes.handle(RapidReviewAPI.recordActionDone, recordActionDone)
        routes.handle(RapidReviewAPI.getOutcomeDocument, getOutcomeDocument)
        routes.handle(RapidReviewAPI.getRapidReview, getRapidReview)
        routes.handle(RapidReviewAPI.listRapidReviews) { request, _ in try await listRapidReviews(request) }
        routes.handleStatuses(of: .rapidReview, context)
        return routes
    }

    /// The caller's name from the tokens file.
    func principal(_ call: CallContext) -> String { call.principal?.name ?? "anonymous" }
}
