import Contract
import Foundation
import IntakeService
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The gate against the real intake service, started in this process: what intake holds is
/// what the report is checked against (issue 14's acceptance).
@Suite("The anonymisation gate with intake")
struct GateWithIntakeTests {
    static func date(_ text: String) -> CivilDate { Fixtures.date(text) }

    static let child = Person(
        name: "Zebedee Quillfeather", alsoKnownAs: ["Zeb Q"], dateOfBirth: date("2019-03-01"),
        addressHistory: [AddressEntry(address: "12 Imaginary Lane, Testtown", postcode: "TE5 7AA", from: date("2021-06-01"))])

    /// A fictional referral naming the child's mother.
    static let referral = Referral(
        child: ChildDetails(
            person: child, gender: "male", ethnicOrigin: "not recorded", lookedAfter: false,
            incident: Incident(kind: .seriousHarm, date: date("2026-03-20"), location: "12 Imaginary Lane, Testtown", carerAtTime: "mother")),
        dateOfReferral: date("2026-03-24"), dateReceived: date("2026-03-24"),
        referrer: Contact(name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, DSL"),
        safeguardingLeadConsulted: Contact(name: "Dana Sample", agencyAndDesignation: "Testshire Police, Detective Inspector"),
        familyMembers: [
            FamilyMember(
                person: Person(name: "Marigold Quillfeather", dateOfBirth: date("1990-07-08")), relationshipToChild: "mother",
                legalStatus: "parental responsibility")
        ],
        agenciesInvolved: [
            AgencyInvolvement(
                agency: Agency(name: "Testshire Children's Services", kind: .localAuthority), reasonForInvolvement: "known to the family",
                current: true)
        ],
        caseBackground: "fictional background", reasonForReferral: "fictional reason",
        keyEvents: [KeyEvent(date: date("2026-03-20"), event: "admitted to hospital")])

    /// The local authority's notification of the same incident: the child only.
    static let notification = SeriousIncidentNotification(
        child: child, incident: Incident(kind: .seriousHarm, date: date("2026-03-20")), becameAware: date("2026-03-20"),
        notifiedNationalPanel: date("2026-03-23"), notifiedOfsted: date("2026-03-23"), reportedToSafeguardingPartners: date("2026-03-23"),
        notifiedBy: Contact(name: "Lou Authority", agencyAndDesignation: "Testshire County Council, Head of Service"))

    @Test(
        "P4: a report naming the child's mother is refused by the gate, whether the case was opened by a referral or by an LA notification",
        arguments: [false, true])
    func p4MotherFromIntake(openedByNotification: Bool) async throws {
        let intakeDirectory = try TestDirectory.publication()
        let intake = try await startInProcess(IntakeService.definition, intakeDirectory, peers: [.rapidReview: try freePort()])
        try await withStopping(intake, stop: { await $0.stop(grace: .seconds(1)) }) { intake in
            let client = RPCClient(host: "127.0.0.1", port: intake.port)
            var reference: CaseReference
            if openedByNotification {
                let opened = try await client.call(
                    IntakeAPI.recordNotification, .init(notification: Self.notification), deadline: .seconds(10), metadata: bearer(TestTokens.staff))
                #expect(opened.openedNewCase)
                reference = opened.caseReference
                // The referral that follows names the mother; it joins the notification's case.
                let linked = try await client.call(
                    IntakeAPI.submitReferral, .init(referral: Self.referral), deadline: .seconds(10), metadata: bearer(TestTokens.staff))
                #expect(linked.caseReference == reference)
            } else {
                reference = try await client.call(
                    IntakeAPI.submitReferral, .init(referral: Self.referral), deadline: .seconds(10), metadata: bearer(TestTokens.staff)
                ).caseReference
            }
            let stages = try StandInDisclosureStages()
            let harness = try await Harness.start(peers: [.intake: intake.port, .reviewManagement: stages.port])
            try await withStopping(
                harness,
                stop: {
                    await $0.stop(); await stages.stop()
                }
            ) { harness in
                var preparation = Fixtures.preparation(reference)
                preparation.sections.whatHappened = "Fictional: Marigold Quillfeather took the child to hospital."
                try await harness.prepare(preparation)
                try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2027-01-04"))
                let check = try await harness.checkDisclosure(reference)
                #expect(!check.clean)
                #expect(check.findings.contains { $0.foundBy == "intake" && $0.whose == "mother" && $0.section == "whatHappened" && $0.offset == 11 })
                try await harness.expectRefused(reference, .failedPrecondition, "P4: the latest check of report version 1 (check 1) has") {
                    try await harness.schedule(reference, on: Fixtures.date("2027-01-13"))
                }
                // With a pseudonym instead, the new version passes.
                var sections = preparation.sections
                sections.whatHappened = "Fictional: Child Z's mother took the child to hospital."
                try await harness.revise(reference, sections: sections)
                #expect(try await harness.checkDisclosure(reference, version: 2).clean)
            }
        }
    }
}
