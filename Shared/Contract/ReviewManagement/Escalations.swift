import RPC
import WorkingDays

// MARK: - Escalating an overdue request (§2.1.7)

extension ReviewManagementAPI {
    /// Who an overdue request is escalated to, in §2.1.7's order.
    package enum EscalationLevel: String, WireEnum {
        /// First: the Case Review Panel, referred by the lead reviewer or the review team.
        case caseReviewPanel
        /// Then: the panel seeks a resolution with the agency's Strategic Safeguarding Lead.
        case strategicSafeguardingLead
        /// Last: the safeguarding partners, for formal action.
        case safeguardingPartners
    }

    /// `EscalateAgencyRequest`'s request: the next step for one agency's overdue request.
    package struct EscalateAgencyRequestRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency whose request is overdue.
        package var agency: String
        /// The step: the next in §2.1.7's order.
        package var level: EscalationLevel
        /// Why (what is outstanding, what was tried); no names.
        package var reason: String

        package init(caseReference: CaseReference, agency: String, level: EscalationLevel, reason: String) {
            self.caseReference = caseReference
            self.agency = agency
            self.level = level
            self.reason = reason
        }
    }

    /// One step of an escalation as recorded.
    package struct AgencyEscalation: Sendable, Equatable, Codable {
        /// The agency.
        package var agency: String
        /// The request escalated.
        package var requestNumber: Int
        /// The step taken.
        package var level: EscalationLevel
        /// Why.
        package var reason: String
        /// When.
        package var escalatedOn: CivilDate
        /// Who recorded it.
        package var escalatedBy: String

        package init(agency: String, requestNumber: Int, level: EscalationLevel, reason: String, escalatedOn: CivilDate, escalatedBy: String) {
            self.agency = agency
            self.requestNumber = requestNumber
            self.level = level
            self.reason = reason
            self.escalatedOn = escalatedOn
            self.escalatedBy = escalatedBy
        }
    }

    /// `EscalateAgencyRequest`'s response: the step recorded, every step so far and the next.
    package struct EscalateAgencyRequestResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The agency's steps so far, in order, this one last.
        package var escalations: [AgencyEscalation]
        /// The next step, if any is left.
        package var next: EscalationLevel?

        package init(caseReference: CaseReference, escalations: [AgencyEscalation], next: EscalationLevel?) {
            self.caseReference = caseReference
            self.escalations = escalations
            self.next = next
        }
    }
}
