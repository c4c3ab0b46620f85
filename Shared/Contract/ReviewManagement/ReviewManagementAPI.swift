import RPC
import WorkingDays

/// `cspr.review.v1.ReviewManagement`: commissioned reviews (framework §5-9, Appendix 6 on):
/// the hand-over from rapid-review, the National Panel's decision on a national review, and
/// the terms of reference.
///
/// The method list comes first; the messages follow in one file per workflow step:
/// Commissioning, NationalPanel, TermsOfReference (the form), TermsOfReferenceSteps and ReviewReads.
package enum ReviewManagementAPI {
    // Methods and roles (DESIGN.md, Security): the Review Team and the Partnership Support Team
    // write, the Case Review Panel agrees the terms of reference and approves changes to them.
    private static let service = ServiceIdentity.reviewManagement.rpcService
    /// Who writes the review's records.
    private static let writers: Set<String> = .roles(.reviewTeam, .partnershipSupport)
    /// Who reads a review in full (it holds names and the family's details: every read audited).
    private static let readers: Set<String> = .roles(
        .reviewTeam, .partnershipSupport, .leadReviewer, .caseReviewPanel, .independentChair, .board, .auditor)

    /// From rapid-review (its service principal), applied once per idempotency key.
    package static let commissionReview = Method<CommissionReviewRequest, CommissionReviewResponse>(
        service: service, name: "CommissionReview", callers: [.rapidReview])
    /// A national review (a) recommended: the National Panel's decision and, when it declines,
    /// the partners' decision whether to commission locally (T7 starts then).
    package static let recordNationalPanelDecision = Method<RecordNationalPanelDecisionRequest, RecordNationalPanelDecisionResponse>(
        service: service, name: "RecordNationalPanelDecision", roles: writers)
    /// A draft of the terms of reference (Appendix 6), or a redraft: each a new version (V1).
    package static let draftTermsOfReference = Method<DraftTermsOfReferenceRequest, DraftTermsOfReferenceResponse>(
        service: service, name: "DraftTermsOfReference", roles: writers)
    /// The Case Review Panel agrees a version of the terms of reference, every V1 field present.
    package static let agreeTermsOfReference = Method<AgreeTermsOfReferenceRequest, AgreeTermsOfReferenceResponse>(
        service: service, name: "AgreeTermsOfReference", roles: .roles(.caseReviewPanel))
    /// After agreement, the key lines of enquiry change only with the Case Review Panel's
    /// approval and its reason (V2); the version before stays readable.
    package static let changeKeyLinesOfEnquiry = Method<ChangeKeyLinesOfEnquiryRequest, ChangeKeyLinesOfEnquiryResponse>(
        service: service, name: "ChangeKeyLinesOfEnquiry", roles: .roles(.caseReviewPanel))
    /// One review in full: the commission, the National Panel's decision, every version of the
    /// terms of reference.
    package static let getReview = Method<CaseRequest, Review>(service: service, name: "GetReview", roles: readers)
    /// Every review, summarised (no personal data).
    package static let listReviews = Method<ListReviewsRequest, ListReviewsResponse>(
        service: service, name: "ListReviews", roles: readers.union(Set<String>.roles(.panelViewer)))
    /// Appendix 6 filled in, as Markdown.
    package static let getTermsOfReferenceDocument = Method<GetTermsOfReferenceDocumentRequest, TermsOfReferenceDocument>(
        service: service, name: "GetTermsOfReferenceDocument", roles: readers)
    /// Statuses for the gateway (no personal data).
    package static let getStatuses = getStatusesMethod(of: service)
    /// Registers a parallel process (§5.6), or records its status and the liaison with the SIO
    /// and the CPS (§6.2.3).
    package static let recordParallelProcess = Method<RecordParallelProcessRequest, RecordParallelProcessResponse>(
        service: service, name: "RecordParallelProcess", roles: writers)
    /// A request to delay decided on: extends T7, both dates kept (RULES.md, extensions).
    package static let recordDelayDecision = Method<RecordDelayDecisionRequest, RecordDelayDecisionResponse>(
        service: service, name: "RecordDelayDecision", roles: writers.union(Set<String>.roles(.caseReviewPanel)))
    /// A forecast completion date; one past T7's due date makes T8 due.
    package static let recordForecastCompletion = Method<RecordForecastCompletionRequest, RecordForecastCompletionResponse>(
        service: service, name: "RecordForecastCompletion", roles: writers.union(Set<String>.roles(.caseReviewPanel)))
    /// The National Panel and the Secretary of State informed of the delay, with the reason (T8).
    package static let recordDelayNotice = Method<RecordDelayNoticeRequest, RecordDelayNoticeResponse>(
        service: service, name: "RecordDelayNotice", roles: writers)
    /// A progress or quality checkpoint with written requests to the reviewer.
    package static let recordCheckpoint = Method<RecordCheckpointRequest, RecordCheckpointResponse>(
        service: service, name: "RecordCheckpoint", roles: writers.union(Set<String>.roles(.caseReviewPanel)))
    /// The partners appoint the lead reviewer, with their declaration of independence and
    /// conflicts of interest (§6.1, §1.5.7).
    package static let appointLeadReviewer = Method<AppointLeadReviewerRequest, AppointLeadReviewerResponse>(
        service: service, name: "AppointLeadReviewer", roles: writers)
    /// The notice of the reviewer's name to the National Panel, the DfE and Ofsted (V3).
    package static let recordReviewerNotice = Method<RecordReviewerNoticeRequest, RecordReviewerNoticeResponse>(
        service: service, name: "RecordReviewerNotice", roles: writers)
    /// The review team, with a representative of each safeguarding partner or the reason one
    /// is missing (V4, §6.2).
    package static let setReviewTeam = Method<SetReviewTeamRequest, SetReviewTeamResponse>(
        service: service, name: "SetReviewTeam", roles: writers)
    /// One participant's conflicts of interest and confidentiality agreement (§1.5.7).
    package static let recordDeclaration = Method<RecordDeclarationRequest, RecordDeclarationResponse>(
        service: service, name: "RecordDeclaration", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// Asks an agency for its chronology and/or information report, with a named contact and a
    /// due date (§8.2-8.5, Appendix 10).
    package static let requestAgencyInformation = Method<RequestAgencyInformationRequest, RequestAgencyInformationResponse>(
        service: service, name: "RequestAgencyInformation", roles: writers)
    /// Every request to an agency with what is outstanding and overdue today (names: audited).
    package static let getAgencyRequests = Method<CaseRequest, AgencyRequests>(service: service, name: "GetAgencyRequests", roles: readers)
    /// An agency's chronology, a new version each time (V6, V8).
    package static let submitChronology = Method<SubmitChronologyRequest, SubmitChronologyResponse>(
        service: service, name: "SubmitChronology", roles: writers.union(Set<String>.roles(.agency)))
    /// The Combined Key Events Chronology (V6), as JSON or RFC 4180 CSV.
    package static let getCombinedChronology = Method<GetCombinedChronologyRequest, CombinedChronology>(
        service: service, name: "GetCombinedChronology", roles: readers)
    /// An agency's information report (Appendix 9), endorsed by a senior officer, neither
    /// involved (V7).
    package static let submitInformationReport = Method<SubmitInformationReportRequest, SubmitInformationReportResponse>(
        service: service, name: "SubmitInformationReport", roles: writers.union(Set<String>.roles(.agency)))
    /// The review team accepts a submission or sends it back with its question (V8).
    package static let reviewSubmission = Method<ReviewSubmissionRequest, ReviewSubmissionResponse>(
        service: service, name: "ReviewSubmission", roles: .roles(.reviewTeam, .leadReviewer))
    /// The next step of §2.1.7 for an overdue request: the Case Review Panel, then the agency's
    /// Strategic Safeguarding Lead, then the partners, each recorded in order.
    package static let escalateAgencyRequest = Method<EscalateAgencyRequestRequest, EscalateAgencyRequestResponse>(
        service: service, name: "EscalateAgencyRequest", roles: writers.union(Set<String>.roles(.caseReviewPanel, .leadReviewer)))
    /// A family member identified, or a new version of one: relationship, relevance, how they
    /// are invited, support needs, the child's voice (V5, §7, Appendices 7-8). The lead
    /// reviewer leads family engagement (§7.4.1).
    package static let recordFamilyMember = Method<RecordFamilyMemberRequest, RecordFamilyMemberResponse>(
        service: service, name: "RecordFamilyMember", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// One step of the conversation with a family member; the reason a relevant member is not
    /// involved is required (V5, §7.4.2).
    package static let recordFamilyContact = Method<RecordFamilyContactRequest, RecordFamilyContactResponse>(
        service: service, name: "RecordFamilyContact", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// The practitioners' workshop date (§8.8), held so that §7.4.1 can warn when it comes
    /// before the family conversations.
    package static let scheduleLearningEvent = Method<ScheduleLearningEventRequest, ScheduleLearningEventResponse>(
        service: service, name: "ScheduleLearningEvent", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// A new version of the report, judged against the V9 checklist; refused when its text
    /// includes the genogram (V10).
    package static let submitReportDraft = Method<SubmitReportDraftRequest, SubmitReportDraftResponse>(
        service: service, name: "SubmitReportDraft", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// The review team confirms a report version meets the agreed terms of reference (V9, §9.1.4).
    package static let confirmTermsOfReferenceMet = Method<ReportVersionStepRequest, ReportVersionStepResponse>(
        service: service, name: "ConfirmTermsOfReferenceMet", roles: .roles(.reviewTeam))
    /// The board endorses a version's recommendations, each with an owner and a date (V9, §9.2.4).
    package static let endorseRecommendations = Method<ReportVersionStepRequest, ReportVersionStepResponse>(
        service: service, name: "EndorseRecommendations", roles: .roles(.board))
    /// The board approves the report (V9, §9.1.5): T7 is met, and publication is handed the
    /// report (`PreparePublication`) through the outbox.
    package static let approveReport = Method<ReportVersionStepRequest, ReportVersionStepResponse>(
        service: service, name: "ApproveReport", roles: .roles(.board))
    /// An invitation to the reflective learning workshop: a practitioner or line manager, their
    /// role and agency (§8.8, Appendix 12).
    package static let inviteToLearningEvent = Method<InviteToLearningEventRequest, InviteToLearningEventResponse>(
        service: service, name: "InviteToLearningEvent", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// An invitee's attendance, after the workshop (§8.8).
    package static let recordLearningEventAttendance = Method<RecordLearningEventAttendanceRequest, RecordLearningEventAttendanceResponse>(
        service: service, name: "RecordLearningEventAttendance", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// A one-to-one conversation with an invitee who could not attend (Appendix 12).
    package static let recordOneToOneConversation = Method<RecordOneToOneConversationRequest, RecordOneToOneConversationResponse>(
        service: service, name: "RecordOneToOneConversation", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// The key themes and learning points, each with the agencies it concerns (§8.7, §9.2.1).
    package static let recordLearningPoints = Method<RecordLearningPointsRequest, RecordLearningPointsResponse>(
        service: service, name: "RecordLearningPoints", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// The feedback session to the workshop's participants (Appendix 12).
    package static let recordFeedbackSession = Method<RecordFeedbackSessionRequest, RecordFeedbackSessionResponse>(
        service: service, name: "RecordFeedbackSession", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// Appendix 12's invitation (with Appendix 13's briefing) or Appendix 14's agenda, filled
    /// in, as Markdown (names: audited).
    package static let getLearningEventDocument = Method<GetLearningEventDocumentRequest, LearningEventDocument>(
        service: service, name: "GetLearningEventDocument", roles: readers)
    /// The lead reviewer's answers to Appendix 15's quality markers for a report version;
    /// advisory, never deciding the V9 checklist.
    package static let recordQualityMarkers = Method<RecordQualityMarkersRequest, RecordQualityMarkersResponse>(
        service: service, name: "RecordQualityMarkers", roles: writers.union(Set<String>.roles(.leadReviewer)))
    /// Publication checks a report against the family members and practitioners the review
    /// records (P4), as it does with intake's `CheckDisclosure`; the same messages.
    package static let checkDisclosure = Method<DisclosureAPI.CheckDisclosureRequest, DisclosureAPI.CheckDisclosureResponse>(
        service: service, name: "CheckDisclosure", roles: .roles(.publication), callers: [.publication])

    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [
        MethodDescription(commissionReview), MethodDescription(recordNationalPanelDecision), MethodDescription(draftTermsOfReference),
        MethodDescription(agreeTermsOfReference), MethodDescription(changeKeyLinesOfEnquiry), MethodDescription(getReview),
        MethodDescription(listReviews), MethodDescription(getTermsOfReferenceDocument), MethodDescription(getStatuses),
        MethodDescription(recordParallelProcess), MethodDescription(recordDelayDecision), MethodDescription(recordForecastCompletion),
        MethodDescription(recordDelayNotice), MethodDescription(recordCheckpoint),
        MethodDescription(appointLeadReviewer), MethodDescription(recordReviewerNotice), MethodDescription(setReviewTeam),
        MethodDescription(recordDeclaration),
        MethodDescription(requestAgencyInformation), MethodDescription(getAgencyRequests), MethodDescription(submitChronology),
        MethodDescription(getCombinedChronology), MethodDescription(submitInformationReport), MethodDescription(reviewSubmission),
        MethodDescription(escalateAgencyRequest),
        MethodDescription(recordFamilyMember), MethodDescription(recordFamilyContact), MethodDescription(scheduleLearningEvent),
        MethodDescription(submitReportDraft), MethodDescription(confirmTermsOfReferenceMet),
        MethodDescription(endorseRecommendations), MethodDescription(approveReport),
        MethodDescription(inviteToLearningEvent), MethodDescription(recordLearningEventAttendance),
        MethodDescription(recordOneToOneConversation), MethodDescription(recordLearningPoints), MethodDescription(recordFeedbackSession),
        MethodDescription(getLearningEventDocument), MethodDescription(recordQualityMarkers),
        MethodDescription(checkDisclosure),
    ]
}
