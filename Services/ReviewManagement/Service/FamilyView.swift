import Contract
import WorkingDays

extension Review {
    /// The version in force of every family member, in the order identified.
    var currentFamilyMembers: [ReviewManagementAPI.FamilyMemberVersion] {
        var latest: [ReviewManagementAPI.FamilyMemberVersion] = []
        for version in familyMembers {
            if let index = latest.firstIndex(where: { $0.member == version.member }) { latest[index] = version } else { latest.append(version) }
        }
        return latest
    }

    /// The version in force of member `number`, or nil.
    func currentFamilyMember(_ number: Int) -> ReviewManagementAPI.FamilyMemberVersion? {
        familyMembers.last { $0.member == number }
    }

    /// Where the conversation with member `number` stands: its latest step.
    func familyContactStatus(_ number: Int) -> ReviewManagementAPI.FamilyContactStatus? {
        familyContacts.last { $0.member == number }?.status
    }

    /// The practitioners' workshop as last scheduled, if any.
    var practitionersWorkshop: ReviewManagementAPI.LearningEvent? {
        learningEvents.last { $0.kind == .practitionersWorkshop }
    }

    /// §7.4.1 (a warning, not a refusal): the family conversations should take place before
    /// the practitioners' workshop. Warns when a relevant member was met on or after its date,
    /// or, once the date has come, is still neither met nor recorded as not involved. Names
    /// member numbers only.
    func familyWarnings(_ clock: CaseClock) -> [String] {
        guard let workshop = practitionersWorkshop else { return [] }
        let late = currentFamilyMembers.filter(\.relevant).map(\.member).filter { member in
            let steps = familyContacts.filter { $0.member == member }
            if let met = steps.last(where: { $0.status == .met }) { return met.on >= workshop.date }
            let settled = steps.last.map { $0.status == .declined || $0.status == .notInvolved } ?? false
            return !settled && workshop.date <= clock.today
        }
        guard !late.isEmpty else { return [] }
        return [
            "§7.4.1: the practitioners' workshop (\(workshop.date)) is set before the conversations with family member"
                + (late.count == 1 ? " " : "s ") + late.map(String.init).joined(separator: ", ")
                + "; the family's views should be included alongside the analysis of practice"
        ]
    }

    /// The family for `GetReview`; nil until a member is recorded, so a review without one
    /// reads as before.
    func familyView(_ clock: CaseClock) -> ReviewManagementAPI.FamilyView? {
        guard !familyMembers.isEmpty else { return nil }
        let current = currentFamilyMembers
        let members = current.map { member in
            ReviewManagementAPI.FamilyMemberView(
                current: member, versions: familyMembers.filter { $0.member == member.member }, status: familyContactStatus(member.member),
                contacts: familyContacts.filter { $0.member == member.member })
        }
        let notYetInvited = current.filter { $0.relevant && familyContactStatus($0.member) == nil }.map(\.member)
        let nonInvolvement = current.compactMap { member -> ReviewManagementAPI.NonInvolvement? in
            guard let last = familyContacts.last(where: { $0.member == member.member }),
                last.status == .declined || last.status == .notInvolved, let reason = last.reason
            else { return nil }
            return ReviewManagementAPI.NonInvolvement(member: member.member, relationship: member.relationship, status: last.status, reason: reason)
        }
        return ReviewManagementAPI.FamilyView(
            members: members, notYetInvited: notYetInvited, nonInvolvement: nonInvolvement, warnings: familyWarnings(clock))
    }
}
