import Contract
import WorkingDays

extension Review {
    /// A family member identified, or a new version of one (`member` given): named, with
    /// their relationship to the child, whether relevant (V5), how they are invited (§7.3.2),
    /// their support needs (§7.1.2) and, for a child, how the child's voice is included.
    /// Errors name fields and member numbers, never names: they are logged.
    func recordingFamilyMember(_ request: ReviewManagementAPI.RecordFamilyMemberRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.FamilyMemberVersion
    {
        try requireLocalReviewForFamily()
        if request.name.isBlank { throw .invalidField(path: "name", rule: nil, problem: "name the family member") }
        if request.relationship.isBlank {
            throw .invalidField(path: "relationship", rule: nil, problem: "give the family member's relationship to the child")
        }
        if let invitation = request.invitation {
            if invitation.route == .inPerson, invitation.practitioner.isBlank {
                throw .invalidField(path: "invitation.practitioner", rule: nil, problem: "§7.3.2: name the practitioner making personal contact")
            }
            if invitation.route == .other, invitation.detail.isBlank {
                throw .invalidField(path: "invitation.detail", rule: nil, problem: "say how the family member is invited")
            }
        }
        if request.child == true, request.childsVoice.isBlank {
            throw .invalidField(path: "childsVoice", rule: nil, problem: "§7.1.2: say how the child's voice is included")
        }
        let number: Int
        let version: Int
        if let member = request.member {
            guard let latest = currentFamilyMember(member) else {
                throw .invalidField(path: "member", rule: nil, problem: "no family member \(member) is recorded for this review")
            }
            (number, version) = (member, latest.version + 1)
        } else {
            if let same = currentFamilyMembers.first(where: { Self.samePerson($0.name, request.name) }) {
                throw .invalidField(path: "name", rule: nil, problem: "already recorded as family member \(same.member); give member to update them")
            }
            (number, version) = ((familyMembers.map(\.member).max() ?? 0) + 1, 1)
        }
        return ReviewManagementAPI.FamilyMemberVersion(
            member: number, version: version, name: request.name, relationship: request.relationship, relevant: request.relevant,
            invitation: request.invitation, supportNeeds: request.supportNeeds, child: request.child,
            childsVoice: request.childsVoice.isBlank ? nil : request.childsVoice, recordedOn: clock.today, recordedBy: principal)
    }

    /// One step of the conversation with a member (§7.3-7.4). A relevant member who declines
    /// or is not involved needs the reason (V5, §7.4.2); accepting, declining or meeting
    /// follow an invitation.
    func recordingFamilyContact(_ request: ReviewManagementAPI.RecordFamilyContactRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.FamilyContact
    {
        let local = try requireLocalReviewForFamily()
        guard let member = currentFamilyMember(request.member) else {
            throw .invalidField(path: "member", rule: nil, problem: "no family member \(request.member) is recorded for this review")
        }
        let reason = request.reason.isBlank ? nil : request.reason
        if member.relevant, reason == nil, request.status == .declined || request.status == .notInvolved {
            throw .outOfOrder(
                rule: .v5,
                problem: "family member \(member.member) is relevant to the review and is marked \(request.status.rawValue) without a reason;"
                    + " give the reason (§7.4.2: every reason for non-involvement is recorded)")
        }
        let invited = familyContacts.contains { $0.member == member.member && $0.status == .invited }
        if !invited, request.status == .accepted || request.status == .declined || request.status == .met {
            throw .outOfOrder(
                rule: .v5,
                problem: "family member \(member.member) has not been invited; record the invitation before they are \(request.status.rawValue)")
        }
        guard request.on >= local.decidedOn, request.on <= clock.today else {
            throw .invalidField(
                path: "on", rule: nil,
                problem: "\(request.on) is not between the decision to commission (\(local.decidedOn)) and today (\(clock.today))")
        }
        return ReviewManagementAPI.FamilyContact(member: member.member, status: request.status, on: request.on, reason: reason, recordedBy: principal)
    }

    /// A learning event scheduled, on or after the decision to commission (§8.8).
    func schedulingLearningEvent(_ request: ReviewManagementAPI.ScheduleLearningEventRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.LearningEvent
    {
        let local = try requireLocalReviewForFamily()
        if request.date < local.decidedOn {
            throw .invalidField(path: "date", rule: nil, problem: "\(request.date) is before the decision to commission (\(local.decidedOn))")
        }
        try Self.checkArrangements(request)
        return ReviewManagementAPI.LearningEvent(
            kind: request.kind, date: request.date, scheduledOn: clock.today, scheduledBy: principal, startsAt: request.startsAt,
            endsAt: request.endsAt, venue: request.venue.isBlank ? nil : request.venue, feedbackSessionDate: request.feedbackSessionDate)
    }

    /// The review commissioned locally: the family is involved in a local review only.
    @discardableResult
    private func requireLocalReviewForFamily() throws(ReviewManagementError) -> LocalCommission {
        if let localCommission { return localCommission }
        throw .outOfOrder(rule: .v5, problem: "no local review is commissioned (state \(state.rawValue)): the family is invited to a local review")
    }
}
