import Contract
import WorkingDays

extension Review {
    /// The partners appoint the lead reviewer, who declares their independence and any
    /// conflicts of interest (§6.1, §1.5.7). One appointment per review, kept as recorded.
    func appointingLeadReviewer(_ request: ReviewManagementAPI.AppointLeadReviewerRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.LeadReviewerAppointment
    {
        let local = try requireLocalReview(.v3)
        if let leadReviewer {
            throw .outOfOrder(rule: .v3, problem: "a lead reviewer was appointed on \(leadReviewer.appointedOn); the appointment is kept as recorded")
        }
        if request.name.isBlank { throw .invalidField(path: "name", rule: nil, problem: "name the lead reviewer") }
        if request.organisation.isBlank { throw .invalidField(path: "organisation", rule: nil, problem: "name the lead reviewer's organisation") }
        if request.independence.isBlank {
            throw .invalidField(path: "independence", rule: nil, problem: "§1.5.7: the lead reviewer states their independence from the case")
        }
        try Self.check(request.appointedOn, path: "appointedOn", after: local.decidedOn, "the decision to commission", today: clock.today)
        return ReviewManagementAPI.LeadReviewerAppointment(
            name: request.name, organisation: request.organisation, appointedOn: request.appointedOn, independence: request.independence,
            conflictsOfInterest: request.conflictsOfInterest.isBlank ? nil : request.conflictsOfInterest, recordedBy: principal)
    }

    /// Notices of the reviewer's name sent to the National Panel, the DfE and Ofsted (V3,
    /// §6.1.2): after the appointment, each recipient once, each dated.
    func recordingReviewerNotices(_ request: ReviewManagementAPI.RecordReviewerNoticeRequest, clock: CaseClock) throws(ReviewManagementError)
        -> [ReviewManagementAPI.ReviewerNotice]
    {
        guard let leadReviewer else {
            throw .outOfOrder(rule: .v3, problem: "no lead reviewer is appointed yet (AppointLeadReviewer); the notice gives their name")
        }
        if request.notices.isEmpty {
            throw .invalidField(path: "notices", rule: .v3, problem: "give each notice sent: the recipient and the date")
        }
        for (index, notice) in request.notices.enumerated() {
            if request.notices[..<index].contains(where: { $0.recipient == notice.recipient }) {
                throw .invalidField(path: "notices[\(index)].recipient", rule: .v3, problem: "\(notice.recipient.rawValue) is named twice")
            }
            if let sent = reviewerNotices.first(where: { $0.recipient == notice.recipient }) {
                throw .outOfOrder(
                    rule: .v3, problem: "the notice to \(notice.recipient.rawValue) was recorded as sent on \(sent.sentOn); it is kept as recorded")
            }
            try Self.check(notice.sentOn, path: "notices[\(index)].sentOn", after: leadReviewer.appointedOn, "the appointment", today: clock.today)
        }
        return request.notices
    }

    /// The review team, a new version each time: members named with their role and agency,
    /// and a representative of each safeguarding partner unless the reason one is missing is
    /// given, which is recorded and flagged (V4, §6.2.1).
    func settingReviewTeam(_ request: ReviewManagementAPI.SetReviewTeamRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.ReviewTeamVersion
    {
        try requireLocalReview(.v4)
        if request.members.isEmpty { throw .invalidField(path: "members", rule: .v4, problem: "name the members of the review team") }
        for (index, member) in request.members.enumerated() {
            if member.name.isBlank { throw .invalidField(path: "members[\(index)].name", rule: nil, problem: "name the member") }
            if member.role.isBlank { throw .invalidField(path: "members[\(index)].role", rule: nil, problem: "give the member's role on the team") }
            if member.agency.name.isBlank {
                throw .invalidField(path: "members[\(index)].agency.name", rule: nil, problem: "name the agency the member represents")
            }
            if request.members[..<index].contains(where: { Self.samePerson($0.name, member.name) }) {
                throw .invalidField(path: "members[\(index)].name", rule: nil, problem: "the member is named twice")
            }
        }
        let missing = PartnerKind.safeguardingPartners.filter { partner in !request.members.contains { $0.agency.kind == partner } }
        let reason = request.missingPartnerReason.isBlank ? nil : request.missingPartnerReason
        if !missing.isEmpty, reason == nil {
            throw .outOfOrder(
                rule: .v4,
                problem: "the review team has no representative of " + missing.map(Self.partnerName).joined(separator: ", ")
                    + "; add one, or give missingPartnerReason")
        }
        if missing.isEmpty, reason != nil {
            throw .invalidField(path: "missingPartnerReason", rule: .v4, problem: "every safeguarding partner is represented; leave it out")
        }
        return ReviewManagementAPI.ReviewTeamVersion(
            version: teams.count + 1, members: request.members, partnersNotRepresented: missing, missingPartnerReason: reason, setOn: clock.today,
            setBy: principal)
    }

    /// One participant's declaration of conflicts of interest, with the confidentiality
    /// agreement signed (§1.5.7). A later declaration by the same person supersedes it.
    func recordingDeclaration(_ request: ReviewManagementAPI.RecordDeclarationRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.Declaration
    {
        if request.person.isBlank { throw .invalidField(path: "person", rule: nil, problem: "name the person declaring") }
        if !request.confidentialityAgreed {
            throw .invalidField(
                path: "confidentialityAgreed", rule: nil,
                problem: "§1.5.7: everyone taking part signs the confidentiality agreement; record the declaration once it is signed")
        }
        try Self.check(request.declaredOn, path: "declaredOn", after: commission.decisionDate, "the Rapid Review's decision", today: clock.today)
        return ReviewManagementAPI.Declaration(
            person: request.person, conflictsOfInterest: request.conflictsOfInterest.isBlank ? nil : request.conflictsOfInterest,
            confidentialityAgreed: true, declaredOn: request.declaredOn, recordedBy: principal)
    }

    /// The review commissioned locally; a step of the team belongs to no other (`rule` names it).
    @discardableResult
    private func requireLocalReview(_ rule: FrameworkRule) throws(ReviewManagementError) -> LocalCommission {
        if let localCommission { return localCommission }
        throw .outOfOrder(rule: rule, problem: "no local review is commissioned (state \(state.rawValue)): a lead reviewer and team belong to one")
    }

    /// `date` lies between `earliest` (what it is named) and today.
    private static func check(_ date: CivilDate, path: String, after earliest: CivilDate, _ what: String, today: CivilDate)
        throws(ReviewManagementError)
    {
        guard date >= earliest, date <= today else {
            throw .invalidField(path: path, rule: nil, problem: "\(date) is not between \(what) (\(earliest)) and today (\(today))")
        }
    }

    /// A safeguarding partner as the framework names it.
    static func partnerName(_ partner: PartnerKind) -> String {
        switch partner {
        case .localAuthority: "local authority"
        case .police: "police"
        case .health: "health (ICB)"
        case .other: "other"
        }
    }

    /// Two names of one person: the same letters, ignoring case and surrounding space.
    static func samePerson(_ one: String, _ other: String) -> Bool {
        one.trimmingCharacters(in: .whitespaces).lowercased() == other.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
