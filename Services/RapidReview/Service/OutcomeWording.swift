import Contract

/// The forms' words that depend on the rule set: Appendix 5 follows Working Together 2018 and
/// names the CCG; under `wt-2023` the documents name Working Together 2023 and the ICB, which
/// took over the health partner's role in July 2022 (RULES.md).
struct OutcomeWording: Sendable, Equatable {
    let ruleSet: RuleSet

    /// The statutory guidance the Rapid Review is held under.
    var workingTogether: String { ruleSet == .workingTogether2023 ? "Working Together 2023" : "Working Together 2018" }

    /// The health partner, as the form names it.
    var healthPartner: String { ruleSet == .workingTogether2023 ? "ICB" : "CCG (since July 2022 the ICB)" }

    /// The health partner's area in criterion 7.
    var healthArea: String { ruleSet == .workingTogether2023 ? "integrated care board" : "clinical commissioning group" }

    /// Who a participant's agency is, for the participants' table.
    func partnerName(_ kind: PartnerKind) -> String {
        switch kind {
        case .localAuthority: "local authority"
        case .police: "police"
        case .health: "health (ICB)"
        case .other: "other agency"
        }
    }

    /// The form's wording of each criterion (Appendix 5 §2.2).
    func criterion(_ criterion: Criterion) -> String {
        switch criterion {
        case .improvementsNeeded:
            "highlights or may highlight improvements needed to safeguard and promote the welfare of children, including where those improvements have been previously identified"
        case .recurrentThemes: "highlights or may highlight recurrent themes in the safeguarding and promotion of the welfare of children"
        case .multiAgencyWorking:
            "highlights or may highlight concerns regarding two or more organisations or agencies working together effectively to safeguard and promote the welfare of children"
        case .nationalPanelReferredLocal:
            "is one which the Child Safeguarding Practice Review Panel have considered and concluded a local review may be more appropriate"
        case .singleAgencyConcern: "safeguarding partners have cause for concern about the actions of a single agency"
        case .noAgencyInvolvement: "there has been no agency involvement and this gives the safeguarding partners cause for concern"
        case .crossBoundary:
            "more than one local authority, police area or \(healthArea) is involved, including in cases where families have moved around"
        case .institutionalSettings:
            "the case may raise issues relating to safeguarding or promoting the welfare of children in institutional settings"
        case .noneOfTheAbove: "None of the above"
        }
    }

    /// The form's wording of each recommendation (Appendix 5 §3).
    static func recommendation(_ recommendation: Recommendation) -> String {
        switch recommendation {
        case .nationalReview: "Meets the criteria for a national Child Safeguarding Practice Review"
        case .localReview: "Meets the criteria for a local Child Safeguarding Practice Review"
        case .alternativeLearningReview: "Does not meet the criteria but warrants an alternative Learning Review"
        case .otherStatutoryReview: "Warrants consideration of DHR, SAR, MAPPA SFO or other"
        case .singleAgencyReview: "Warrants a Single-Agency Review"
        case .multiAgencyAudit: "Warrants a Multi-Agency Audit"
        case .singleAgencyAudit: "Warrants a Single Agency Audit"
        case .noFurtherAction: "Needs no Further Action"
        case .learningActedUpon: "The Rapid Review has identified learning that has been acted upon, obviating the need for further review"
        case .other: "Other"
        }
    }
}
