import Contract
import WorkingDays

/// Obviously fictional family members (no real person's name), for V5 and §7.
extension Fixtures {
    static let parentName = "Zedora Fictionalparent"
    static let siblingName = "Quillon Madeupsibling"

    /// The child's (fictional) mother, relevant, invited by letter (Appendix 7), needing an interpreter.
    static func parent(_ reference: CaseReference, member: Int? = nil) -> ReviewManagementAPI.RecordFamilyMemberRequest {
        .init(
            caseReference: reference, member: member, name: parentName, relationship: "mother", relevant: true,
            invitation: .init(route: .letter), supportNeeds: .init(interpreterLanguage: "Fictionese", advocate: true))
    }

    /// A surviving sibling, relevant, seen in person by a named practitioner, their voice through play work.
    static func sibling(_ reference: CaseReference) -> ReviewManagementAPI.RecordFamilyMemberRequest {
        .init(
            caseReference: reference, name: siblingName, relationship: "sibling", relevant: true,
            invitation: .init(route: .inPerson, practitioner: "Fictional social worker"), child: true,
            childsVoice: "Fictional: play-based session with their social worker")
    }

    /// A step of member `member`'s conversation on `on`.
    static func contact(
        _ reference: CaseReference, _ member: Int, _ status: ReviewManagementAPI.FamilyContactStatus, on: String = todayText, reason: String? = nil
    ) -> ReviewManagementAPI.RecordFamilyContactRequest {
        .init(caseReference: reference, member: member, status: status, on: date(on), reason: reason)
    }
}
