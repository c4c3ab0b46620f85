/// A message about one case: its reference goes into the audit trail and the call's log line
/// before the handler runs (ServiceKit's `RouteTable.handle`), so no handler can forget it.
/// A call that opens a case (SubmitReferral, RecordNotification) names it in its response.
package protocol CaseScoped {
    /// The case the message is about.
    var caseReference: CaseReference { get }
}

extension IntakeAPI.SubmitReferralResponse: CaseScoped {}
extension IntakeAPI.RecordNotificationResponse: CaseScoped {}
extension IntakeAPI.SendScopingRequestsRequest: CaseScoped {}
extension IntakeAPI.RecordScopingReturnRequest: CaseScoped {}
extension IntakeAPI.CaseRequest: CaseScoped {}
extension IntakeAPI.CheckDisclosureRequest: CaseScoped {}
extension IntakeAPI.RapidReviewMeetingHeldRequest: CaseScoped {}
extension RecordExtensionRequest: CaseScoped {}

extension RapidReviewAPI.OpenRapidReviewRequest: CaseScoped {}
extension RapidReviewAPI.UpdateRapidReviewRequest: CaseScoped {}
extension RapidReviewAPI.RecordActionDoneRequest: CaseScoped {}
extension RapidReviewAPI.ScheduleMeetingRequest: CaseScoped {}
extension RapidReviewAPI.RecordMeetingRequest: CaseScoped {}
extension RapidReviewAPI.CorrectMeetingRequest: CaseScoped {}
extension RapidReviewAPI.AgreeRecommendationRequest: CaseScoped {}
extension RapidReviewAPI.RequestClarificationRequest: CaseScoped {}
extension RapidReviewAPI.RatifyRequest: CaseScoped {}
extension RapidReviewAPI.RecordSubmissionRequest: CaseScoped {}
extension RapidReviewAPI.CaseRequest: CaseScoped {}
extension RapidReviewAPI.GetOutcomeDocumentRequest: CaseScoped {}

extension ReviewManagementAPI.CommissionReviewRequest: CaseScoped {}
extension ReviewManagementAPI.RecordNationalPanelDecisionRequest: CaseScoped {}
extension ReviewManagementAPI.DraftTermsOfReferenceRequest: CaseScoped {}
extension ReviewManagementAPI.AgreeTermsOfReferenceRequest: CaseScoped {}
extension ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest: CaseScoped {}
extension ReviewManagementAPI.CaseRequest: CaseScoped {}
extension ReviewManagementAPI.GetTermsOfReferenceDocumentRequest: CaseScoped {}

extension GatewayAPI.GetCaseRequest: CaseScoped {}
extension ReviewManagementAPI.RecordParallelProcessRequest: CaseScoped {}
extension ReviewManagementAPI.RecordDelayDecisionRequest: CaseScoped {}
extension ReviewManagementAPI.RecordForecastCompletionRequest: CaseScoped {}
extension ReviewManagementAPI.RecordDelayNoticeRequest: CaseScoped {}
extension ReviewManagementAPI.RecordCheckpointRequest: CaseScoped {}

extension ReviewManagementAPI.AppointLeadReviewerRequest: CaseScoped {}
extension ReviewManagementAPI.RecordReviewerNoticeRequest: CaseScoped {}
extension ReviewManagementAPI.SetReviewTeamRequest: CaseScoped {}
extension ReviewManagementAPI.RecordDeclarationRequest: CaseScoped {}
extension ReviewManagementAPI.RequestAgencyInformationRequest: CaseScoped {}
extension ReviewManagementAPI.SubmitChronologyRequest: CaseScoped {}
extension ReviewManagementAPI.GetCombinedChronologyRequest: CaseScoped {}
extension ReviewManagementAPI.SubmitInformationReportRequest: CaseScoped {}
extension ReviewManagementAPI.ReviewSubmissionRequest: CaseScoped {}
extension ReviewManagementAPI.EscalateAgencyRequestRequest: CaseScoped {}

extension ReviewManagementAPI.RecordFamilyMemberRequest: CaseScoped {}
extension ReviewManagementAPI.RecordFamilyContactRequest: CaseScoped {}
extension ReviewManagementAPI.ScheduleLearningEventRequest: CaseScoped {}

extension ReviewManagementAPI.SubmitReportDraftRequest: CaseScoped {}
extension ReviewManagementAPI.ReportVersionStepRequest: CaseScoped {}
extension PublicationAPI.PreparePublicationRequest: CaseScoped {}
extension ReviewManagementAPI.InviteToLearningEventRequest: CaseScoped {}
extension ReviewManagementAPI.RecordLearningEventAttendanceRequest: CaseScoped {}
extension ReviewManagementAPI.RecordOneToOneConversationRequest: CaseScoped {}
extension ReviewManagementAPI.RecordLearningPointsRequest: CaseScoped {}
extension ReviewManagementAPI.RecordFeedbackSessionRequest: CaseScoped {}
extension ReviewManagementAPI.GetLearningEventDocumentRequest: CaseScoped {}
extension ReviewManagementAPI.RecordQualityMarkersRequest: CaseScoped {}
extension PublicationAPI.PreparePublicationResponse: CaseScoped {}
extension PublicationAPI.CaseRequest: CaseScoped {}
extension PublicationAPI.RecordAdvanceCopyRequest: CaseScoped {}
extension PublicationAPI.SchedulePublicationRequest: CaseScoped {}
extension PublicationAPI.RecordPublishedRequest: CaseScoped {}
extension PublicationAPI.RecordRepositorySubmissionRequest: CaseScoped {}
extension PublicationAPI.DecideNotToPublishRequest: CaseScoped {}
extension PublicationAPI.CheckReportForDisclosureRequest: CaseScoped {}
extension PublicationAPI.SignOffAnonymisationRequest: CaseScoped {}
extension PublicationAPI.ReviseReportRequest: CaseScoped {}
extension PublicationAPI.RecordPublicationPlanRequest: CaseScoped {}
extension PublicationAPI.RecordPublicationHoldRequest: CaseScoped {}
extension PublicationAPI.ReleasePublicationHoldRequest: CaseScoped {}
extension PublicationAPI.RecordArchivedRequest: CaseScoped {}
extension PublicationAPI.AddActionPlanItemRequest: CaseScoped {}
extension PublicationAPI.RecordActionProgressRequest: CaseScoped {}
extension PublicationAPI.CloseActionPlanItemRequest: CaseScoped {}
extension PublicationAPI.RecordLearningPlanRequest: CaseScoped {}
