import RPC

/// `cspr.intake.v1.Intake`: referrals, notifications, initial scoping (framework §4.1-4.5,
/// Appendices 2-4). The only service that keeps the child's and family's personal details.
///
/// The method list comes first; the messages follow in one file per step: IntakeArrivals,
/// IntakeScoping, IntakeReads and IntakeDisclosure.
package enum IntakeAPI {
    // Methods and roles (DESIGN.md, Security).
    private static let service = ServiceIdentity.intake.rpcService
    /// The Partnership Support Team records a referral (Appendix 2); it opens or joins a case.
    package static let submitReferral = Method<SubmitReferralRequest, SubmitReferralResponse>(
        service: service, name: "SubmitReferral", roles: .roles(.partnershipSupport))
    /// The Partnership Support Team records the local authority's notification (T1).
    package static let recordNotification = Method<RecordNotificationRequest, RecordNotificationResponse>(
        service: service, name: "RecordNotification", roles: .roles(.partnershipSupport))
    /// The scoping requests sent to the agencies, with their letters (T2).
    package static let sendScopingRequests = Method<SendScopingRequestsRequest, SendScopingRequestsResponse>(
        service: service, name: "SendScopingRequests", roles: .roles(.partnershipSupport))
    /// An agency's returned scoping form (Appendix 3; T3).
    package static let recordScopingReturn = Method<RecordScopingReturnRequest, RecordScopingReturnResponse>(
        service: service, name: "RecordScopingReturn", roles: .roles(.partnershipSupport, .agency))
    /// One case as intake holds it.
    package static let getCase = Method<CaseRequest, IntakeCase>(
        service: service, name: "GetCase", roles: .roles(.partnershipSupport, .caseReviewPanel, .independentChair))
    /// Every case, summarised.
    package static let listCases = Method<ListCasesRequest, ListCasesResponse>(
        service: service, name: "ListCases", roles: .roles(.partnershipSupport, .caseReviewPanel))
    /// The case file: the forms with the child's and family's details, for the roles allowed.
    package static let getCaseFile = Method<CaseRequest, CaseFile>(
        service: service, name: "GetCaseFile", roles: .roles(.partnershipSupport, .caseReviewPanel, .independentChair))
    /// Statuses for the gateway (no personal data).
    package static let getStatuses = getStatusesMethod(of: service)
    /// Publication checks a report against the case's family before it is published (P4).
    package static let checkDisclosure = Method<CheckDisclosureRequest, CheckDisclosureResponse>(
        service: service, name: "CheckDisclosure", roles: .roles(.publication))

    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [
        MethodDescription(submitReferral), MethodDescription(recordNotification), MethodDescription(sendScopingRequests),
        MethodDescription(recordScopingReturn), MethodDescription(getCase), MethodDescription(listCases), MethodDescription(getCaseFile),
        MethodDescription(getStatuses), MethodDescription(checkDisclosure),
    ]
}
