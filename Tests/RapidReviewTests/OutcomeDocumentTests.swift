import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("GetOutcomeDocument: Appendix 5 filled in")
struct OutcomeDocumentTests {
    @Test("as text: every section of Appendix 5, the child's details from intake, the boxes ticked")
    func text() async throws {
        try await withStandInIntake { intake in
            try await withCase(80, through: .submitted, intakePort: intake) { harness, reference in
                let document = try await harness.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference), as: TestTokens.chair)
                #expect(document.format == .text)
                let text = document.document
                for expected in [
                    "Rapid Review Outcome Document", "Case reference: TESTSHIRE-2025-0080", "Purpose of the Rapid Review",
                    "Name of Child: Quentin Placeholder", "Date of Birth: 2018-02-02", "Ethnicity of Child: White British",
                    "Date notified to Ofsted: 2025-03-24",
                    "Date of Rapid Review: 2025-04-03 (face to face)",
                    "Section 1: Case Background", "Section 2: Consideration of Case, Criteria and Guidance", "2.1 Immediate Action", "[ ] Yes",
                    "[X] No",
                    "strategy meeting for a sibling", "[X] highlights or may highlight recurrent themes", "[ ] None of the above",
                    "2.3 Rapid Review Discussions",
                    "Section 3: Recommendation", "[X] b) Meets the criteria for a local Child Safeguarding Practice Review",
                    "[ ] a) Meets the criteria for a national", "Ratified by the independent chair on: 2025-04-07",
                    "Date this form submitted to the National Panel: 2025-04-07", "Dana Sample",
                ] {
                    #expect(text.contains(expected), "missing: \(expected)")
                }
                #expect(!text.contains("held by intake"))
            }
        }
    }

    @Test("as Markdown: headings, the participants' table and tick boxes")
    func markdown() async throws {
        try await withStandInIntake { intake in
            try await withCase(81, through: .recommended, recommendation: .otherStatutoryReview, intakePort: intake) { harness, reference in
                let document = try await harness.call(
                    RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference, format: .markdown), as: TestTokens.panel)
                let text = document.document
                for expected in [
                    "# Rapid Review Outcome Document", "## Section 3: Recommendation", "| Name | Job Role/Title | Agency/Organisation |",
                    "| Chris Dummy | Designated Nurse | Testshire Integrated Care Board (health (ICB)) |",
                    "- [x] d) Warrants consideration of DHR, SAR, MAPPA SFO or other. Please state: Fictional: a Domestic Homicide Review",
                    "**Ratified by the independent chair on:** not yet ratified", "**Name of Child:** Quentin Placeholder",
                    "| Rosalind Placeholder | mother | 1991-01-01 | parental responsibility | White British |",
                ] {
                    #expect(text.contains(expected), "missing: \(expected)")
                }
            }
        }
    }

    @Test("R6: before a quorate meeting there is no outcome document; viewers do not read it")
    func refusals() async throws {
        try await RefusalCase(
            "R6: before a quorate meeting there is no outcome document; viewers do not read it", 82, through: .scheduled,
            [
                Refusal(.failedPrecondition, "R6: the outcome document is completed at the Rapid Review meeting") {
                    _ = try await $0.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: $1), as: TestTokens.panel)
                },
                .denied { _ = try await $0.call(RapidReviewAPI.getOutcomeDocument, .init(caseReference: $1), as: TestTokens.viewer) },
            ]
        ).check()
    }
}
