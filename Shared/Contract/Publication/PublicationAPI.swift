import RPC
import WorkingDays

/// `cspr.publication.v1.Publication`: publication of approved reports and the action plans
/// (framework §10-11). Today its contract holds the hand-over it receives from
/// review-management; the service itself is issue 14.
package enum PublicationAPI {
    private static let service = ServiceIdentity.publication.rpcService

    /// From review-management (role `service`) once the board approved the report, applied once
    /// per idempotency key: publication planning starts only then (P1, §10.2.1).
    package static let preparePublication = Method<PreparePublicationRequest, PreparePublicationResponse>(
        service: service, name: "PreparePublication", roles: .roles(.service))

    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [MethodDescription(preparePublication)]

    /// A recommendation as the board endorsed it: what, who must act and by when (V9).
    package struct Recommendation: Sendable, Equatable, Codable {
        /// Its number in the report, from 1.
        package var number: Int
        /// What is recommended.
        package var text: String
        /// Who must act.
        package var owner: String
        /// Whether the owner is local or national.
        package var scope: ActionScope
        /// By when.
        package var dueBy: CivilDate
        package init(number: Int, text: String, owner: String, scope: ActionScope, dueBy: CivilDate) {
            self.number = number
            self.text = text
            self.owner = owner
            self.scope = scope
            self.dueBy = dueBy
        }
    }

    /// `PreparePublication`'s request: the approved report and what publication needs of it.
    package struct PreparePublicationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The approved report version.
        package var reportVersion: Int
        /// Its text, section by section (never the genogram, V10).
        package var sections: ReportSections
        /// When the board approved it.
        package var approvedOn: CivilDate
        /// The reviewers named in the report: the lead reviewer first, then the review team.
        package var reviewers: [String]
        /// The endorsed recommendations.
        package var recommendations: [Recommendation]
        /// The rule set the case runs under.
        package var ruleSet: RuleSet
        package init(
            caseReference: CaseReference, reportVersion: Int, sections: ReportSections, approvedOn: CivilDate, reviewers: [String],
            recommendations: [Recommendation], ruleSet: RuleSet
        ) {
            self.caseReference = caseReference
            self.reportVersion = reportVersion
            self.sections = sections
            self.approvedOn = approvedOn
            self.reviewers = reviewers
            self.recommendations = recommendations
            self.ruleSet = ruleSet
        }
    }

    /// `PreparePublication`'s answer.
    package struct PreparePublicationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// True once publication holds the report.
        package var prepared: Bool
        package init(caseReference: CaseReference, prepared: Bool) {
            self.caseReference = caseReference
            self.prepared = prepared
        }
    }
}
