import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@testable import RapidReviewService

/// Issue 15, item 8: R1 judged against the partnership's partners by name, not the kind a
/// participant declares.
@Suite("R1: quorum against the partnership's configured safeguarding partners")
struct PartnerQuorumTests {
    static let clock = CaseClock(today: Fixtures.date(TestDirectory.today), calendar: WorkingCalendar())

    /// The fixture's meeting with `health` in place of the ICB's designated nurse.
    static func meeting(_ rapidReview: RapidReviewCase, health: Participant) -> RapidReviewAPI.RecordMeetingRequest {
        var request = Fixtures.meeting(rapidReview.reference, on: Fixtures.Scenario.onTime.meetingDate)
        request.participants = request.participants.map { $0.partnerKind == .health ? health : $0 }
        request.omissions =
            request.participants.contains { $0.agency == Fixtures.icb.name }
            ? [] : [Omission(agency: Fixtures.icb.name, reason: "Fictional: no one from the ICB was free")]
        return request
    }

    @Test(
        "R1: an NHS trust's nurse is health but not the ICB, and a declared kind is not a partner; the ICB's former CCG name counts",
        arguments: [
            (Participant(name: "Chris Dummy", role: "Ward Sister", agency: "Testshire Hospitals Trust", partnerKind: .health), [PartnerKind.health]),
            (Participant(name: "Chris Dummy", role: "Designated Nurse", agency: "Testtown Primary School", partnerKind: .health), [.health]),
            (Participant(name: "Chris Dummy", role: "Designated Nurse", agency: "Testshire CCG", partnerKind: .health), []),
            (Participant(name: "Chris Dummy", role: "Designated Nurse", agency: "Testshire Integrated Care Board", partnerKind: .other), []),
        ])
    func r1ByName(health: Participant, missing: [PartnerKind]) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        let recorded = try rapidReview.recordingMeeting(Self.meeting(rapidReview, health: health), by: CaseFixture.panel, clock: Self.clock)
        #expect(recorded.missingPartners == missing)
        #expect(recorded.quorate == missing.isEmpty)
    }

    @Test("R1: partners configured by name (CSPR_SAFEGUARDING_PARTNERS): the configured ICB or its CCG name counts, another trust does not")
    func configured() throws {
        let settings = try RapidReviewSettings.load(environment: [
            "CSPR_SAFEGUARDING_PARTNERS": "localAuthority = Testshire Borough Council; police = Testshire Constabulary; health = NHS Vale ICB"
        ])
        let partners = try #require(settings.partners)
        #expect(
            partners.represented(by: ["Testshire Borough Council", "testshire  constabulary", "NHS Vale CCG"]) == [.localAuthority, .police, .health])
        #expect(partners.represented(by: ["Testshire Children's Services", "Testshire Police", "Testshire ICB"]).isEmpty)
        let error = #expect(throws: ConfigurationError.self) {
            try RapidReviewSettings.load(environment: ["CSPR_SAFEGUARDING_PARTNERS": "la=Testshire Borough Council;police=Testshire Constabulary"])
        }
        #expect(error?.description == "CSPR_SAFEGUARDING_PARTNERS: names no health partner; R1 needs all three")
        #expect(throws: ConfigurationError.self) {
            try RapidReviewSettings.load(environment: ["CSPR_SAFEGUARDING_PARTNERS": "fire=Testshire Fire and Rescue"])
        }
    }

    @Test("R1 through RecordMeeting: with the partners configured by name, the fixture's Testshire agencies are not a quorum")
    func configuredService() async throws {
        let directory = try TestDirectory.rapidReview()
        let intake = try DisclosureCheckingIntake()
        let service = try await startInProcess(
            RapidReviewService.definition, directory, peers: [.reviewManagement: try freePort(), .intake: intake.port],
            extra: ["CSPR_SAFEGUARDING_PARTNERS": "la=Testshire Borough Council;police=Testshire Police;icb=NHS Vale ICB"])
        let client = RPCClient(host: "127.0.0.1", port: service.port)
        try await withStopping(
            service,
            stop: {
                await $0.stop(grace: .seconds(1))
                await intake.stop()
            }
        ) { _ in
            let reference = Fixtures.reference(51)
            var open = Metadata()
            open.add("idempotency-key", "intake/OpenRapidReview/\(reference)")
            open.add("authorization", "Bearer \(TestTokens.service(.intake))")
            _ = try await client.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(reference), deadline: .seconds(10), metadata: open)
            let date = Fixtures.Scenario.onTime.meetingDate
            _ = try await client.call(
                RapidReviewAPI.scheduleMeeting, .init(caseReference: reference, date: date, format: .faceToFace), deadline: .seconds(10),
                metadata: bearer(TestTokens.staff))
            let recorded = try await client.call(
                RapidReviewAPI.recordMeeting, Fixtures.meeting(reference, on: date), deadline: .seconds(10), metadata: bearer(TestTokens.panel))
            #expect(!recorded.quorate)
            #expect(recorded.missingPartners == [.localAuthority, .health])
        }
    }
}
