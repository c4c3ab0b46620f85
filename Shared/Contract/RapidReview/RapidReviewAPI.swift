import RPC
import WorkingDays

/// `cspr.rapidreview.v1.RapidReview`: the Rapid Review (framework §4.2, §4.6-4.7, Appendix 5):
/// the hand-over from intake, the meeting, the recommendation, its ratification by the
/// independent chair and the submission to the National Panel.
///
/// The method list comes first; the messages follow in one file per workflow step: Opening,
/// Update, Scheduling, Meeting, ImmediateActions, Recommendation, Ratification, Submission and Reads.
package enum RapidReviewAPI {
    // Methods and roles (DESIGN.md, Security).
    private static let service = ServiceIdentity.rapidReview.rpcService
    /// From intake (its service principal), applied once per idempotency key.
    package static let openRapidReview = Method<OpenRapidReviewRequest, OpenRapidReviewResponse>(
        service: service, name: "OpenRapidReview", callers: [.intake])
    /// From intake (its service principal) after the open: its copy changed; applied once per
    /// idempotency key, in revision order.
    package static let updateRapidReview = Method<UpdateRapidReviewRequest, UpdateRapidReviewResponse>(
        service: service, name: "UpdateRapidReview", callers: [.intake])
    /// The Case Review Panel or the Partnership Support Team sets the meeting's date (T4, T6).
    package static let scheduleMeeting = Method<ScheduleMeetingRequest, ScheduleMeetingResponse>(
        service: service, name: "ScheduleMeeting", roles: .roles(.caseReviewPanel, .partnershipSupport))
    /// The Case Review Panel records the meeting (R1-R6).
    package static let recordMeeting = Method<RecordMeetingRequest, RecordMeetingResponse>(
        service: service, name: "RecordMeeting", roles: .roles(.caseReviewPanel))
    /// The Case Review Panel corrects the quorate meeting's record before the chair ratifies:
    /// its text named someone intake has since learnt is family (P4), or a detail was wrong.
    /// The record as first made is kept; the correction stands in for it from then on.
    package static let correctMeeting = Method<CorrectMeetingRequest, CorrectMeetingResponse>(
        service: service, name: "CorrectMeeting", roles: .roles(.caseReviewPanel))
    /// The Case Review Panel agrees the recommendation (R7, R8).
    package static let agreeRecommendation = Method<AgreeRecommendationRequest, AgreeRecommendationResponse>(
        service: service, name: "AgreeRecommendation", roles: .roles(.caseReviewPanel))
    /// The independent chair sends the recommendation back with a question (R9).
    package static let requestClarification = Method<RequestClarificationRequest, RequestClarificationResponse>(
        service: service, name: "RequestClarification", roles: .roles(.independentChair))
    /// The independent chair ratifies the recommendation (R9); the hand-over follows.
    package static let ratify = Method<RatifyRequest, RatifyResponse>(service: service, name: "Ratify", roles: .roles(.independentChair))
    /// The submission to the National Panel and the sharing with agencies (R10, T5, T6).
    package static let recordSubmission = Method<RecordSubmissionRequest, RecordSubmissionResponse>(
        service: service, name: "RecordSubmission", roles: .roles(.partnershipSupport, .caseReviewPanel))
    /// The Case Review Panel or the independent chair extends T4, T5 or T6 by a recorded
    /// decision (RULES.md: who, when, why, the new date; both dates kept).
    package static let recordExtension = Method<RecordExtensionRequest, RecordExtensionResponse>(
        service: service, name: "RecordExtension", roles: .roles(.caseReviewPanel, .independentChair))
    /// The Case Review Panel or the Partnership Support Team records an immediate action taken
    /// (R4), also once the case is closed.
    package static let recordActionDone = Method<RecordActionDoneRequest, RecordActionDoneResponse>(
        service: service, name: "RecordActionDone", roles: .roles(.caseReviewPanel, .partnershipSupport))
    /// Appendix 5, filled in.
    package static let getOutcomeDocument = Method<GetOutcomeDocumentRequest, OutcomeDocument>(
        service: service, name: "GetOutcomeDocument", roles: .roles(.caseReviewPanel, .independentChair, .partnershipSupport))
    /// One Rapid Review in full.
    package static let getRapidReview = Method<CaseRequest, RapidReview>(
        service: service, name: "GetRapidReview", roles: .roles(.caseReviewPanel, .independentChair, .partnershipSupport, .auditor))
    /// Every Rapid Review, summarised.
    package static let listRapidReviews = Method<ListRapidReviewsRequest, ListRapidReviewsResponse>(
        service: service, name: "ListRapidReviews",
        roles: .roles(.caseReviewPanel, .independentChair, .partnershipSupport, .panelViewer, .auditor))
    /// Statuses for the gateway (no personal data).
    package static let getStatuses = getStatusesMethod(of: service)

    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [
        MethodDescription(openRapidReview), MethodDescription(updateRapidReview), MethodDescription(scheduleMeeting),
        MethodDescription(recordMeeting),
        MethodDescription(agreeRecommendation), MethodDescription(requestClarification), MethodDescription(ratify),
        MethodDescription(recordSubmission), MethodDescription(getOutcomeDocument), MethodDescription(getRapidReview),
        MethodDescription(listRapidReviews), MethodDescription(getStatuses), MethodDescription(recordExtension),
        MethodDescription(recordActionDone), MethodDescription(correctMeeting),
    ]
}
