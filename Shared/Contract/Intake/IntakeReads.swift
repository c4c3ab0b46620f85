import RPC
import WorkingDays

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
        package init(
            caseReference: CaseReference, childName: String, incident: Incident, referralReceived: CivilDate?, notificationReceived: CivilDate?,
            scopingRequests: [ScopingRequest], scopingReturnsFrom: [String], status: CaseStatus
        ) {
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
