import RPC
import WorkingDays

// MARK: - The terms of reference, field by field (Appendix 6, §5)

/// The terms of reference of a review, Appendix 6 section by section. Every field may be left
/// out of a draft; the Case Review Panel agrees them only with every field V1 lists present.
/// The child's reference and the date are the case's and the version's; the introduction is
/// the form's own text.
package struct TermsOfReference: Sendable, Equatable, Codable {
    /// 2. Case summary.
    package var caseSummary: CaseSummary
    /// 3. Review team: the lead reviewer and the members with their responsibilities.
    package var reviewTeam: ReviewTeamPlan
    /// 4. Scope: the time period and its rationale, the key lines of enquiry.
    package var scope: ReviewScope
    /// 5. Plans to involve children and family members.
    package var familyInvolvement: FamilyInvolvementPlan
    /// 6. Methodology: information collection and collation tools (§5.4, §8.2).
    package var methodology: String?
    /// 7. Legal considerations: parallel investigations and legal advice (§5.6, §5.7).
    package var legal: LegalConsiderations
    /// 8. Other considerations: at least racial, cultural, linguistic and religious issues.
    package var otherConsiderations: OtherConsiderations
    /// 9. Timeline and key dates (§5.8).
    package var timeline: ReviewTimeline

    package init(
        caseSummary: CaseSummary = .init(), reviewTeam: ReviewTeamPlan = .init(), scope: ReviewScope = .init(),
        familyInvolvement: FamilyInvolvementPlan = .init(), methodology: String? = nil, legal: LegalConsiderations = .init(),
        otherConsiderations: OtherConsiderations = .init(), timeline: ReviewTimeline = .init()
    ) {
        self.caseSummary = caseSummary
        self.reviewTeam = reviewTeam
        self.scope = scope
        self.familyInvolvement = familyInvolvement
        self.methodology = methodology
        self.legal = legal
        self.otherConsiderations = otherConsiderations
        self.timeline = timeline
    }

    /// A draft may leave out whole sections: `{}` is an empty draft.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        caseSummary = try container.decodeIfPresent(CaseSummary.self, forKey: .caseSummary) ?? .init()
        reviewTeam = try container.decodeIfPresent(ReviewTeamPlan.self, forKey: .reviewTeam) ?? .init()
        scope = try container.decodeIfPresent(ReviewScope.self, forKey: .scope) ?? .init()
        familyInvolvement = try container.decodeIfPresent(FamilyInvolvementPlan.self, forKey: .familyInvolvement) ?? .init()
        methodology = try container.decodeIfPresent(String.self, forKey: .methodology)
        legal = try container.decodeIfPresent(LegalConsiderations.self, forKey: .legal) ?? .init()
        otherConsiderations = try container.decodeIfPresent(OtherConsiderations.self, forKey: .otherConsiderations) ?? .init()
        timeline = try container.decodeIfPresent(ReviewTimeline.self, forKey: .timeline) ?? .init()
    }

    private enum CodingKeys: String, CodingKey {
        case caseSummary, reviewTeam, scope, familyInvolvement, methodology, legal, otherConsiderations, timeline
    }
}

/// 2. Case summary (Appendix 6): personal data (the family).
package struct CaseSummary: Sendable, Equatable, Codable {
    /// Summary of the serious incident.
    package var seriousIncident: String?
    /// Information about the family.
    package var family: String?

    package init(seriousIncident: String? = nil, family: String? = nil) {
        self.seriousIncident = seriousIncident
        self.family = family
    }
}

/// 3. Review team (Appendix 6, §6).
package struct ReviewTeamPlan: Sendable, Equatable, Codable {
    /// Name of the lead reviewer.
    package var leadReviewer: String?
    /// The members, the organisation each represents and their responsibilities.
    package var members: [ReviewTeamMember]

    package init(leadReviewer: String? = nil, members: [ReviewTeamMember] = []) {
        self.leadReviewer = leadReviewer
        self.members = members
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        leadReviewer = try container.decodeIfPresent(String.self, forKey: .leadReviewer)
        members = try container.decodeIfPresent([ReviewTeamMember].self, forKey: .members) ?? []
    }

    private enum CodingKeys: String, CodingKey { case leadReviewer, members }
}

/// A member of the review team as the terms of reference name them.
package struct ReviewTeamMember: Sendable, Equatable, Codable {
    /// Their name.
    package var name: String
    /// The organisation they represent.
    package var organisation: String
    /// Their specific responsibilities (e.g. the police representative liaising with the SIO
    /// and the CPS where there are parallel investigations).
    package var responsibilities: String?

    package init(name: String, organisation: String, responsibilities: String? = nil) {
        self.name = name
        self.organisation = organisation
        self.responsibilities = responsibilities
    }
}

