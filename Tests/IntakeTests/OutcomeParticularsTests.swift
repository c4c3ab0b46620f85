import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// intake's answer to rapid-review when it renders the Appendix 5 outcome document (issue 15,
/// item 12): what the form asks that only intake holds, to the calling services only, audited.
@Suite("GetOutcomeParticulars (item 12)")
struct OutcomeParticularsTests {
    @Test("item 12: rapid-review reads the child, the incident, the notification dates, the family and the referrer, and the read is audited")
    func particulars() async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            // The LA's notification of the same incident joins the case with the dates Appendix 5 asks.
            _ = try await intake.client.call(
                IntakeAPI.recordNotification,
                .init(notification: NotificationTests.notification(panel: "2025-03-21", partners: "2025-03-21")), as: TestTokens.staff)
            let particulars = try await intake.client.call(
                IntakeAPI.getOutcomeParticulars, .init(caseReference: reference), as: TestTokens.service(.rapidReview))
            #expect(
                particulars.child
                    == IntakeAPI.ChildParticulars(
                        name: "Zebedee Quillfeather", dateOfBirth: Fixture.date("2019-03-01"), gender: "male", ethnicity: "not recorded",
                        address: "12 Imaginary Lane, Testtown, TE5 7AA", localAuthority: "Testshire Children's Services"))
            #expect(particulars.incident.date == Fixture.date("2025-03-20") && particulars.incident.kind == .seriousHarm)
            #expect(particulars.notifiedOfsted == Fixture.date("2025-03-21"))
            #expect(particulars.notifiedNationalPanel == Fixture.date("2025-03-21"))
            #expect(particulars.familyMembers.map(\.person.name) == ["Marigold Quillfeather"])
            #expect(particulars.familyMembers.first?.legalStatus == "parental responsibility")
            #expect(particulars.referrer?.name == "Lee Specimen")
            #expect(particulars.referringAgency == "Testtown Primary School")

            let trail = try await intake.client.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            #expect(trail.entries.contains { $0.principal == "rapid-review" && $0.method == "GetOutcomeParticulars" && $0.outcome == "OK" })
        }
    }

    @Test(
        "item 12: only a calling service reads the particulars; staff, the panel and agencies are refused, and the refusals are audited",
        arguments: [TestTokens.staff, TestTokens.panel, TestTokens.chair, TestTokens.viewer, TestTokens.agency, TestTokens.publication])
    func roles(token: String) async throws {
        try await RunningIntake.with { intake in
            let reference = try await intake.submit(Fixture.referral()).caseReference
            let refusal = await intake.client.refusal(IntakeAPI.getOutcomeParticulars, .init(caseReference: reference), as: token)
            #expect(refusal?.code == .permissionDenied)
            // A refusal before the request is read names no case: the whole trail is read.
            let trail = try await intake.client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            #expect(trail.entries.contains { $0.method == "GetOutcomeParticulars" && $0.outcome == "PERMISSION_DENIED" })
        }
    }

    @Test("item 12: a case intake does not hold is NOT_FOUND, naming the case reference and nobody's details")
    func unknownCase() async throws {
        try await RunningIntake.with { intake in
            _ = try await intake.submit(Fixture.referral())
            guard let unknown = CaseReference(partnership: "TESTSHIRE", year: 2025, sequence: 999) else { return }
            let refusal = await intake.client.refusal(
                IntakeAPI.getOutcomeParticulars, .init(caseReference: unknown), as: TestTokens.service(.rapidReview))
            #expect(refusal?.code == .notFound)
            #expect(refusal?.message.hasPrefix("caseReference:") == true)
            #expect(refusal?.message.contains("Quillfeather") == false)
        }
    }
}
