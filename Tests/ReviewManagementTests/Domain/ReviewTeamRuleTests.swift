import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// V3, V4 and §1.5.7 on the domain type: the lead reviewer, the notices of their name, the team
/// and the declarations.
@Suite("Lead reviewer and review team: V3, V4, §1.5.7, on the domain type")
struct ReviewTeamRuleTests {
    static let clock = ReviewFixture.clock()
    static let all = ReviewManagementAPI.NoticeRecipient.allCases

    /// A local review with Jo Example appointed.
    static func appointed() throws(ReviewManagementError) -> Review {
        var review = ReviewFixture.commissioned()
        review.leadReviewer = try review.appointingLeadReviewer(Fixtures.appointment(review.reference), by: ReviewFixture.team, clock: clock)
        return review
    }

    static func notices(_ pairs: (ReviewManagementAPI.NoticeRecipient, String)...) -> [ReviewManagementAPI.ReviewerNotice] {
        pairs.map { .init(recipient: $0.0, sentOn: Fixtures.date($0.1)) }
    }

    @Test("§6.1: the lead reviewer is appointed with their independence and conflicts declaration; milestone reviewerAppointed, no name")
    func appoint() throws {
        let review = try Self.appointed()
        #expect(review.leadReviewer?.name == Fixtures.reviewerName)
        #expect(review.leadReviewer?.independence == "Fictional: no role in any agency involved")
        #expect(review.leadReviewer?.conflictsOfInterest == nil)
        #expect(review.leadReviewer?.recordedBy == ReviewFixture.team)
        #expect(review.milestones.map(\.event) == ["reviewCommissioned", "reviewerAppointed"])
        #expect(!"\(review.status(Self.clock))".contains(Fixtures.reviewerName))
    }

