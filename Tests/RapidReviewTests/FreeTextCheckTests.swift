import Contract
import Foundation
import IntakeService
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 13: rapid-review's free text is checked for the family's details through
/// intake's `CheckDisclosure`, rapid-review calling as itself, before it is stored and before
/// `CommissionReview` forwards it. Against a real intake in this process where the test is
/// about the check.
@Suite("P4: the free text checked by intake")
struct FreeTextCheckTests {
    static let child = Person(name: "Zebedee Quillfeather", alsoKnownAs: ["Zeb Q"], dateOfBirth: Fixtures.date("2019-03-01"))

    /// A fictional referral naming the child and the child's mother.
    static let referral = Referral(
        child: ChildDetails(
            person: child, gender: "male", ethnicOrigin: "not recorded", lookedAfter: false,
            incident: Incident(kind: .seriousHarm, date: Fixtures.date("2025-03-20"), location: "Testtown", carerAtTime: "mother")),
        dateOfReferral: Fixtures.date("2025-03-24"), dateReceived: Fixtures.date("2025-03-24"),
        referrer: Contact(name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, DSL"),
        safeguardingLeadConsulted: Contact(name: "Dana Sample", agencyAndDesignation: "Testshire Police, Detective Inspector"),
        familyMembers: [
            FamilyMember(
                person: Person(name: "Marigold Quillfeather", dateOfBirth: Fixtures.date("1990-07-08")), relationshipToChild: "mother",
                legalStatus: "parental responsibility")
        ],
        agenciesInvolved: [
            AgencyInvolvement(agency: Fixtures.localAuthority, reasonForInvolvement: "known to the family", current: true)
        ],
        caseBackground: "fictional background", reasonForReferral: "fictional reason",
        keyEvents: [KeyEvent(date: Fixtures.date("2025-03-20"), event: "admitted to hospital")])

    /// A real intake holding the referral, and rapid-review with the case open and its meeting
    /// scheduled, asking that intake.
    static func withIntake(_ body: (Harness, CaseReference) async throws -> Void) async throws {
        // The directory lives as long as intake does (its deinit removes the database).
        let directory = try TestDirectory.rapidReview()
        let intake = try await startInProcess(IntakeService.definition, directory, peers: [.rapidReview: try freePort()])
        try await withStopping(intake, stop: { await $0.stop(grace: .seconds(1)) }) { intake in
            defer { withExtendedLifetime(directory) {} }
            let reference = try await RPCClient(host: "127.0.0.1", port: intake.port).call(
                IntakeAPI.submitReferral, .init(referral: Self.referral), as: TestTokens.staff, deadline: .seconds(10)
            ).caseReference
            try await withHarness(intakePort: intake.port) { harness in
                try await harness.prepare(reference, through: .scheduled)
                try await body(harness, reference)
            }
        }
    }

    @Test(
        "P4: a meeting naming the child's mother and the child's date of birth is refused with each field and position, never the text; nothing is stored"
    )
    func meetingRefused() async throws {
        try await Self.withIntake { harness, reference in
            var meeting = Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate)
            meeting.caseSummary = "Fictional: Marigold Quillfeather took the child to hospital."
            meeting.discussion.keyIssues = "Fictional: agencies knew of the injury.\nThe child, born 1 March 2019, was seen twice."
            try await harness.expectRefused(reference, .failedPrecondition, "P4: intake's CheckDisclosure found the family's details") {
                _ = try await harness.record(meeting)
            }
            let refusal = await captureRPCError { _ = try await harness.record(meeting) }
            let message = try #require(refusal?.message)
            #expect(message.contains("caseSummary at byte 11, line 1, 21 bytes (name of the mother)"), "\(message)")
            #expect(message.contains("discussion.keyIssues at byte 56, line 2, 12 bytes (dateOfBirth of the child)"), "\(message)")
            for datum in ["Marigold", "Quillfeather", "1 March 2019"] { #expect(!message.contains(datum)) }
            // A clean record goes through: rapid-review asked intake as itself, and intake answered.
            let recorded = try await harness.record(Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate))
            #expect(recorded.quorate)
        }
    }

    @Test("P4: a recommendation whose reasons use the child's other name is refused naming decision.reasons; a clean one is agreed")
    func recommendationRefused() async throws {
        try await Self.withIntake { harness, reference in
            try await harness.record(Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate))
            var decision = Fixtures.decision(.localReview)
            decision.reasons = "Fictional: Zeb Q was known to three agencies."
            try await harness.expectRefused(reference, .failedPrecondition, "P4:") {
                let refusal = await captureRPCError { try await harness.agree(reference, decision) }
                #expect(refusal?.message.contains("decision.reasons at byte 11, line 1") == true, "\(refusal?.message ?? "")")
                #expect(refusal?.message.contains("Zeb") == false)
                if let refusal { throw refusal }
            }
            let agreed = try await harness.agree(reference, Fixtures.decision(.localReview))
            #expect(agreed.state == .awaitingRatification)
        }
    }

    @Test("P4: intake unavailable refuses the meeting UNAVAILABLE naming intake, and nothing is stored")
    func intakeUnavailable() async throws {
        try await withHarness(intakePort: try freePort()) { harness in
            let reference = Fixtures.reference(41)
            try await harness.prepare(reference, through: .scheduled)
            try await harness.expectRefused(reference, .unavailable, "P4: intake did not answer CheckDisclosure") {
                _ = try await harness.record(Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate))
            }
            #expect(try await harness.pendingHandOvers(to: .intake).isEmpty, "no meeting held was handed over")
        }
    }

    @Test("P4: what CommissionReview forwards is checked again at ratification; a finding refuses it and nothing is forwarded")
    func forwardedTextCheckedAgain() async throws {
        let receiverPort = try freePort()
        try await withHarness(reviewManagementPort: receiverPort) { harness in
            let intake = try #require(harness.intake)
            let reference = Fixtures.reference(42)
            try await harness.prepare(reference, through: .recommended)
            let asked = intake.timesAsked
            #expect(asked == 2, "the meeting and the recommendation were checked before they were stored")
            // intake has learnt of more of the family since the meeting (fictional).
            intake.hold("information sharing")
            try await harness.expectRefused(reference, .failedPrecondition, "P4:") {
                let refusal = await captureRPCError { _ = try await harness.ratify(reference) }
                #expect(refusal?.message.contains("discussion.keyIssues at byte 11, line 1") == true, "\(refusal?.message ?? "")")
                if let refusal { throw refusal }
            }
            #expect(try await harness.pendingHandOvers(to: .reviewManagement).isEmpty, "nothing was forwarded")
        }
    }

    @Test("P4: a ratification that forwards nothing (h, i: the case closes here) does not ask intake")
    func closedPathNotChecked() async throws {
        try await withHarness { harness in
            let intake = try #require(harness.intake)
            let reference = Fixtures.reference(43)
            try await harness.prepare(reference, through: .recommended, recommendation: .noFurtherAction)
            let asked = intake.timesAsked
            let ratified = try await harness.ratify(reference)
            #expect(ratified.ratification.path == .closedWithLearning)
            #expect(intake.timesAsked == asked)
        }
    }
}
