import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 10: the outcome goes to the case's actual referrer, as intake handed it over.
@Suite("R10: the outcome shared with the referrer intake named")
struct ReferrerSharingTests {
    /// A case referred by the school (intake's hand-over names it), ratified and ready to submit.
    static func ratified(_ harness: Harness, _ sequence: Int) async throws -> CaseReference {
        let reference = Fixtures.reference(sequence)
        let scenario = Fixtures.Scenario.onTime
        try await harness.open(Fixtures.handOver(reference, referringAgency: Fixtures.school.name))
        try await harness.schedule(reference, on: scenario.meetingDate)
        try await harness.record(Fixtures.meeting(reference, on: scenario.meetingDate))
        try await harness.agree(reference, Fixtures.decision(.localReview))
        try await harness.ratify(reference)
        return reference
    }

    static let today = Fixtures.date(TestDirectory.today)

    /// The fixture's sharing with `referrer` marked instead of the school.
    static func sharing(marking referrer: Agency) -> [RapidReviewAPI.OutcomeShared] {
        Fixtures.agenciesAsked.map { RapidReviewAPI.OutcomeShared(agency: $0.name, date: today, referrer: $0 == referrer) }
    }

    @Test("R10: marking another agency as the referrer is refused; the school that referred the case must be marked")
    func wrongReferrer() async throws {
        try await withHarness { harness in
            let reference = try await Self.ratified(harness, 61)
            try await harness.expectRefused(reference, .invalidArgument, "sharedWith[1].referrer: R10: Testshire Police did not refer the case") {
                try await harness.submit(reference, on: Self.today, sharedWith: Self.sharing(marking: Fixtures.police))
            }
            try await harness.expectRefused(reference, .invalidArgument, "sharedWith[3].referrer: R10: Testtown Primary School referred the case") {
                try await harness.submit(
                    reference, on: Self.today, sharedWith: Fixtures.sharing(on: Self.today).map { .init(agency: $0.agency, date: $0.date) })
            }
            #expect(try await harness.submit(reference, on: Self.today).complete, "the school marked: accepted")
        }
    }

    @Test("R10: the outcome not shared with the referrer at all is refused, naming it")
    func referrerLeftOut() async throws {
        try await withHarness { harness in
            let reference = try await Self.ratified(harness, 62)
            let withoutSchool = Self.sharing(marking: Fixtures.police).filter { $0.agency != Fixtures.school.name }
            try await harness.expectRefused(
                reference, .invalidArgument, "sharedWith: R10: the outcome is shared with the referrer too: Testtown Primary School referred the case"
            ) {
                try await harness.submit(reference, on: Self.today, sharedWith: withoutSchool)
            }
        }
    }
}
