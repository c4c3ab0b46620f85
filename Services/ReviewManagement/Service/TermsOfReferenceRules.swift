import Contract

/// V1: what the terms of reference must hold before the Case Review Panel agrees them
/// (§5, Appendix 6): case summary, lead reviewer, review team with responsibilities, time
/// period and rationale, key lines of enquiry, plans to involve the child and family,
/// methodology, parallel investigations, legal advice, racial, cultural, linguistic and
/// religious considerations, timeline and key dates.
enum TermsOfReferenceRules {
    /// The paths of the V1 fields `terms` lacks, in the form's order; empty when complete.
    static func missing(_ terms: TermsOfReference) -> [String] {
        var missing: [String] = []
        func need(_ path: String, _ value: String?) { if value.isBlank { missing.append(path) } }
        need("caseSummary.seriousIncident", terms.caseSummary.seriousIncident)
        need("caseSummary.family", terms.caseSummary.family)
        need("reviewTeam.leadReviewer", terms.reviewTeam.leadReviewer)
        if terms.reviewTeam.members.isEmpty { missing.append("reviewTeam.members") }
        for (index, member) in terms.reviewTeam.members.enumerated() {
            need("reviewTeam.members[\(index)].responsibilities", member.responsibilities)
        }
        if terms.scope.periodFrom == nil { missing.append("scope.periodFrom") }
        if terms.scope.periodTo == nil { missing.append("scope.periodTo") }
        need("scope.periodRationale", terms.scope.periodRationale)
        if terms.scope.keyLinesOfEnquiry.isEmpty { missing.append("scope.keyLinesOfEnquiry") }
        need("familyInvolvement.plans", terms.familyInvolvement.plans)
        need("familyInvolvement.responsibleForContact", terms.familyInvolvement.responsibleForContact)
        need("methodology", terms.methodology)
        need("legal.parallelInvestigations", terms.legal.parallelInvestigations)
        need("legal.legalAdvice", terms.legal.legalAdvice)
        need("otherConsiderations.racial", terms.otherConsiderations.racial)
        need("otherConsiderations.cultural", terms.otherConsiderations.cultural)
        need("otherConsiderations.linguistic", terms.otherConsiderations.linguistic)
        need("otherConsiderations.religious", terms.otherConsiderations.religious)
        if terms.timeline.keyDates.isEmpty { missing.append("timeline.keyDates") }
        if terms.timeline.presentationToPartners == nil { missing.append("timeline.presentationToPartners") }
        return missing
    }

    /// What any version must get right, complete or not: a period that does not end before it
    /// starts, team members named with their organisation, no empty key line of enquiry.
    static func checkWellFormed(_ terms: TermsOfReference) throws(ReviewManagementError) {
        if let from = terms.scope.periodFrom, let to = terms.scope.periodTo, to < from {
            throw .invalidField(path: "scope.periodTo", rule: nil, problem: "\(to) is before scope.periodFrom (\(from))")
        }
        for (index, member) in terms.reviewTeam.members.enumerated() {
            if member.name.isBlank { throw .invalidField(path: "reviewTeam.members[\(index)].name", rule: nil, problem: "name the member") }
            if member.organisation.isBlank {
                throw .invalidField(path: "reviewTeam.members[\(index)].organisation", rule: nil, problem: "name the organisation they represent")
            }
        }
        try checkKeyLines(terms.scope.keyLinesOfEnquiry, path: "scope.keyLinesOfEnquiry", rule: nil)
    }

    /// No key line of enquiry may be empty.
    static func checkKeyLines(_ lines: [String], path: String, rule: FrameworkRule?) throws(ReviewManagementError) {
        if let blank = lines.firstIndex(where: \.isBlank) {
            throw .invalidField(path: "\(path)[\(blank)]", rule: rule, problem: "a key line of enquiry is empty")
        }
    }
}
