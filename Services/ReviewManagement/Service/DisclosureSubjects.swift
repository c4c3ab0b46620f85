import Contract

/// Whom review-management looks for in a report (P4): the family members it records and the
/// practitioners it names.
extension Review {
    /// Every family member under every name recorded for them (a renamed member may be named
    /// in the report by either), `whose` their relationship to the child. Review-management
    /// holds no addresses or dates of birth for them (intake does, and checks those).
    var disclosureFamily: [(whose: String, person: Person)] {
        var seen = Set<[String]>()
        return familyMembers.compactMap { member in
            seen.insert([member.relationship, member.name]).inserted ? (member.relationship, Person(name: member.name)) : nil
        }
    }

    /// The practitioners the review records, `whose` their part in it: agencies' contacts,
    /// information reports' authors and endorsers, review team members (as set and as the
    /// terms of reference name them), the practitioners inviting the family and those invited to
    /// the learning workshop. Not the lead reviewer: the published report names its reviewers
    /// (P-rules, RULES.md; publication checks that it does), so finding the lead reviewer's
    /// name would refuse every report.
    var disclosurePractitioners: [(whose: String, name: String)] {
        var named: [(whose: String, name: String)] = []
        named += agencyRequests.map { ("agency contact", $0.contact.name) }
        for submission in informationReports {
            named.append(("information report author", submission.report.author.name))
            if let endorser = submission.report.endorser { named.append(("information report endorser", endorser.name)) }
        }
        named += teams.flatMap(\.members).map { ("review team member", $0.name) }
        named += versions.flatMap(\.termsOfReference.reviewTeam.members).map { ("review team member", $0.name) }
        named += familyMembers.compactMap { member in member.invitation?.practitioner.map { ("practitioner inviting the family", $0) } }
        named += learningInvitations.map { ("learning workshop invitee", $0.name) }
        // The appointed lead reviewer, and whoever the terms of reference named as lead.
        let reviewers = Set(([leadReviewer?.name] + versions.map(\.termsOfReference.reviewTeam.leadReviewer)).compactMap { $0.map(Self.comparable) })
        var seen = Set<[String]>()
        return named.filter { practitioner in
            let name = Self.comparable(practitioner.name)
            return !name.isEmpty && !reviewers.contains(name) && seen.insert([practitioner.whose, name]).inserted
        }
    }

    /// A name as compared: lower case, single spaces.
    private static func comparable(_ name: String) -> String {
        name.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
