import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("Local-authority notifications and linked cases")
struct NotificationTests {
    static func notification(becameAware: String = "2025-03-20", panel: String?, partners: String?) -> SeriousIncidentNotification {
        SeriousIncidentNotification(
            child: Fixture.child(), incident: Incident(kind: .seriousHarm, date: Fixture.date("2025-03-20")), becameAware: Fixture.date(becameAware),
            notifiedNationalPanel: panel.map(Fixture.date), notifiedOfsted: panel.map(Fixture.date),
            reportedToSafeguardingPartners: partners.map(Fixture.date),
            notifiedBy: Contact(name: "Lou Authority", agencyAndDesignation: "Testshire County Council, Head of Service"))
    }

    @Test("T1: a notification opens the case, T1 is computed, and notifying the National Panel late is flagged")
    func t1() async throws {
        try await RunningIntake.with(today: "2025-04-01") { intake in
            // Aware Thursday 20 March: T1 due Thursday 27 March; the Panel was told on the 28th.
            let response = try await intake.client.call(
                IntakeAPI.recordNotification, .init(notification: Self.notification(panel: "2025-03-28", partners: "2025-03-21")),
                as: TestTokens.staff)
            #expect(response.openedNewCase)
            #expect(response.notifiedLate)
            #expect(response.deadlines.map { $0.subject ?? "" } == ["National Panel notified", "safeguarding partners told"])
            #expect(response.deadlines.allSatisfy { $0.rule == .t1 && $0.due == Fixture.date("2025-03-27") })
            #expect(response.deadlines.map(\.status) == [.metLate, .met])

            // The referral for the same child and incident is linked to the case, not a new one.
            let referral = try await intake.submit(Fixture.referral(received: "2025-03-24"))
            #expect(referral.linkedToExistingCase)
            #expect(referral.caseReference == response.caseReference)
            // The same incident referred again: linked again, still one case.
            let again = try await intake.submit(Fixture.referral(referred: "2025-03-25", received: "2025-03-25"))
            #expect(again.caseReference == response.caseReference)
            #expect(try await intake.cases().count == 1)
            // R3: the case file carries the notification, the referral and the linked one.
            let file = try await intake.client.call(IntakeAPI.getCaseFile, .init(caseReference: response.caseReference), as: TestTokens.panel)
            #expect(file.notification != nil && file.referral != nil)
            #expect(file.linkedReferrals.map(\.dateReceived) == [Fixture.date("2025-03-25")])
            // A different child with the same incident date is a different case.
            let other = try await intake.submit(Fixture.referral(child: Fixture.child(name: "Ptolemy Harrowgate", born: "2018-05-05")))
            #expect(other.caseReference != response.caseReference)
        }
    }

    @Test("T1 not yet met and past due is overdue, and flagged late")
    func t1Overdue() async throws {
        try await RunningIntake.with(today: "2025-04-01") { intake in
            let response = try await intake.client.call(
                IntakeAPI.recordNotification, .init(notification: Self.notification(panel: nil, partners: nil)), as: TestTokens.staff)
            #expect(response.notifiedLate)
            #expect(response.deadlines.map(\.status) == [.overdue, .overdue])
            let bad = await intake.client.refusal(
                IntakeAPI.recordNotification, .init(notification: Self.notification(becameAware: "2025-03-25", panel: "2025-03-24", partners: nil)),
                as: TestTokens.staff)
            #expect(bad == RPCError(.invalidArgument, "notification.notifiedNationalPanel: is before the local authority became aware (2025-03-25)"))
        }
    }
}

@Suite("Who may see what")
struct AccessTests {
    @Test("personal data goes only to the roles allowed; every read is in the audit trail; statuses carry none")
    func personalData() async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference

            let viewer = await intake.client.refusal(IntakeAPI.getCase, .init(caseReference: reference), as: TestTokens.viewer)
            #expect(viewer?.code == .permissionDenied)
            let agencyFile = await intake.client.refusal(IntakeAPI.getCaseFile, .init(caseReference: reference), as: TestTokens.agency)
            #expect(agencyFile?.code == .permissionDenied)
            let chair = try await intake.client.call(IntakeAPI.getCase, .init(caseReference: reference), as: TestTokens.chair)
            #expect(chair.childName == "Zebedee Quillfeather")
            _ = try await intake.client.call(IntakeAPI.getCaseFile, .init(caseReference: reference), as: TestTokens.panel)

            let statuses = try await intake.client.call(IntakeAPI.getStatuses, .init(), as: TestTokens.viewer)
            let json = String(decoding: try JSONCodec.encode(statuses), as: UTF8.self)
            #expect(statuses.statuses.count == 1)
            #expect(!json.contains("Quillfeather") && !json.contains("Zeb") && !json.contains("2019-03-01") && !json.contains("Imaginary"))
            let list = String(decoding: try JSONCodec.encode(try await intake.cases()), as: UTF8.self)
            #expect(!list.contains("Quillfeather"))

