import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the review-management service's messages, every field filled.
extension Samples {
    static let termsOfReference = TermsOfReference(
        caseSummary: CaseSummary(
            seriousIncident: "Fictional: a serious injury at home on 2025-03-20", family: "Fictional: the child lives with mother and a sibling"),
        reviewTeam: ReviewTeamPlan(
            leadReviewer: "Jo Example",
            members: [
                ReviewTeamMember(name: "Dana Sample", organisation: "Testshire Police", responsibilities: "liaison with the SIO and the CPS"),
                ReviewTeamMember(name: "Chris Placeholder", organisation: "Testshire Council Children's Services"),
            ]),
        scope: ReviewScope(
            periodFrom: date("2023-01-01"), periodTo: date("2025-03-20"), periodRationale: "Fictional: from the child protection plan on",
            keyLinesOfEnquiry: ["Fictional: information sharing between agencies", "Fictional: the voice of the child"]),
        familyInvolvement: FamilyInvolvementPlan(plans: "Fictional: the lead reviewer meets the mother", responsibleForContact: "Jo Example"),
        methodology: "Fictional: combined chronology and information reports",
        legal: LegalConsiderations(parallelInvestigations: "Fictional: a police investigation", legalAdvice: "Fictional: none needed at the outset"),
        otherConsiderations: OtherConsiderations(
            racial: "none identified", cultural: "none identified", linguistic: "none identified", religious: "none identified",
            other: "Fictional: the family moved twice"),
        timeline: ReviewTimeline(
            keyDates: [KeyDate(milestone: "first review team meeting", date: date("2025-05-01"))], presentationToPartners: date("2025-10-01")))

    static let termsOfReferenceVersion = ReviewManagementAPI.TermsOfReferenceVersion(
        version: 1, origin: .draft, termsOfReference: termsOfReference, writtenOn: date("2025-04-20"), writtenBy: "Rev.Team")

    static let t7 = Deadline(rule: .t7, subject: "local CSPR", due: date("2025-10-07"), status: .open, ruleSet: .surrey2019)

    static let recordNationalPanelDecision = Pair(
        request: ReviewManagementAPI.RecordNationalPanelDecisionRequest(
            caseReference: reference, verdict: .declined, panelDecidedOn: date("2025-04-14"),
            partnersDecision: ReviewManagementAPI.PartnersDecision(
                commissionLocally: true, decidedOn: date("2025-04-16"), reviewKind: .localReview, reasons: "Fictional: local learning")),
        response: ReviewManagementAPI.RecordNationalPanelDecisionResponse(
            caseReference: reference,
            decision: ReviewManagementAPI.NationalPanelDecision(
                verdict: .declined, panelDecidedOn: date("2025-04-14"),
                partnersDecision: ReviewManagementAPI.PartnersDecision(
                    commissionLocally: true, decidedOn: date("2025-04-16"), reviewKind: .localReview, reasons: "Fictional: local learning"),
                recordedOn: date("2025-04-17"), recordedBy: "Pat.Support"),
            state: .commissioned,
            deadlines: [Deadline(rule: .t7, subject: "local CSPR", due: date("2025-10-16"), status: .open, ruleSet: .surrey2019)]))

    static let draftTermsOfReference = Pair(
        request: ReviewManagementAPI.DraftTermsOfReferenceRequest(caseReference: reference, termsOfReference: termsOfReference),
        response: ReviewManagementAPI.DraftTermsOfReferenceResponse(
            caseReference: reference, version: termsOfReferenceVersion, missingForAgreement: ["reviewTeam.members[1].responsibilities"]))

    static let agreeTermsOfReference = Pair(
        request: ReviewManagementAPI.AgreeTermsOfReferenceRequest(caseReference: reference, version: 1, agreedOn: date("2025-04-24")),
        response: ReviewManagementAPI.AgreeTermsOfReferenceResponse(
            caseReference: reference, agreement: .init(version: 1, agreedOn: date("2025-04-24"), agreedBy: "Sam.Panel"),
            state: .termsOfReferenceAgreed))

    static let keyLinesChange = ReviewManagementAPI.KeyLinesOfEnquiryChange(
        number: 1, fromVersion: 1, toVersion: 2, reason: "Fictional: the school's records came to light", approvedOn: date("2025-06-02"),
        approvedBy: "Sam.Panel")

    static let changeKeyLinesOfEnquiry = Pair(
        request: ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest(
            caseReference: reference, keyLinesOfEnquiry: ["Fictional: information sharing", "Fictional: school attendance"],
            reason: "Fictional: the school's records came to light", approvedOn: date("2025-06-02")),
        response: ReviewManagementAPI.ChangeKeyLinesOfEnquiryResponse(
            caseReference: reference, change: keyLinesChange,
            version: ReviewManagementAPI.TermsOfReferenceVersion(
                version: 2, origin: .keyLinesOfEnquiryChanged, termsOfReference: termsOfReference, writtenOn: date("2025-06-02"),
                writtenBy: "Sam.Panel")))

    static let review = ReviewManagementAPI.Review(
        caseReference: reference, state: .termsOfReferenceAgreed, stage: .review, reviewKind: .localReview, commission: commissionReview.request,
        commissionedOn: date("2025-04-08"), nationalPanelDecision: nil, termsOfReference: [termsOfReferenceVersion],
        agreement: .init(version: 1, agreedOn: date("2025-04-24"), agreedBy: "Sam.Panel"), keyLinesOfEnquiryChanges: [keyLinesChange],
        milestones: [
            Milestone(event: "reviewCommissioned", date: date("2025-04-07")), Milestone(event: "termsOfReferenceAgreed", date: date("2025-04-24")),
        ],
        deadlines: [t7])

    static let listReviews = Pair(
        request: ReviewManagementAPI.ListReviewsRequest(state: .termsOfReferenceDrafted, overdueOnly: true),
        response: ReviewManagementAPI.ListReviewsResponse(reviews: [
            .init(
                caseReference: reference, state: .termsOfReferenceDrafted, stage: .review, reviewKind: .alternativeLearningReview, nextDeadline: t7,
                overdue: false)
        ]))

    static let termsOfReferenceDocument = Pair(
        request: ReviewManagementAPI.GetTermsOfReferenceDocumentRequest(caseReference: reference, version: 1),
        response: ReviewManagementAPI.TermsOfReferenceDocument(
            caseReference: reference, version: 1, agreed: true, document: "# Terms of Reference\n\nFictional.\n"))
}
