import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// review-management's `CheckDisclosure` (P4): publication checks a report against the family
/// members and practitioners the review records, never the lead reviewer.
@Suite("CheckDisclosure on review-management (P4)")
struct DisclosureCheckTests {
    /// Each finding as "line kind whose: the text found".
    static func findings(_ response: DisclosureAPI.CheckDisclosureResponse, in text: String) -> [String] {
        let bytes = Array(text.utf8)
        return response.findings.map { finding in
            let found = bytes[finding.offset..<(finding.offset + finding.length)]
            return "\(finding.line) \(finding.kind.rawValue) \(finding.whose): \(String(decoding: found, as: UTF8.self))"
        }
    }

    /// A review with the mother, the lead reviewer (also listed on the team), the team, an
    /// agency's contact and an information report recorded.
    static func recorded(_ harness: Harness, _ reference: CaseReference) async throws {
        try await harness.recordMember(Fixtures.parent(reference))
        try await harness.appoint(reference)
        let lead = ReviewManagementAPI.ReviewTeamRole(
            name: Fixtures.reviewerName, role: "lead reviewer", agency: Agency(name: "Fictional Reviews Ltd", kind: .other))
        try await harness.setTeam(reference, Fixtures.fullTeam + [lead])
        try await harness.requestInformation(reference, "Testshire Police")
        try await harness.submitReport(reference, "Testshire Police", AgencyFixture.report)
    }

    @Test(
        "P4: a report naming the mother's first name and a team member's surname in capitals has those two findings; the lead reviewer's name is none"
    )
    func familyAndPractitioners() async throws {
        try await withReview(61, through: .commissioned) { harness, reference in
            try await Self.recorded(harness, reference)
            let report =
                "Learning review: Child Z\nZedora spoke to the police; SAMPLE took notes.\nThe review was led by Jo Example (JO EXAMPLE's team)."
            let response = try await harness.call(
                ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: report), as: TestTokens.publication)
            #expect(!response.clean)
            #expect(
                Self.findings(response, in: report) == [
                    "2 name mother: Zedora", "2 practitionerName review team member: SAMPLE",
                ])
        }
    }

    @Test(
        "P4: agencies' contacts, information reports' authors and endorsers and the practitioner inviting the family are looked for, by their part in the review"
    )
    func everyPractitioner() async throws {
        try await withReview(62, through: .commissioned) { harness, reference in
            try await Self.recorded(harness, reference)
            try await harness.recordMember(Fixtures.sibling(reference))
            let report = "Lee Contact sent the records. Alex Author wrote, Sam Senior endorsed.\nQuillon met the Fictional social worker."
            let response = try await harness.call(
                ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: report), as: TestTokens.service(.publication))
            #expect(
                Self.findings(response, in: report) == [
                    "1 practitionerName agency contact: Lee Contact", "1 practitionerName information report author: Alex Author",
                    "1 practitionerName information report endorser: Sam Senior", "2 name sibling: Quillon",
                    "2 practitionerName practitioner inviting the family: Fictional social worker",
                ])
            let clean = try await harness.call(
                ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: "Child Z was seen by agencies A and B in 2024."),
                as: TestTokens.publication)
            #expect(clean.clean && clean.findings.isEmpty)
        }
    }

    @Test("P4: the practitioners invited to the learning workshop are looked for (§8.8)")
    func workshopInvitees() async throws {
        try await withReview(66, through: .agreed) { harness, reference in
            try await LearningWorkshopTests.schedule(harness, reference, on: "2025-04-05")
            try await LearningWorkshopTests.invite(harness, reference)
            let report = "At the workshop the health visitor (Fictional Workshop Practitioner) described the visits."
            let response = try await harness.call(
                ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: report), as: TestTokens.publication)
            #expect(
                Self.findings(response, in: report) == [
                    "1 practitionerName learning workshop invitee: Fictional Workshop Practitioner"
                ])
        }
    }

    @Test("P4: the team as the terms of reference name it is looked for before it is set, the lead reviewer they name is not")
    func termsOfReferenceTeam() async throws {
        try await withReview(65, through: .drafted) { harness, reference in
            let report = "Dana Sample and Jo Example met."
            let response = try await harness.call(
                ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: report), as: TestTokens.publication)
            #expect(Self.findings(response, in: report) == ["1 practitionerName review team member: Dana Sample"])
        }
    }

    @Test("P4: a case with no review is NOT_FOUND; only publication may call it, and each call is audited with its case")
    func refusals() async throws {
        try await withReview(63, through: .commissioned) { harness, reference in
            let unknown = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.checkDisclosure, .init(caseReference: Fixtures.reference(64), text: "x"), as: TestTokens.publication)
            }
            #expect(unknown?.code == .notFound)
            for token in [ReviewTokens.reviewTeam, TestTokens.panel, TestTokens.staff, TestTokens.admin, TestTokens.service(.gateway)] {
                let refused = await captureRPCError {
                    _ = try await harness.call(ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: "x"), as: token)
                }
                #expect(refused?.code == .permissionDenied, "\(token)")
            }
            #expect(ReviewManagementAPI.checkDisclosure.info.roles == .roles(.publication, .service))
            #expect(ReviewManagementAPI.checkDisclosure.info.callers == [ServiceIdentity.publication.name])
            _ = try await harness.call(ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: "x"), as: TestTokens.publication)
            let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            // The refusals above are audited with the case they named (issue 17, item 11).
            #expect(
                trail.entries.filter { $0.method == "CheckDisclosure" }.map(\.outcome) == ["OK"] + Array(repeating: "PERMISSION_DENIED", count: 5))
            #expect(trail.entries.first { $0.method == "CheckDisclosure" }?.principal == "Pub.Comms")
        }
    }

    @Test("P4: a text that is a list of dates, not a report, is refused naming the field, as intake refuses it")
    func listOfDatesRefused() async throws {
        try await withReview(67, through: .commissioned) { harness, reference in
            let list = (1...201).map { "1 March \(1800 + $0)" }.joined(separator: "\n")
            let refused = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.checkDisclosure, .init(caseReference: reference, text: list), as: TestTokens.publication)
            }
            #expect(refused?.code == .invalidArgument)
            #expect(refused?.message == "text: has 201 dates; a report is checked, not a list (at most 200)")
        }
    }
}
