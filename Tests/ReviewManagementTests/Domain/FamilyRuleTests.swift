import Contract
import RPC
import Testing
import WorkingDays

@testable import ReviewManagementService

/// V5 and §7.4.1 on the domain type: family members, their conversations, the reasons for
/// non-involvement and the warning about the practitioners' workshop.
@Suite("The family's involvement: V5, §7.4.1, on the domain type")
struct FamilyRuleTests {
    static let clock = ReviewFixture.clock()

    /// A local review with the parent (member 1) recorded, and `steps` of their conversation.
    static func withParent(_ steps: [ReviewManagementAPI.FamilyContactStatus] = []) throws(ReviewManagementError) -> Review {
        var review = ReviewFixture.commissioned()
        review.familyMembers.append(try review.recordingFamilyMember(Fixtures.parent(review.reference), by: ReviewFixture.team, clock: clock))
        for status in steps {
            review.familyContacts.append(
                try review.recordingFamilyContact(
                    Fixtures.contact(review.reference, 1, status, on: "2025-04-04", reason: "Fictional reason"), by: ReviewFixture.team,
                    clock: clock))
        }
        return review
    }

    @Test(
        "V5: a relevant member declined or not involved without a reason is refused naming V5 and the member (by number)",
        arguments: [(ReviewManagementAPI.FamilyContactStatus.declined, [ReviewManagementAPI.FamilyContactStatus.invited]), (.notInvolved, [])])
    func v5ReasonRequired(status: ReviewManagementAPI.FamilyContactStatus, before: [ReviewManagementAPI.FamilyContactStatus]) throws {
        let review = try Self.withParent(before)
        for reason in [nil, "  "] {
            let error = refusal { () throws(ReviewManagementError) in
                try review.recordingFamilyContact(
                    Fixtures.contact(review.reference, 1, status, reason: reason), by: ReviewFixture.team, clock: Self.clock)
            }
            #expect(error?.rpcError.code == .failedPrecondition)
            #expect(
                error.map(message)?.hasPrefix("V5: family member 1 is relevant to the review and is marked \(status.rawValue) without a reason")
                    == true)
            #expect(error.map(message)?.contains(Fixtures.parentName) == false, "an error names the member")
        }
        let recorded = try review.recordingFamilyContact(
            Fixtures.contact(review.reference, 1, status, reason: "Fictional: a parallel investigation"), by: ReviewFixture.team, clock: Self.clock)
        #expect(recorded.reason == "Fictional: a parallel investigation")
    }

    @Test("V5: a member not relevant to the review may be not involved without a reason")
    func v5NotRelevant() throws {
        var review = ReviewFixture.commissioned()
        var request = Fixtures.parent(review.reference)
        request.relevant = false
        review.familyMembers.append(try review.recordingFamilyMember(request, by: ReviewFixture.team, clock: Self.clock))
        let contact = try review.recordingFamilyContact(
            Fixtures.contact(review.reference, 1, .notInvolved), by: ReviewFixture.team, clock: Self.clock)
        #expect(contact.reason == nil)
    }

    @Test(
        "RecordFamilyMember and RecordFamilyContact refuse missing or wrong fields, naming the field and never the member",
        arguments: [
            (Change<ReviewManagementAPI.RecordFamilyMemberRequest>("no name") { $0.name = " " }, "name: name the family member"),
            (Change("no relationship") { $0.relationship = "" }, "relationship: "),
            (Change("in person, no practitioner") { $0.invitation = .init(route: .inPerson) }, "invitation.practitioner: §7.3.2: "),
            (Change("other route, no detail") { $0.invitation = .init(route: .other) }, "invitation.detail: "),
            (Change("a child, no voice") { $0.child = true }, "childsVoice: §7.1.2: "),
            (Change("an unknown member") { $0.member = 7 }, "member: no family member 7"),
            (Change("the same person again") { $0.member = nil }, "name: already recorded as family member 1"),
        ])
    func memberRefused(change: Change<ReviewManagementAPI.RecordFamilyMemberRequest>, prefix: String) throws {
        let review = try Self.withParent()
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingFamilyMember(
                change.applied(to: Fixtures.parent(review.reference, member: 1)), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error?.rpcError.code == .invalidArgument)
        #expect(error.map(message)?.hasPrefix(prefix) == true, "\(error.map(message) ?? "accepted")")
        #expect(error.map(message)?.contains(Fixtures.parentName) == false)
    }

    @Test("a member's new version keeps the earlier one; accepting or meeting before an invitation is refused (V5)")
    func versionsAndOrder() throws {
        var review = try Self.withParent()
        var update = Fixtures.parent(review.reference, member: 1)
        update.invitation = .init(route: .policeFamilyLiaison)
        review.familyMembers.append(try review.recordingFamilyMember(update, by: ReviewFixture.team, clock: Self.clock))
        #expect(review.familyMembers.map(\.version) == [1, 2])
        #expect(review.currentFamilyMembers.map(\.invitation?.route) == [.policeFamilyLiaison])
        let error = refusal { () throws(ReviewManagementError) in
            try review.recordingFamilyContact(Fixtures.contact(review.reference, 1, .met), by: ReviewFixture.team, clock: Self.clock)
        }
        #expect(error.map(message)?.hasPrefix("V5: family member 1 has not been invited") == true)
    }

    @Test(
        "§7.4.1: a warning, not a refusal, when the practitioners' workshop is set before the family conversations; none when after",
        arguments: [
            ("2025-04-05", ["2025-04-04"], false), ("2025-04-04", ["2025-04-04"], true), ("2025-04-03", ["2025-04-04"], true),
            ("2025-04-06", [], true), ("2025-05-01", [], false), ("2025-04-06", ["notInvolved"], false),
        ])
    func workshopWarning(workshop: String, met: [String], warns: Bool) throws {
        var review = try Self.withParent([.invited])
        for entry in met {
            let status: ReviewManagementAPI.FamilyContactStatus = entry == "notInvolved" ? .notInvolved : .met
            let on = entry == "notInvolved" ? "2025-04-05" : entry
            review.familyContacts.append(
                try review.recordingFamilyContact(
                    Fixtures.contact(review.reference, 1, status, on: on, reason: "Fictional reason"), by: ReviewFixture.team, clock: Self.clock))
        }
        review.learningEvents.append(
            try review.schedulingLearningEvent(
                .init(caseReference: review.reference, kind: .practitionersWorkshop, date: Fixtures.date(workshop)), by: ReviewFixture.team,
                clock: Self.clock))
        let warnings = review.familyWarnings(Self.clock)
        #expect(warnings.isEmpty == !warns, "\(warnings)")
        if warns {
            #expect(
                warnings.first?.hasPrefix("§7.4.1: the practitioners' workshop (\(workshop)) is set before the conversations with family member 1")
                    == true)
        }
        #expect(review.familyView(Self.clock)?.warnings == warnings)
        #expect(!warnings.joined().contains(Fixtures.parentName))
    }
}
