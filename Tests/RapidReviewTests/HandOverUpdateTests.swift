import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 1: intake's `UpdateRapidReview` keeps the Rapid Review's copy of the case
/// current after the open.
@Suite("UpdateRapidReview: the Rapid Review works from intake's latest copy")
struct HandOverUpdateTests {
    static let hospital = Agency(name: "Testshire Hospitals Trust", kind: .health)

    /// intake's update of the on-time case: notified to the National Panel on 26 March, the
    /// hospital trust asked in a later batch, the police's form returned.
    static func update(_ reference: CaseReference, revision: Int, notified: CivilDate? = Fixtures.date("2025-03-26"))
        -> RapidReviewAPI.UpdateRapidReviewRequest
    {
        RapidReviewAPI.UpdateRapidReviewRequest(
            caseReference: reference, revision: revision, notifiedNationalPanel: notified, laBecameAware: Fixtures.date("2025-03-21"),
            rapidReviewDue: Fixtures.date("2025-04-16"),
            documentation: ["referral", "LA notification", "scoping return: Testshire Police"],
            agenciesAsked: Fixtures.agenciesAsked + [hospital], referringAgency: Fixtures.school.name)
    }

    static func t6(_ harness: Harness, _ reference: CaseReference) async throws -> CivilDate? {
        try await harness.rapidReview(reference).deadlines.first { $0.rule == .t6 }?.due
    }

    @Test("T6, wt-2023: a notification recorded after the open moves T6 to 15 working days from the National Panel's notification")
    func t6MovedByLaterNotification() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(31)
            try await harness.open(Fixtures.handOver(reference, ruleSet: .workingTogether2023))
            #expect(try await Self.t6(harness, reference) == Fixtures.date("2025-04-14"), "no notification yet: the referral's receipt stands in")

            #expect(try await harness.update(Self.update(reference, revision: 1)).applied)
            #expect(try await Self.t6(harness, reference) == Fixtures.date("2025-04-16"))
            let view = try await harness.rapidReview(reference)
            #expect(view.handOver.notifiedNationalPanel == Fixtures.date("2025-03-26"))
            #expect(view.handOver.documentation.contains("scoping return: Testshire Police"), "R3: the returned forms reach the meeting")
            #expect(view.handOver.agenciesAsked.contains(Self.hospital))
        }
    }

    @Test("UpdateRapidReview: once per key (a replay answers the first reply), an older revision changes nothing, none before the open")
    func onceAndInOrder() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(32)
            try await harness.expectNotOpen(reference) { try await harness.update(Self.update(reference, revision: 1)) }
            try await harness.open(Fixtures.handOver(reference, ruleSet: .workingTogether2023))
            #expect(try await harness.update(Self.update(reference, revision: 2)).applied)
            #expect(try await harness.update(Self.update(reference, revision: 2)).applied, "a replay answers the first reply")
            // Revision 1, overtaken by 2 (delivered late under its own key): not applied.
            let stale = try await harness.update(Self.update(reference, revision: 1, notified: Fixtures.date("2025-03-31")))
            #expect(!stale.applied)
            #expect(try await Self.t6(harness, reference) == Fixtures.date("2025-04-16"))
        }
    }

    @Test("R2: an agency asked in a later batch must be at the meeting or its omission explained")
    func laterBatchExpectedAtMeeting() async throws {
        try await withCase(33, through: .scheduled) { harness, reference in
            try await harness.update(Self.update(reference, revision: 1))
            try await harness.expectRefused(reference, .invalidArgument, "omissions: R2: Testshire Hospitals Trust was asked for scoping") {
                try await harness.record(Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate))
            }
        }
    }
}

extension Harness {
    /// Runs a call that must be refused NOT_FOUND because no Rapid Review is open for `reference`.
    func expectNotOpen(_ reference: CaseReference, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void) async throws {
        let error = await captureRPCError(body)
        #expect(error?.code == .notFound, "\(error?.description ?? "not refused")", sourceLocation: sourceLocation)
    }
}
