import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@testable import IntakeService

/// Issue 17, item 7: two cases a person confirmed concern the same child become one. The later
/// case's forms join the earlier case, and the later case is closed as merged, unless its own
/// work has begun.
@Suite("Cases confirmed to be one child are merged (issue 17, item 7)")
struct ChildMatchMergeTests {
    static let referral = Fixture.referral()

    @Test(
        "item 7: the later case is merged only while its own work has not begun",
        arguments: [
            (nil, 0, 0, 0, nil),
            ("2025-03-25", 0, 0, 0, IntakeAPI.NotMergedReason.handedToRapidReview),
            (nil, 1, 0, 0, .scopingStarted),
            (nil, 0, 1, 0, .scopingStarted),
            (nil, 0, 0, 1, .deadlineExtended),
        ] as [(String?, Int, Int, Int, IntakeAPI.NotMergedReason?)])
    func blocker(handedOver: String?, requests: Int, returns: Int, extensions: Int, expected: IntakeAPI.NotMergedReason?) throws {
        let reference = try #require(CaseReference("SURREY-2025-0002"))
        var later = IntakeCase.opened(reference, by: Self.referral)
        later.handedOverOn = handedOver.map(Fixture.date)
        let draft = Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25")
        later.requests = Array(repeating: ScopingRequest(agency: draft.agency, contact: draft.contact, dateSent: draft.dateSent), count: requests)
        later.returns = Array(repeating: Fixture.scopingReturn("Testshire Police", kind: .police, received: "2025-03-26"), count: returns)
        later.extensions = Array(
            repeating: DeadlineExtension(
                rule: .t3, subject: nil, previousDue: Fixture.date("2025-03-31"), newDue: Fixture.date("2025-04-04"), reason: "Fictional",
                agreedOn: Fixture.date("2025-03-26"), agreedBy: "Sam.Panel"), count: extensions)
        #expect(later.mergeBlocker == expected)
    }

    @Test("item 7: the later case's referral joins the earlier case's file; the later case is closed, named as merged, and takes no more work")
    func confirmedMerges() async throws {
        try await RunningIntake.with { intake in
            let staff = TestTokens.staff
            let known = try await intake.submit(Self.referral).caseReference
            var undated = Fixture.child()
            undated.dateOfBirth = nil
            var second = Fixture.referral(child: undated, received: "2025-03-25")
            second.reasonForReferral = "fictional second referral"
            let later = try await intake.submit(second).caseReference

            // Confirmed from the later case's side: the later one still merges into the earlier.
            let decided = try await intake.client.call(
                IntakeAPI.resolveChildMatch, .init(caseReference: later, otherCase: known, sameChild: true), as: staff)
            #expect(decided.match.state == .confirmed)
            #expect(decided.merged == later && decided.mergedInto == known && decided.notMerged == nil)

            let file = try await intake.client.call(IntakeAPI.getCaseFile, .init(caseReference: known), as: staff)
            #expect(file.linkedReferrals.map(\.reasonForReferral) == ["fictional second referral"])
            let merged = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: later), as: staff)
            #expect(merged.mergedInto == known)
            #expect(merged.status.stage == .closed)
            #expect(merged.status.deadlines.isEmpty)
            #expect(merged.status.milestones.map(\.event).contains("mergedIntoEarlierCase"))
            let kept = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: known), as: staff)
            #expect(kept.mergedInto == nil && kept.status.stage == .intake && kept.status.nextStep == nil)

            // The merged case takes no more work; the case it joined does.
            let drafts = [Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-26")]
            let refused = await intake.client.refusal(IntakeAPI.sendScopingRequests, .init(caseReference: later, requests: drafts), as: staff)
            #expect(refused?.code == .failedPrecondition)
            #expect(refused?.message.hasPrefix("R3: case \(later) was merged into \(known)") == true)
            #expect(refused?.message.contains("Quillfeather") == false)
            _ = try await intake.client.call(IntakeAPI.sendScopingRequests, .init(caseReference: known, requests: drafts), as: staff)

            // A further form of the child without a date of birth is flagged against the case that
            // holds the child now, not the merged one.
            let third = try await intake.submit(Fixture.referral(child: undated, received: "2025-03-26")).caseReference
            let flagged = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: third), as: staff)
            #expect(flagged.childMatches?.map(\.otherCase) == [known])
        }
    }

    @Test(
        "item 7: confirmed after the later case's scoping requests handed it to the Rapid Review, the decision is kept, the cases stay apart and the answer says why"
    )
    func startedWorkStaysApart() async throws {
        try await RunningIntake.with { intake in
            let staff = TestTokens.staff
            let known = try await intake.submit(Self.referral).caseReference
            var undated = Fixture.child()
            undated.dateOfBirth = nil
            let later = try await intake.submit(Fixture.referral(child: undated)).caseReference
            _ = try await intake.client.call(
                IntakeAPI.sendScopingRequests,
                .init(caseReference: later, requests: [Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25")]), as: staff)

            let decided = try await intake.client.call(
                IntakeAPI.resolveChildMatch, .init(caseReference: known, otherCase: later, sameChild: true), as: staff)
            #expect(decided.match.state == .confirmed)
            #expect(decided.merged == nil && decided.notMerged == .handedToRapidReview)
            let apart = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: later), as: staff)
            #expect(apart.mergedInto == nil && apart.status.stage == .rapidReview)
            let file = try await intake.client.call(IntakeAPI.getCaseFile, .init(caseReference: known), as: staff)
            #expect(file.linkedReferrals.isEmpty)
        }
    }
}