            let trail = try await intake.client.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            let reads = trail.entries.map { "\($0.principal) \($0.method) \($0.outcome)" }
            #expect(reads.contains("Alex.Chair GetCase OK"))
            #expect(reads.contains("Sam.Panel GetCaseFile OK"))
            #expect(reads.contains("Pat.Support SubmitReferral OK"))
        }
    }
}

@Suite("CheckDisclosure (P4)")
struct DisclosureTests {
    @Test("finds names in several forms, aliases, the address, the postcode and dates of birth as people write them")
    func sampleReport() async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            let report = """
                Learning review: Child Z
                Zebedee Quillfeather was born on 1 March 2019.
                ZEBEDEE's school noticed bruising; Zeb Q was seen by the GP.
                The family lived at 12  Imaginary Lane (te57aa).
                Records list the date of birth as 01/03/2019 and elsewhere 2019-03-01.
                Marigold's partner was not known to services. The child's mother was born in 1990.
                Nothing else here: a quill, a feather, Lane 12.
                """
            let response = try await intake.client.call(
                IntakeAPI.checkDisclosure, .init(caseReference: reference, text: report), as: TestTokens.publication)
            #expect(!response.clean)
            let found = response.findings.map { finding -> String in
                let bytes = Array(report.utf8)[finding.offset..<(finding.offset + finding.length)]
                return "\(finding.line) \(finding.kind.rawValue) \(finding.whose): \(String(decoding: bytes, as: UTF8.self))"
            }
            #expect(
                found == [
                    "2 name child: Zebedee Quillfeather",
                    "2 dateOfBirth child: 1 March 2019",
                    "3 name child: ZEBEDEE's",
                    "3 alias child: Zeb Q",
                    "4 address child: 12  Imaginary Lane",
                    "4 postcode child: te57aa",
                    "5 dateOfBirth child: 01/03/2019",
                    "5 dateOfBirth child: 2019-03-01",
                    "6 name mother: Marigold's",
                ])
            let clean = try await intake.client.call(
                IntakeAPI.checkDisclosure, .init(caseReference: reference, text: "Child Z was seen by agencies A and B in 2024."),
                as: TestTokens.service(.publication))
            #expect(clean.clean)
        }
    }
}

@Suite("CheckDisclosure on ordinary words and other spellings")
struct DisclosureSpellingTests {
    static func findings(_ referral: Referral, _ text: String) async throws -> [String] {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(referral).caseReference
            let response = try await intake.client.call(
                IntakeAPI.checkDisclosure, .init(caseReference: reference, text: text), as: TestTokens.publication)
            return response.findings.map { finding in
                let bytes = Array(text.utf8)[finding.offset..<(finding.offset + finding.length)]
                return "\(finding.line) \(finding.kind.rawValue): \(String(decoding: bytes, as: UTF8.self))"
            }
        }
    }

    @Test("a family member called May Hope does not make every \"may\" and \"hope\" a finding")
    func ordinaryWords() async throws {
        var referral = Fixture.referral(child: Person(name: "Rowan O'Brien-Hale", dateOfBirth: Fixture.date("2019-09-01")))
        referral.familyMembers = [FamilyMember(person: Person(name: "May Hope"), relationshipToChild: "grandmother")]
        referral.child.person.addressHistory = [AddressEntry(address: "Flat 3, 12 Imaginary Lane, Testtown", postcode: "TE5 7AA")]
        let text = "We may hope for better.\r\nMay Hope visited on 1 Sept 2019.\r\nRowan O’Brien-Hale lived at Flat 3 with Hale's family."
        let found = try await Self.findings(referral, text)
        #expect(
            found == [
                "2 name: May Hope", "2 dateOfBirth: 1 Sept 2019", "3 name: Rowan O’Brien-Hale", "3 address: Flat 3", "3 name: Hale's",
            ])
    }

    @Test("a text that lists hundreds of dates is refused, so a date of birth cannot be found by elimination")
    func datesList() async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            let list = (0..<400).map { "2019-01-\(String(format: "%02d", $0 % 28 + 1))" }.joined(separator: "\n")
            let error = await intake.client.refusal(
                IntakeAPI.checkDisclosure, .init(caseReference: reference, text: list), as: TestTokens.publication)
            #expect(error?.code == .invalidArgument)
            #expect(error?.message.hasPrefix("text: has 400 dates") == true)
            // Other services (the gateway among them) may not call it at all.
            let gateway = await intake.client.refusal(
                IntakeAPI.checkDisclosure, .init(caseReference: reference, text: "x"), as: TestTokens.service(.gateway))
            #expect(gateway?.code == .permissionDenied)
        }
    }
}
