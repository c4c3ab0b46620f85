import Contract
import RPC
import ServiceKit
import Storage
import WorkingDays

/// The service's calls: each turns the request into a domain step on the review and the
/// result into the response, nothing more.
struct ReviewManagementHandlers: Sendable {
    let context: ServiceContext
    let store: ReviewManagementStore

    init(context: ServiceContext) {
        self.context = context
        self.store = ReviewManagementStore(database: context.database, clock: { context.clock })
    }

    /// Today and the calendar, read once per call.
    var clock: CaseClock { context.clock }

    /// Every call of `cspr.review.v1.ReviewManagement`. ServiceKit names each call's case in
    /// the audit trail and turns a `ReviewManagementError` into its RPC status.
    func routes() -> RouteTable {
        var routes = RouteTable()
        routes.handle(ReviewManagementAPI.commissionReview, commissionReview)
        routes.handle(ReviewManagementAPI.recordNationalPanelDecision, recordNationalPanelDecision)
        routes.handle(ReviewManagementAPI.draftTermsOfReference, draftTermsOfReference)
        routes.handle(ReviewManagementAPI.agreeTermsOfReference, agreeTermsOfReference)
        routes.handle(ReviewManagementAPI.changeKeyLinesOfEnquiry, changeKeyLinesOfEnquiry)
        routes.handle(ReviewManagementAPI.getReview, getReview)
        routes.handle(ReviewManagementAPI.listReviews) { request, _ in try await listReviews(request) }
        routes.handle(ReviewManagementAPI.getTermsOfReferenceDocument, getTermsOfReferenceDocument)
        routes.handleStatuses(of: .reviewManagement, context)
        routes.handle(ReviewManagementAPI.recordParallelProcess, recordParallelProcess)
        routes.handle(ReviewManagementAPI.recordDelayDecision, recordDelayDecision)
        routes.handle(ReviewManagementAPI.recordForecastCompletion, recordForecastCompletion)
        routes.handle(ReviewManagementAPI.recordDelayNotice, recordDelayNotice)
        routes.handle(ReviewManagementAPI.recordCheckpoint, recordCheckpoint)
        routes.handle(ReviewManagementAPI.appointLeadReviewer, appointLeadReviewer)
        routes.handle(ReviewManagementAPI.recordReviewerNotice, recordReviewerNotice)
        routes.handle(ReviewManagementAPI.setReviewTeam, setReviewTeam)
        routes.handle(ReviewManagementAPI.recordDeclaration, recordDeclaration)
        routes.handle(ReviewManagementAPI.requestAgencyInformation, requestAgencyInformation)
        routes.handle(ReviewManagementAPI.getAgencyRequests, getAgencyRequests)
        routes.handle(ReviewManagementAPI.submitChronology, submitChronology)
        routes.handle(ReviewManagementAPI.getCombinedChronology, getCombinedChronology)
        routes.handle(ReviewManagementAPI.submitInformationReport, submitInformationReport)
        routes.handle(ReviewManagementAPI.reviewSubmission, reviewSubmission)
        routes.handle(ReviewManagementAPI.escalateAgencyRequest, escalateAgencyRequest)
        routes.handle(ReviewManagementAPI.recordFamilyMember, recordFamilyMember)
        routes.handle(ReviewManagementAPI.recordFamilyContact, recordFamilyContact)
        routes.handle(ReviewManagementAPI.scheduleLearningEvent, scheduleLearningEvent)
        routes.handle(ReviewManagementAPI.submitReportDraft, submitReportDraft)
        routes.handle(ReviewManagementAPI.confirmTermsOfReferenceMet, confirmTermsOfReferenceMet)
        routes.handle(ReviewManagementAPI.endorseRecommendations, endorseRecommendations)
        routes.handle(ReviewManagementAPI.approveReport, approveReport)
        routes.handle(ReviewManagementAPI.inviteToLearningEvent, inviteToLearningEvent)
        routes.handle(ReviewManagementAPI.recordLearningEventAttendance, recordLearningEventAttendance)
        routes.handle(ReviewManagementAPI.recordOneToOneConversation, recordOneToOneConversation)
        routes.handle(ReviewManagementAPI.recordLearningPoints, recordLearningPoints)
        routes.handle(ReviewManagementAPI.recordFeedbackSession, recordFeedbackSession)
        routes.handle(ReviewManagementAPI.getLearningEventDocument, getLearningEventDocument)
        routes.handle(ReviewManagementAPI.recordQualityMarkers, recordQualityMarkers)
        routes.handle(ReviewManagementAPI.checkDisclosure, checkDisclosure)
        return routes
    }

    /// The caller's name from the tokens file.
    func principal(_ call: CallContext) -> String { call.principal?.name ?? "anonymous" }
}
