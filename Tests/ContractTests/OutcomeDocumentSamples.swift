import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of issue 15 item 12's messages: intake's outcome particulars,
/// the covering letter's request, and a decision with Working Together 2023's analysis.
extension Samples {
    static let outcomeParticulars = Pair(
        request: IntakeAPI.CaseRequest(caseReference: reference),
        response: IntakeAPI.OutcomeParticulars(
            caseReference: reference,
            child: IntakeAPI.ChildParticulars(
                name: child.name, dateOfBirth: child.dateOfBirth, gender: "male", ethnicity: "White British",
                address: "12 Imaginary Lane, Testtown, TE5 7AA", localAuthority: "Testshire Children's Services"),
            incident: referral.child.incident, notifiedOfsted: date("2025-03-21"), notifiedNationalPanel: date("2025-03-21"),
            familyMembers: referral.familyMembers, referrer: referral.referrer, referringAgency: "Testtown Primary School"))

    static let coveringLetter = Pair(
        request: RapidReviewAPI.GetOutcomeDocumentRequest(caseReference: reference, format: .markdown, kind: .coveringLetter),
        response: RapidReviewAPI.OutcomeDocument(
            caseReference: reference, format: .markdown, document: "# Covering letter: Rapid Review to the National Panel\n", kind: .coveringLetter))

    static let agreeRecommendationWT2023 = Pair(
        request: RapidReviewAPI.AgreeRecommendationRequest(
            caseReference: reference,
            decision: RecommendationDecision(
                recommendation: .localReview, reasons: "fictional reasons",
                keyPracticeEpisodes: "fictional: the health visitor's visit of 2 March and the strategy discussion of 10 March",
                racismAndInequalities: "fictional: whether the family's language needs were met")),
        response: agreeRecommendation.response)
}
