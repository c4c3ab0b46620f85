import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the family and learning event messages, every field filled.
extension Samples {
    static let familyMemberVersion = ReviewManagementAPI.FamilyMemberVersion(
        member: 2, version: 1, name: "Quillon Madeupsibling", relationship: "sibling", relevant: true,
        invitation: .init(route: .inPerson, practitioner: "Fictional social worker", detail: "Fictional: at the foster home"),
        supportNeeds: .init(interpreterLanguage: "Fictionese", advocate: true, accessibility: "Fictional: step-free access", other: "Fictional"),
        child: true, childsVoice: "Fictional: play-based session", recordedOn: date("2025-04-12"), recordedBy: "Rev.Team")

    static let familyWarning =
        "§7.4.1: the practitioners' workshop (2025-04-20) is set before the conversations with family member 2; the family's views should be included alongside the analysis of practice"

    static let recordFamilyMember = Pair(
        request: ReviewManagementAPI.RecordFamilyMemberRequest(
            caseReference: reference, member: 2, name: familyMemberVersion.name, relationship: "sibling", relevant: true,
            invitation: familyMemberVersion.invitation, supportNeeds: familyMemberVersion.supportNeeds, child: true,
            childsVoice: "Fictional: play-based session"),
        response: ReviewManagementAPI.RecordFamilyMemberResponse(caseReference: reference, member: familyMemberVersion, warnings: [familyWarning]))

    static let familyContact = ReviewManagementAPI.FamilyContact(
        member: 2, status: .notInvolved, on: date("2025-04-14"), reason: "Fictional: a parallel investigation", recordedBy: "Rev.Team")

    static let recordFamilyContact = Pair(
        request: ReviewManagementAPI.RecordFamilyContactRequest(
            caseReference: reference, member: 2, status: .notInvolved, on: date("2025-04-14"), reason: "Fictional: a parallel investigation"),
        response: ReviewManagementAPI.RecordFamilyContactResponse(caseReference: reference, contact: familyContact, warnings: [familyWarning]))

    static let learningEvent = ReviewManagementAPI.LearningEvent(
        kind: .practitionersWorkshop, date: date("2025-04-20"), scheduledOn: date("2025-04-12"), scheduledBy: "Rev.Team")

    static let scheduleLearningEvent = Pair(
        request: ReviewManagementAPI.ScheduleLearningEventRequest(caseReference: reference, kind: .practitionersWorkshop, date: date("2025-04-20")),
        response: ReviewManagementAPI.ScheduleLearningEventResponse(caseReference: reference, event: learningEvent, warnings: [familyWarning]))

    /// `GetReview` with the family and a learning event recorded.
    static let reviewWithFamily: ReviewManagementAPI.Review = {
        var review = Samples.review
        review.family = ReviewManagementAPI.FamilyView(
            members: [.init(current: familyMemberVersion, versions: [familyMemberVersion], status: .notInvolved, contacts: [familyContact])],
            notYetInvited: [],
            nonInvolvement: [.init(member: 2, relationship: "sibling", status: .notInvolved, reason: "Fictional: a parallel investigation")],
            warnings: [familyWarning])
        review.learningEvents = [learningEvent]
        return review
    }()
}
