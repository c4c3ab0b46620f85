import Contract
import Foundation
import IntakeService
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 15, item 12: the outcome document is sendable. The child's and family's details come
/// from intake when the document is rendered, audited there, and are never kept here.
@Suite("GetOutcomeDocument with intake's particulars (item 12)")
struct OutcomeDocumentParticularsTests {
    /// An obviously fictional child, family and referrer, on intake's forms.
    static let referral = Referral(
        child: ChildDetails(
            person: Person(
                name: "Zebedee Quillfeather", dateOfBirth: Fixtures.date("2019-03-01"),
                addressHistory: [AddressEntry(address: "12 Imaginary Lane, Testtown", postcode: "TE5 7AA", from: Fixtures.date("2021-06-01"))]),
            gender: "male", ethnicOrigin: "Mixed: White and Asian",
            incident: Incident(kind: .seriousHarm, date: Fixtures.date("2025-03-21"))),
        dateOfReferral: Fixtures.date("2025-03-24"), dateReceived: Fixtures.date("2025-03-24"),
        referrer: Contact(name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, DSL"),
        safeguardingLeadConsulted: Contact(name: "Dana Sample", agencyAndDesignation: "Testshire Police, Detective Inspector"),
        familyMembers: [
            FamilyMember(
                person: Person(name: "Marigold Quillfeather", dateOfBirth: Fixtures.date("1990-07-08")), relationshipToChild: "mother",
                legalStatus: "parental responsibility", ethnicOrigin: "White British")
        ],
        agenciesInvolved: [AgencyInvolvement(agency: Fixtures.localAuthority, reasonForInvolvement: "known to the family", current: true)],
        caseBackground: "fictional background", reasonForReferral: "fictional reason")

    /// The LA's notification of the same incident: the dates Appendix 5 asks for.
    static let notification = SeriousIncidentNotification(
        child: referral.child.person, incident: Incident(kind: .seriousHarm, date: Fixtures.date("2025-03-21")),
        becameAware: Fixtures.date("2025-03-21"), notifiedNationalPanel: Fixtures.date("2025-03-25"), notifiedOfsted: Fixtures.date("2025-03-26"),
        reportedToSafeguardingPartners: Fixtures.date("2025-03-25"),
        notifiedBy: Contact(name: "Lou Authority", agencyAndDesignation: "Testshire Children's Services, Head of Service"))

    /// Every file under `directory` (the database, its WAL, anything else) as bytes.
    static func contents(of directory: URL) -> [(name: String, data: Data)] {
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? []
        return files.compactMap { file in (try? Data(contentsOf: file)).map { (file.lastPathComponent, $0) } }
    }

    @Test("item 12: the document is rendered with what a real intake holds, the read is audited in intake, and rapid-review keeps none of it")
    func withRealIntake() async throws {
        let intakeDirectory = try TestDirectory.rapidReview()
        let intake = try await startInProcess(IntakeService.definition, intakeDirectory, peers: [.rapidReview: try freePort()])
        try await withStopping(intake, stop: { await $0.stop(grace: .seconds(1)) }) { intake in
            let client = RPCClient(host: "127.0.0.1", port: intake.port)
            let reference = try await client.call(IntakeAPI.submitReferral, .init(referral: Self.referral), as: TestTokens.staff).caseReference
            _ = try await client.call(IntakeAPI.recordNotification, .init(notification: Self.notification), as: TestTokens.staff)
            try await withHarness(intakePort: intake.port) { harness in
                // The hand-over is played here (intake's outbox would send it at the scoping send).
                try await harness.prepare(reference, through: .ratified)
                let document = try await harness.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference), as: TestTokens.chair)
                for expected in [
                    "Name of Child: Zebedee Quillfeather", "Date of Birth: 2019-03-01", "Gender: male", "Ethnicity of Child: Mixed: White and Asian",
                    "Home address: 12 Imaginary Lane, Testtown, TE5 7AA", "Local authority: Testshire Children's Services",
                    "Date of Death / Serious Incident: 2025-03-21 (serious harm)", "Date notified to Ofsted: 2025-03-26",
                    "Date notified to the National Panel: 2025-03-25", "Referred by: Lee Specimen, Testtown Primary School, DSL",
                    "Marigold Quillfeather", "parental responsibility",
                ] {
                    #expect(document.document.contains(expected), "missing: \(expected)")
                }
                #expect(!document.document.contains("held by intake"))

                // Audited in intake as a read of the case, by rapid-review's own principal.
                let trail = try await client.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
                #expect(trail.entries.contains { $0.principal == "rapid-review" && $0.method == "GetOutcomeParticulars" && $0.outcome == "OK" })

                // The scan finds the child in intake's files, which hold them...
                #expect(Self.contents(of: intakeDirectory.data("intake")).contains { $0.data.range(of: Data("Quillfeather".utf8)) != nil })
                // ...and nothing of the child or family is kept here: not in any table, the WAL or any other file.
                for (name, data) in Self.contents(of: harness.directory.url) {
                    for personal in ["Quillfeather", "Imaginary Lane", "2019-03-01", "Mixed: White and Asian"] {
                        #expect(data.range(of: Data(personal.utf8)) == nil, "\(name) holds \(personal)")
                    }
                }
            }
        }
    }

    @Test("item 12: the rapid-review executable renders the document from a real intake and logs none of the child's details")
    func processLogsNothingPersonal() async throws {
        let intakeDirectory = try TestDirectory.rapidReview()
        let intake = try await startInProcess(IntakeService.definition, intakeDirectory, peers: [.rapidReview: try freePort()])
        try await withStopping(intake, stop: { await $0.stop(grace: .seconds(1)) }) { intake in
            let intakeClient = RPCClient(host: "127.0.0.1", port: intake.port)
            let reference = try await intakeClient.call(IntakeAPI.submitReferral, .init(referral: Self.referral), as: TestTokens.staff).caseReference
            let directory = try TestDirectory.rapidReview()
            let port = try freePort()
            let service = try await startRapidReviewProcess(
                directory, port: port, peers: [.intake: intake.port, .reviewManagement: try freePort()])
            let client = RPCClient(host: "127.0.0.1", port: port)
            var handOver = bearer(TestTokens.service(.intake))
            handOver.add("idempotency-key", "intake/OpenRapidReview/\(reference)")
            _ = try await client.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(reference), deadline: .seconds(5), metadata: handOver)
            let meetingDate = Fixtures.Scenario.onTime.meetingDate
            _ = try await client.call(
                RapidReviewAPI.scheduleMeeting, .init(caseReference: reference, date: meetingDate, format: .faceToFace), as: TestTokens.staff)
            _ = try await client.call(RapidReviewAPI.recordMeeting, Fixtures.meeting(reference, on: meetingDate), as: TestTokens.panel)
            for format in [DocumentFormat.text, .markdown] {
                let document = try await client.call(
                    RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference, format: format), as: TestTokens.panel)
                #expect(document.document.contains("Zebedee Quillfeather"))
            }
            service.send(SIGTERM)
            _ = try await service.waitForExit()
            let output = service.output.joined(separator: "\n")
            #expect(output.contains("GetOutcomeDocument"), "the calls are logged")
            for personal in ["Quillfeather", "Imaginary Lane", "2019-03-01", "Mixed: White and Asian", "TE5 7AA"] {
                #expect(!output.contains(personal), "the log holds \(personal)")
                for (name, data) in Self.contents(of: directory.url) {
                    #expect(data.range(of: Data(personal.utf8)) == nil, "\(name) holds \(personal)")
                }
            }
        }
    }

    @Test(
        "item 12: when intake does not answer there is no document, UNAVAILABLE naming intake, never one with blanks",
        arguments: [RapidReviewAPI.OutcomeDocumentKind.outcome, .coveringLetter])
    func intakeDown(kind: RapidReviewAPI.OutcomeDocumentKind) async throws {
        // The harness's intake listens nowhere.
        try await withCase(83, through: .ratified) { harness, reference in
            try await harness.expectRefused(reference, .unavailable, "intake did not answer GetOutcomeParticulars") {
                _ = try await harness.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference, kind: kind), as: TestTokens.panel)
            }
        }
    }
}