/// 4. Scope of the review (§5.2, §5.3).
package struct ReviewScope: Sendable, Equatable, Codable {
    /// The first day of the period the review considers.
    package var periodFrom: CivilDate?
    /// The last day of the period.
    package var periodTo: CivilDate?
    /// Why this period (as short and recent as the learning allows, §5.2.1).
    package var periodRationale: String?
    /// The key issues to be addressed: the key lines of enquiry (they may evolve, V2).
    package var keyLinesOfEnquiry: [String]

    package init(periodFrom: CivilDate? = nil, periodTo: CivilDate? = nil, periodRationale: String? = nil, keyLinesOfEnquiry: [String] = []) {
        self.periodFrom = periodFrom
        self.periodTo = periodTo
        self.periodRationale = periodRationale
        self.keyLinesOfEnquiry = keyLinesOfEnquiry
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        periodFrom = try container.decodeIfPresent(CivilDate.self, forKey: .periodFrom)
        periodTo = try container.decodeIfPresent(CivilDate.self, forKey: .periodTo)
        periodRationale = try container.decodeIfPresent(String.self, forKey: .periodRationale)
        keyLinesOfEnquiry = try container.decodeIfPresent([String].self, forKey: .keyLinesOfEnquiry) ?? []
    }

    private enum CodingKeys: String, CodingKey { case periodFrom, periodTo, periodRationale, keyLinesOfEnquiry }
}

/// 5. Plans to involve children and family members (§5.5).
package struct FamilyInvolvementPlan: Sendable, Equatable, Codable {
    /// The agreed plans, taking the legal considerations into account.
    package var plans: String?
    /// Who makes contact and follows up.
    package var responsibleForContact: String?

    package init(plans: String? = nil, responsibleForContact: String? = nil) {
        self.plans = plans
        self.responsibleForContact = responsibleForContact
    }
}

/// 7. Legal considerations (§5.6, §5.7).
package struct LegalConsiderations: Sendable, Equatable, Codable {
    /// Parallel investigations (criminal, coroner's, disciplinary, other reviews), or "none".
    package var parallelInvestigations: String?
    /// Whether legal advice is needed, at the outset or during the review.
    package var legalAdvice: String?

    package init(parallelInvestigations: String? = nil, legalAdvice: String? = nil) {
        self.parallelInvestigations = parallelInvestigations
        self.legalAdvice = legalAdvice
    }
}

/// 8. Other considerations: as a minimum the racial, cultural, linguistic and religious issues
/// (each may say none were identified), and any others.
package struct OtherConsiderations: Sendable, Equatable, Codable {
    /// Racial issues.
    package var racial: String?
    /// Cultural issues.
    package var cultural: String?
    /// Linguistic issues.
    package var linguistic: String?
    /// Issues of the religious background of the child or the family.
    package var religious: String?
    /// Any other factor for this case.
    package var other: String?

    package init(racial: String? = nil, cultural: String? = nil, linguistic: String? = nil, religious: String? = nil, other: String? = nil) {
        self.racial = racial
        self.cultural = cultural
        self.linguistic = linguistic
        self.religious = religious
        self.other = other
    }
}

/// 9. Timeline and key dates (§5.8): the milestones agreed, the presentation to the partners.
package struct ReviewTimeline: Sendable, Equatable, Codable {
    /// The key milestone dates agreed (review team meetings, learning events, family contact).
    package var keyDates: [KeyDate]
    /// The target date for presenting the learning to the safeguarding partners.
    package var presentationToPartners: CivilDate?

    package init(keyDates: [KeyDate] = [], presentationToPartners: CivilDate? = nil) {
        self.keyDates = keyDates
        self.presentationToPartners = presentationToPartners
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        keyDates = try container.decodeIfPresent([KeyDate].self, forKey: .keyDates) ?? []
        presentationToPartners = try container.decodeIfPresent(CivilDate.self, forKey: .presentationToPartners)
    }

    private enum CodingKeys: String, CodingKey { case keyDates, presentationToPartners }
}

/// A milestone of the review's timetable.
package struct KeyDate: Sendable, Equatable, Codable {
    /// What happens, e.g. "first review team meeting".
    package var milestone: String
    /// When.
    package var date: CivilDate

    package init(milestone: String, date: CivilDate) {
        self.milestone = milestone
        self.date = date
    }
}
