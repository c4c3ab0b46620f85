import Contract
import WorkingDays

/// Obviously fictional lead reviewer, team and declarations.
extension Fixtures {
    static let reviewerName = "Jo Example"

    /// The partners appoint Jo Example on `appointed`.
    static func appointment(_ reference: CaseReference, on appointed: CivilDate = date("2025-04-04"), conflicts: String? = nil)
        -> ReviewManagementAPI.AppointLeadReviewerRequest
    {
        .init(
            caseReference: reference, name: reviewerName, organisation: "Fictional Reviews Ltd", appointedOn: appointed,
            independence: "Fictional: no role in any agency involved", conflictsOfInterest: conflicts)
    }

    static let localAuthorityMember = ReviewManagementAPI.ReviewTeamRole(
        name: "Chris Placeholder", role: "local authority representative",
        agency: Agency(name: "Testshire Children's Services", kind: .localAuthority))
    static let policeMember = ReviewManagementAPI.ReviewTeamRole(
        name: "Dana Sample", role: "police representative", agency: Agency(name: "Testshire Police", kind: .police))
    static let healthMember = ReviewManagementAPI.ReviewTeamRole(
        name: "Lee Dummy", role: "designated nurse", agency: Agency(name: "Testshire ICB", kind: .health))
    static let expertMember = ReviewManagementAPI.ReviewTeamRole(
        name: "Pat Instance", role: "subject matter expert", agency: Agency(name: "Testshire Schools", kind: .other))

    /// A team with a representative of each safeguarding partner and an expert.
    static let fullTeam = [localAuthorityMember, policeMember, healthMember, expertMember]

    /// `person`'s declaration, confidentiality signed.
    static func declaration(_ reference: CaseReference, _ person: String, on declared: CivilDate = today, conflicts: String? = nil)
        -> ReviewManagementAPI.RecordDeclarationRequest
    {
        .init(caseReference: reference, person: person, conflictsOfInterest: conflicts, confidentialityAgreed: true, declaredOn: declared)
    }
}
