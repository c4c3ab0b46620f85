import RPC
import WorkingDays

/// `cspr.intake.v1.Intake`: referrals, notifications, initial scoping (framework §4.1-4.5,
/// Appendices 2-4). The only service that keeps the child's and family's personal details.
///
/// The method list comes first; the messages follow, one section per step: arrivals,
/// scoping, reads and the disclosure check.
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
    /// Publication checks a report against the case's family before it is published (P4), and
    /// rapid-review its free text before it stores or forwards it (issue 15, item 13).
    package static let checkDisclosure = Method<CheckDisclosureRequest, CheckDisclosureResponse>(
        service: service, name: "CheckDisclosure", roles: .roles(.publication), callers: [.publication, .rapidReview])
    /// From rapid-review (its service principal): the Rapid Review meeting was held (§4.5.2), which
    /// closes scoping; applied once per idempotency key.
    package static let recordRapidReviewMeeting = Method<RapidReviewMeetingHeldRequest, RapidReviewMeetingHeldResponse>(
        service: service, name: "RecordRapidReviewMeeting", callers: [.rapidReview])
    /// The Case Review Panel or the independent chair extends T1, T2 or T3 by a recorded
    /// decision (RULES.md: who, when, why, the new date; both dates kept).
    package static let recordExtension = Method<RecordExtensionRequest, RecordExtensionResponse>(
        service: service, name: "RecordExtension", roles: .roles(.caseReviewPanel, .independentChair))
    /// From rapid-review (its service principal; its roles and callers are set here only):
    /// what Appendix 5 asks that only intake holds, read at render time and audited here as a
    /// read of the case (issue 15, item 12).
    package static let getOutcomeParticulars = Method<CaseRequest, OutcomeParticulars>(
        service: service, name: "GetOutcomeParticulars", callers: [.rapidReview])

    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [
        MethodDescription(submitReferral), MethodDescription(recordNotification), MethodDescription(sendScopingRequests),
        MethodDescription(recordScopingReturn), MethodDescription(getCase), MethodDescription(listCases), MethodDescription(getCaseFile),
        MethodDescription(getStatuses), MethodDescription(checkDisclosure), MethodDescription(recordRapidReviewMeeting),
        MethodDescription(recordExtension), MethodDescription(getOutcomeParticulars), MethodDescription(resolveChildMatch),
    ]
}

// MARK: - Referrals and notifications (§4.1-4.2, Appendix 2; T1)

extension IntakeAPI {
    /// `SubmitReferral`'s request: the Appendix 2 form.
    package struct SubmitReferralRequest: Sendable, Equatable, Codable {
        package var referral: Referral
        package init(referral: Referral) { self.referral = referral }
    }

    /// The case reference and the deadlines the referral starts (T2, T3, T4 window, T6).
    package struct SubmitReferralResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// True when the same incident (same child, same incident date) was already a case:
        /// the referral was linked to it, not made a new case.
        package var linkedToExistingCase: Bool
        package var deadlines: [Deadline]
        package init(caseReference: CaseReference, linkedToExistingCase: Bool, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.linkedToExistingCase = linkedToExistingCase
            self.deadlines = deadlines
        }
    }

    /// `RecordNotification`'s request: a local-authority serious incident notification.
    package struct RecordNotificationRequest: Sendable, Equatable, Codable {
        package var notification: SeriousIncidentNotification
        package init(notification: SeriousIncidentNotification) { self.notification = notification }
    }

    /// The case the notification belongs to and T1 (to the National Panel, to the partners).
    package struct RecordNotificationResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// True when the notification opened the case (no referral yet, §4.1.3).
        package var openedNewCase: Bool
        /// True when it was linked to an existing case for the same incident.
        package var linkedToExistingCase: Bool
        /// T1 twice: the National Panel notification and the report to the partners.
        package var deadlines: [Deadline]
        /// True when the National Panel was (or still is to be) notified after T1's due date.
        package var notifiedLate: Bool
        package init(caseReference: CaseReference, openedNewCase: Bool, linkedToExistingCase: Bool, deadlines: [Deadline], notifiedLate: Bool) {
            self.caseReference = caseReference
            self.openedNewCase = openedNewCase
            self.linkedToExistingCase = linkedToExistingCase
            self.deadlines = deadlines
            self.notifiedLate = notifiedLate
        }
    }
}

