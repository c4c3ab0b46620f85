import RPC
import WorkingDays

// MARK: - Requests to the agencies for information (§2.1.7, §8.2-8.5, Appendix 10)

extension ReviewManagementAPI {
    /// What the review asks an agency for (§8.3): its chronology, its information report.
    package enum AgencySubmissionKind: String, WireEnum {
        /// The agency's chronology of its involvement (§8.4).
        case chronology
        /// The agency's information report (§8.5, Appendix 9).
        case informationReport
    }

    /// The agency's single point of contact for the review (§8.2.2): a practitioner's name, so
    /// never in status, logs or errors.
    package struct AgencyContact: Sendable, Equatable, Codable {
        /// Who.
        package var name: String
        /// Their designation, e.g. the agency's Safeguarding Lead.
        package var designation: String?
        /// How to reach them (address, telephone, e-mail).
        package var contactDetails: String?

        package init(name: String, designation: String? = nil, contactDetails: String? = nil) {
            self.name = name
            self.designation = designation
            self.contactDetails = contactDetails
        }
    }

    /// `RequestAgencyInformation`'s request: one agency, its contact, what is asked and by when.
    package struct RequestAgencyInformationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency asked, e.g. "Testshire Police".
        package var agency: String
        /// The agency's named contact.
        package var contact: AgencyContact
        /// What is asked: a chronology, an information report, or both.
        package var asks: [AgencySubmissionKind]
        /// When it is due: after today.
        package var dueOn: CivilDate

        package init(caseReference: CaseReference, agency: String, contact: AgencyContact, asks: [AgencySubmissionKind], dueOn: CivilDate) {
            self.caseReference = caseReference
            self.agency = agency
            self.contact = contact
            self.asks = asks
            self.dueOn = dueOn
        }
    }

    /// A request to an agency as recorded.
    package struct AgencyRequest: Sendable, Equatable, Codable {
        /// 1, 2, 3... in the order the agencies were asked.
        package var number: Int
        /// The agency asked.
        package var agency: String
        /// Its named contact.
        package var contact: AgencyContact
        /// What is asked.
        package var asks: [AgencySubmissionKind]
        /// When it is due.
        package var dueOn: CivilDate
        /// When it was asked.
        package var requestedOn: CivilDate
        /// Who asked.
        package var requestedBy: String

        package init(
            number: Int, agency: String, contact: AgencyContact, asks: [AgencySubmissionKind], dueOn: CivilDate, requestedOn: CivilDate,
            requestedBy: String
        ) {
            self.number = number
            self.agency = agency
            self.contact = contact
            self.asks = asks
            self.dueOn = dueOn
            self.requestedOn = requestedOn
            self.requestedBy = requestedBy
        }
    }

    /// A request and where it stands today: what the agency has yet to give, and whether that
    /// is overdue.
    package struct AgencyRequestStanding: Sendable, Equatable, Codable {
        /// The request.
        package var request: AgencyRequest
        /// What is asked and not yet given: no submission, or the last one sent back (V8).
        package var outstanding: [AgencySubmissionKind]
        /// True when something is outstanding after its due date (§2.1.7: escalate).
        package var overdue: Bool
        /// The last step of §2.1.7 taken for it, if escalated (`EscalateAgencyRequest`).
        package var escalatedTo: EscalationLevel?

        package init(request: AgencyRequest, outstanding: [AgencySubmissionKind], overdue: Bool, escalatedTo: EscalationLevel? = nil) {
            self.request = request
            self.outstanding = outstanding
            self.overdue = overdue
            self.escalatedTo = escalatedTo
        }
    }

    /// `RequestAgencyInformation`'s response: the request recorded and where it stands.
    package struct RequestAgencyInformationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The request as recorded.
        package var request: AgencyRequestStanding

        package init(caseReference: CaseReference, request: AgencyRequestStanding) {
            self.caseReference = caseReference
            self.request = request
        }
    }

    /// `GetAgencyRequests`: every request to an agency and where it stands today.
    package struct AgencyRequests: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Every request, in the order asked.
        package var requests: [AgencyRequestStanding]
        /// The agencies with something outstanding, in the order asked.
        package var outstanding: [String]
        /// The agencies with something outstanding after its due date.
        package var overdue: [String]

        package init(caseReference: CaseReference, requests: [AgencyRequestStanding], outstanding: [String], overdue: [String]) {
            self.caseReference = caseReference
            self.requests = requests
            self.outstanding = outstanding
            self.overdue = overdue
        }
    }
}