    @Test(
        "§6.1, §1.5.7: an appointment is refused without a name, organisation or statement of independence, or dated outside the review",
        arguments: [
            (Change<ReviewManagementAPI.AppointLeadReviewerRequest>("no name") { $0.name = " " }, "name: name the lead reviewer"),
            (Change("no organisation") { $0.organisation = "" }, "organisation: "),
            (Change("no independence statement") { $0.independence = "" }, "independence: §1.5.7: "),
            (Change("before the commission") { $0.appointedOn = Fixtures.date("2025-04-02") }, "appointedOn: 2025-04-02 is not between"),
            (Change("in the future") { $0.appointedOn = Fixtures.date("2025-04-08") }, "appointedOn: 2025-04-08 is not between"),
        ])
    func appointRefused(change: Change<ReviewManagementAPI.AppointLeadReviewerRequest>, prefix: String) {
        let review = ReviewFixture.commissioned()
        let error = refusal { () throws(ReviewManagementError) in
            try review.appointingLeadReviewer(
                change.applied(to: Fixtures.appointment(review.reference)), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "appointed")")
    }

    @Test("V3: a second appointment is refused, and none is made for a national review waiting for the Panel")
    func appointOutOfOrder() throws {
        let review = try Self.appointed()
        let again = refusal { () throws(ReviewManagementError) in
            try review.appointingLeadReviewer(Fixtures.appointment(review.reference), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(again.map(message)?.hasPrefix("V3: a lead reviewer was appointed on 2025-04-04") == true)
        let national = ReviewFixture.commissioned(kind: .nationalReview)
        let waiting = refusal { () throws(ReviewManagementError) in
            try national.appointingLeadReviewer(Fixtures.appointment(national.reference), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(waiting?.rpcError.code == .failedPrecondition)
        #expect(waiting.map(message)?.hasPrefix("V3: no local review is commissioned (state awaitingNationalPanel)") == true)
    }

    @Test("V3: notices to the National Panel, the DfE and Ofsted are due from the appointment; reviewerNotified once all three are sent")
    func v3NoticesDue() throws {
        #expect(ReviewFixture.commissioned().noticesDue.isEmpty, "nothing is due before an appointment")
        var review = try Self.appointed()
        #expect(review.noticesDue == Self.all)
        review.reviewerNotices += try review.recordingReviewerNotices(
            .init(caseReference: review.reference, notices: Self.notices((.ofsted, "2025-04-05"), (.nationalPanel, "2025-04-04"))), clock: Self.clock)
        #expect(review.noticesDue == [.departmentForEducation])
        #expect(!review.milestones.map(\.event).contains("reviewerNotified"))
        review.reviewerNotices += try review.recordingReviewerNotices(
            .init(caseReference: review.reference, notices: Self.notices((.departmentForEducation, "2025-04-07"))), clock: Self.clock)
        #expect(review.noticesDue.isEmpty)
        #expect(
            review.milestones.suffix(2) == [
                Milestone(event: "reviewerAppointed", date: Fixtures.date("2025-04-04")), Milestone(event: "reviewerNotified", date: Fixtures.today),
            ])
        #expect(review.reviewTeamView?.notices.map(\.recipient) == [.ofsted, .nationalPanel, .departmentForEducation])
    }

    @Test(
        "V3: a notice is refused before an appointment, twice for one recipient, with none listed, or dated outside appointment..today",
        arguments: [
            ("no appointment", Self.notices((.ofsted, "2025-04-05")), "V3: no lead reviewer is appointed yet"),
            ("none listed", [], "notices: V3: give each notice sent"),
            ("twice in one call", Self.notices((.ofsted, "2025-04-05"), (.ofsted, "2025-04-06")), "notices[1].recipient: V3: ofsted is named twice"),
            ("already recorded", Self.notices((.nationalPanel, "2025-04-05")), "V3: the notice to nationalPanel was recorded as sent on 2025-04-04"),
            ("before the appointment", Self.notices((.ofsted, "2025-04-03")), "notices[0].sentOn: 2025-04-03 is not between the appointment"),
            ("in the future", Self.notices((.ofsted, "2025-04-08")), "notices[0].sentOn: 2025-04-08 is not between"),
        ])
    func v3NoticeRefused(situation: String, notices: [ReviewManagementAPI.ReviewerNotice], prefix: String) throws {
        var review = situation == "no appointment" ? ReviewFixture.commissioned() : try Self.appointed()
        if situation == "already recorded" { review.reviewerNotices = Self.notices((.nationalPanel, "2025-04-04")) }
        let request = ReviewManagementAPI.RecordReviewerNoticeRequest(caseReference: review.reference, notices: notices)
        let error = refusal { () throws(ReviewManagementError) in try review.recordingReviewerNotices(request, clock: Self.clock) }
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "recorded")")
    }

    @Test(
        "V4: a team without a representative of each safeguarding partner is refused, naming V4 and every missing partner",
        arguments: [
            ([Fixtures.policeMember, Fixtures.healthMember], "local authority"),
            ([Fixtures.localAuthorityMember, Fixtures.healthMember, Fixtures.expertMember], "police"),
            ([Fixtures.localAuthorityMember, Fixtures.policeMember], "health (ICB)"),
            ([Fixtures.expertMember], "local authority, police, health (ICB)"),
        ])
    func v4MissingPartner(members: [ReviewManagementAPI.ReviewTeamRole], missing: String) {
        let review = ReviewFixture.commissioned()
        let error = refusal { () throws(ReviewManagementError) in
            try review.settingReviewTeam(.init(caseReference: review.reference, members: members), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .failedPrecondition)
        #expect(
            error.map(message) == "V4: the review team has no representative of \(missing); add one, or give missingPartnerReason",
            "\(error.map(message) ?? "set")")
    }

    @Test("V4: with a reason a team missing a partner is set, the reason recorded and the missing partner flagged")
    func v4Reason() throws {
        var review = ReviewFixture.commissioned()
        let team = try review.settingReviewTeam(
            .init(
                caseReference: review.reference, members: [Fixtures.localAuthorityMember, Fixtures.policeMember],
                missingPartnerReason: "Fictional: no health involvement"),
            by: ReviewFixture.team, clock: Self.clock)
        #expect(team.partnersNotRepresented == [.health])
        #expect(team.missingPartnerReason == "Fictional: no health involvement")
        review.teams.append(team)
        #expect(review.reviewTeamView?.partnersNotRepresented == [.health])
        #expect(review.milestones.map(\.event) == ["reviewCommissioned", "reviewTeamSet"])
    }

    @Test("V4: a full team is set with no flag; a reason given anyway, an empty team or a member without name, role or agency is refused")
    func v4FullTeam() throws {
        let review = ReviewFixture.commissioned()
        let team = try review.settingReviewTeam(
            .init(caseReference: review.reference, members: Fixtures.fullTeam), by: ReviewFixture.team, clock: Self.clock)
        #expect(team.partnersNotRepresented.isEmpty)
        #expect(team.version == 1)
        let refusals: [(ReviewManagementAPI.SetReviewTeamRequest, String)] = [
            (.init(caseReference: review.reference, members: Fixtures.fullTeam, missingPartnerReason: "x"), "missingPartnerReason: V4: "),
            (.init(caseReference: review.reference, members: []), "members: V4: "),
            (.init(caseReference: review.reference, members: [Fixtures.policeMember, Fixtures.policeMember]), "members[1].name: "),
            (
                .init(caseReference: review.reference, members: [.init(name: "A", role: " ", agency: Fixtures.policeMember.agency)]),
                "members[0].role: "
            ),
            (
                .init(caseReference: review.reference, members: [.init(name: "A", role: "r", agency: Agency(name: "", kind: .police))]),
                "members[0].agency.name: "
            ),
        ]
        for (request, prefix) in refusals {
            let error = refusal { () throws(ReviewManagementError) in try review.settingReviewTeam(request, by: ReviewFixture.team, clock: Self.clock)
            }
            #expect(error?.rpcError.code == .invalidArgument)
            #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "set")")
        }
    }

    @Test("§1.5.7: the review lists the reviewer and the members who have not declared; declaring again keeps both declarations")
    func declarations() throws {
        var review = try Self.appointed()
        review.teams.append(
            try review.settingReviewTeam(
                .init(caseReference: review.reference, members: Fixtures.fullTeam), by: ReviewFixture.team, clock: Self.clock))
        #expect(review.notDeclared == [Fixtures.reviewerName] + Fixtures.fullTeam.map(\.name))
        for person in [Fixtures.reviewerName, " dana sample ", Fixtures.healthMember.name] {
            review.declarations.append(
                try review.recordingDeclaration(Fixtures.declaration(review.reference, person), by: ReviewFixture.team, clock: Self.clock))
        }
        #expect(review.notDeclared == [Fixtures.localAuthorityMember.name, Fixtures.expertMember.name])
        #expect(review.reviewTeamView?.notDeclared == review.notDeclared)
        #expect(review.reviewTeamView?.declarations.count == 3)
        review.declarations.append(
            try review.recordingDeclaration(
                Fixtures.declaration(review.reference, Fixtures.policeMember.name, conflicts: "Fictional: knew the family"), by: ReviewFixture.team,
                clock: Self.clock))
        #expect(review.reviewTeamView?.declarations.map(\.conflictsOfInterest) == [nil, nil, nil, "Fictional: knew the family"])
        #expect(review.notDeclared == [Fixtures.localAuthorityMember.name, Fixtures.expertMember.name])
    }

    @Test(
        "§1.5.7: a declaration is refused without the confidentiality agreement signed, without a person, or dated outside the review",
        arguments: [
            (
                Change<ReviewManagementAPI.RecordDeclarationRequest>("confidentiality not signed") { $0.confidentialityAgreed = false },
                "confidentialityAgreed: §1.5.7: "
            ),
            (Change("no person") { $0.person = "" }, "person: "),
            (Change("in the future") { $0.declaredOn = Fixtures.date("2025-04-08") }, "declaredOn: 2025-04-08 is not between"),
        ])
    func declarationRefused(change: Change<ReviewManagementAPI.RecordDeclarationRequest>, prefix: String) throws {
        let review = try Self.appointed()
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingDeclaration(
                change.applied(to: Fixtures.declaration(review.reference, Fixtures.reviewerName)), by: "x", clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "recorded")")
    }
}