// MARK: - Initial scoping: the requests and the returns (§4.3, Appendices 3-4; T2, T3)

extension IntakeAPI {
    /// The form a rendered letter is in.
    package typealias LetterFormat = DocumentFormat

    /// One agency to ask for initial scoping.
    package struct ScopingRequestDraft: Sendable, Equatable, Codable {
        package var agency: Agency
        /// The agency's safeguarding lead, to whom the letter is addressed.
        package var contact: Contact
        /// When the form and letter go (T2: within 2 working days of the referral).
        package var dateSent: CivilDate
        package init(agency: Agency, contact: Contact, dateSent: CivilDate) {
            self.agency = agency
            self.contact = contact
            self.dateSent = dateSent
        }
    }

    /// `SendScopingRequests`' request.
    package struct SendScopingRequestsRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var requests: [ScopingRequestDraft]
        /// Text (default) or Markdown.
        package var letterFormat: LetterFormat?
        /// Who signs the letters, e.g. "Partnership Support Team".
        package var signatory: String?
        /// Who to contact with questions: name and telephone, written into the letter.
        package var queriesContact: String?
        package init(
            caseReference: CaseReference, requests: [ScopingRequestDraft], letterFormat: LetterFormat? = nil, signatory: String? = nil,
            queriesContact: String? = nil
        ) {
            self.caseReference = caseReference
            self.requests = requests
            self.letterFormat = letterFormat
            self.signatory = signatory
            self.queriesContact = queriesContact
        }
    }

    /// An Appendix 4 letter, filled in.
    package struct ScopingLetter: Sendable, Equatable, Codable {
        /// The agency it goes to.
        package var agency: String
        /// The letter.
        package var text: String
        package init(agency: String, text: String) {
            self.agency = agency
            self.text = text
        }
    }

    /// The requests as recorded (return date, late or not), their letters and T2.
    package struct SendScopingRequestsResponse: Sendable, Equatable, Codable {
        package var requests: [ScopingRequest]
        package var letters: [ScopingLetter]
        package var deadlines: [Deadline]
        package init(requests: [ScopingRequest], letters: [ScopingLetter], deadlines: [Deadline]) {
            self.requests = requests
            self.letters = letters
            self.deadlines = deadlines
        }
    }

    /// `RecordScopingReturn`'s request.
    package struct RecordScopingReturnRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var scopingReturn: ScopingReturn
        package init(caseReference: CaseReference, scopingReturn: ScopingReturn) {
            self.caseReference = caseReference
            self.scopingReturn = scopingReturn
        }
    }

    /// Whether the return was late (T3), and which agencies are still to return.
    package struct RecordScopingReturnResponse: Sendable, Equatable, Codable {
        package var returnedLate: Bool
        package var deadline: Deadline
        /// Agencies asked that have not returned yet; empty for an agency's own token, which is
        /// not told which other agencies are involved (issue 15, item 14).
        package var outstanding: [String]
        /// True when `outstanding` is withheld from an agency's token; absent otherwise.
        package var othersWithheld: Bool?
        package init(returnedLate: Bool, deadline: Deadline, outstanding: [String], othersWithheld: Bool? = nil) {
            self.returnedLate = returnedLate
            self.deadline = deadline
            self.outstanding = outstanding
            self.othersWithheld = othersWithheld
        }
    }
}

// MARK: - Reading: one case, the list, the case file

