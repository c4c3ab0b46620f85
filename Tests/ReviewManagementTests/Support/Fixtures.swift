import Contract
import Foundation
import WorkingDays

/// Obviously fictional review-management requests for the tests, every V1 field filled.
enum Fixtures {
    /// "Today" of every test: Monday 7 April 2025 (`TestDirectory.reviewManagement`).
    static let todayText = "2025-04-07"
    static let today = date(todayText)

    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad test date \(text)") }
        return date
    }

    /// `TESTSHIRE-2025-<sequence>`.
    static func reference(_ sequence: Int) -> CaseReference {
        guard let reference = CaseReference("TESTSHIRE-2025-" + String(format: "%04d", sequence)) else { fatalError("bad reference \(sequence)") }
        return reference
    }

    /// rapid-review's hand-over for a review of `kind` decided on `decided`.
    static func commission(
        _ reference: CaseReference, kind: Recommendation = .localReview, decided: CivilDate = date("2025-04-03"), ruleSet: RuleSet = .surrey2019
    )
        -> ReviewManagementAPI.CommissionReviewRequest
    {
        ReviewManagementAPI.CommissionReviewRequest(
            caseReference: reference, reviewKind: kind, decisionDate: decided, criteria: [.multiAgencyWorking],
            keyIssues: "Fictional: information sharing between agencies", immediateLearning: nil, ruleSet: ruleSet)
    }

    /// Terms of reference with every field V1 lists.
    static let completeTerms = TermsOfReference(
        caseSummary: CaseSummary(seriousIncident: "Fictional: an injury at home", family: "Fictional: mother and a sibling"),
        reviewTeam: ReviewTeamPlan(
            leadReviewer: "Jo Example",
            members: [ReviewTeamMember(name: "Dana Sample", organisation: "Testshire Police", responsibilities: "liaison with the SIO and the CPS")]),
        scope: ReviewScope(
            periodFrom: date("2024-01-01"), periodTo: date("2025-03-20"), periodRationale: "Fictional: from the plan on",
            keyLinesOfEnquiry: ["Fictional: information sharing", "Fictional: the voice of the child"]),
        familyInvolvement: FamilyInvolvementPlan(plans: "Fictional: the lead reviewer meets the mother", responsibleForContact: "Jo Example"),
        methodology: "Fictional: combined chronology and information reports",
        legal: LegalConsiderations(parallelInvestigations: "Fictional: a police investigation", legalAdvice: "Fictional: none at the outset"),
        otherConsiderations: OtherConsiderations(
            racial: "none identified", cultural: "none identified", linguistic: "none identified", religious: "none identified"),
        timeline: ReviewTimeline(
            keyDates: [KeyDate(milestone: "first review team meeting", date: date("2025-05-01"))], presentationToPartners: date("2025-09-01")))

    /// The partners' decision after the National Panel declined.
    static func partners(commission kind: Recommendation?, on decided: CivilDate = date("2025-04-04")) -> ReviewManagementAPI.PartnersDecision {
        ReviewManagementAPI.PartnersDecision(commissionLocally: kind != nil, decidedOn: decided, reviewKind: kind, reasons: "Fictional: reasons")
    }
}