extension IntakeAPI {
    /// A request naming one case.
    package struct CaseRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package init(caseReference: CaseReference) { self.caseReference = caseReference }
    }

    /// `GetCase`: the case with the child's name (for the roles allowed to see it) and its status.
    package struct IntakeCase: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var childName: String
        package var incident: Incident
        package var referralReceived: CivilDate?
        package var notificationReceived: CivilDate?
        package var scopingRequests: [ScopingRequest]
        package var scopingReturnsFrom: [String]
        package var status: CaseStatus
        /// Other cases whose child may be this one's (issue 17, item 7); absent when none.
        package var childMatches: [ChildMatch]?
        /// The case this one was merged into once a person confirmed they concern the same
        /// child (item 7); absent when it was not.
        package var mergedInto: CaseReference?
        package init(
            caseReference: CaseReference, childName: String, incident: Incident, referralReceived: CivilDate?, notificationReceived: CivilDate?,
            scopingRequests: [ScopingRequest], scopingReturnsFrom: [String], status: CaseStatus, childMatches: [ChildMatch]? = nil,
            mergedInto: CaseReference? = nil
        ) {
            self.childMatches = childMatches
            self.mergedInto = mergedInto
            self.caseReference = caseReference
            self.childName = childName
            self.incident = incident
            self.referralReceived = referralReceived
            self.notificationReceived = notificationReceived
            self.scopingRequests = scopingRequests
            self.scopingReturnsFrom = scopingReturnsFrom
            self.status = status
        }
    }

    /// `ListCases`' filters.
    package struct ListCasesRequest: Sendable, Equatable, Codable {
        package var stage: CaseStage?
        package var overdueOnly: Bool?
        package init(stage: CaseStage? = nil, overdueOnly: Bool? = nil) {
            self.stage = stage
            self.overdueOnly = overdueOnly
        }
    }

    /// A case in a list: no personal data.
    package struct CaseSummary: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var stage: CaseStage
        package var nextDeadline: Deadline?
        package var overdue: Bool
        package init(caseReference: CaseReference, stage: CaseStage, nextDeadline: Deadline?, overdue: Bool) {
            self.caseReference = caseReference
            self.stage = stage
            self.nextDeadline = nextDeadline
            self.overdue = overdue
        }
    }

    /// `ListCases`' answer, oldest case first.
    package struct ListCasesResponse: Sendable, Equatable, Codable {
        package var cases: [CaseSummary]
        package init(cases: [CaseSummary]) { self.cases = cases }
    }

    /// `GetCaseFile`: what the Rapid Review meeting needs (R3).
    package struct CaseFile: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var referral: Referral?
        /// Further referrals of the same incident, linked to this case (R3: all go to the meeting).
        package var linkedReferrals: [Referral]
        package var notification: SeriousIncidentNotification?
        package var scopingRequests: [ScopingRequest]
        package var scopingReturns: [ScopingReturn]
        package init(
            caseReference: CaseReference, referral: Referral?, linkedReferrals: [Referral] = [], notification: SeriousIncidentNotification?,
            scopingRequests: [ScopingRequest], scopingReturns: [ScopingReturn]
        ) {
            self.caseReference = caseReference
            self.referral = referral
            self.linkedReferrals = linkedReferrals
            self.notification = notification
            self.scopingRequests = scopingRequests
            self.scopingReturns = scopingReturns
        }

        private enum CodingKeys: String, CodingKey {
            case caseReference, referral, linkedReferrals, notification, scopingRequests, scopingReturns
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            caseReference = try container.decode(CaseReference.self, forKey: .caseReference)
            referral = try container.decodeIfPresent(Referral.self, forKey: .referral)
            linkedReferrals = try container.decodeIfPresent([Referral].self, forKey: .linkedReferrals) ?? []
            notification = try container.decodeIfPresent(SeriousIncidentNotification.self, forKey: .notification)
            scopingRequests = try container.decode([ScopingRequest].self, forKey: .scopingRequests)
            scopingReturns = try container.decode([ScopingReturn].self, forKey: .scopingReturns)
        }
    }
}

// MARK: - The disclosure check for publication (P4)

// The messages are shared with review-management's `CheckDisclosure` (DisclosureAPI); these
// names keep intake's callers as they were, and the JSON is the same.
extension IntakeAPI {
    /// `CheckDisclosure`'s request: a report text to check against the case's family (P4).
    package typealias CheckDisclosureRequest = DisclosureAPI.CheckDisclosureRequest
    /// What kind of personal datum was found.
    package typealias DisclosureKind = DisclosureAPI.DisclosureKind
    /// One finding: what kind, and where in the text.
    package typealias DisclosureFinding = DisclosureAPI.DisclosureFinding
    /// `CheckDisclosure`'s answer.
    package typealias CheckDisclosureResponse = DisclosureAPI.CheckDisclosureResponse
}
