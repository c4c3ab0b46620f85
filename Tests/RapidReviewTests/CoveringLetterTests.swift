import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// Issue 15, item 12: the covering letter that goes with the ratified Rapid Review to the
/// National Panel (§4.7.1), a kind of `GetOutcomeDocument`.
@Suite("GetOutcomeDocument kind coveringLetter (§4.7.1, item 12)")
struct CoveringLetterTests {
    @Test(
        "item 12, R10: the covering letter to the National Panel's mailbox names the child, the meeting, the ratified recommendation, T5 and the referrer, from the partners",
        arguments: [DocumentFormat.text, .markdown])
    func letter(format: DocumentFormat) async throws {
        try await withStandInIntake { intake in
            try await withCase(84, through: .ratified, intakePort: intake) { harness, reference in
                let letter = try await harness.call(
                    RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference, format: format, kind: .coveringLetter), as: TestTokens.staff)
                #expect(letter.kind == .coveringLetter && letter.format == format)
                let text = letter.document
                for expected in [
                    "Covering letter: Rapid Review to the National Panel", "The Child Safeguarding Practice Review Panel",
                    "Mailbox.NationalReviewPanel@education.gov.uk", "The Testshire safeguarding partners", "Date", "2025-04-07",
                    "Rapid Review: Quentin Placeholder (date of birth 2018-02-02)", "Dear Child Safeguarding Practice Review Panel,",
                    "Please find enclosed the completed Rapid Review, held under Working Together 2018, of the serious harm of Quentin Placeholder on 2025-03-21, notified to you on 2025-03-24.",
                    "The Rapid Review meeting was held face to face on 2025-04-03",
                    "b) Meets the criteria for a local Child Safeguarding Practice Review",
                    "The independent chair ratified the recommendation on 2025-04-07.",
                    "It is sent within 2 working days of the meeting (by 2025-04-07) (T5).",
                    "including Testtown Primary School, who made the referral,", "Yours sincerely,",
                    "Testshire County Council", "Testshire Police", "Testshire ICB", "Rapid Review Outcome Document (Appendix 5)",
                ] {
                    #expect(text.contains(expected), "missing: \(expected)")
                }
                #expect(text.hasPrefix(format == .markdown ? "# Covering letter" : "Covering letter"))
            }
        }
    }

    @Test("item 12, R10: there is no covering letter before the chair ratifies, and intake is not asked")
    func beforeRatification() async throws {
        // No intake listens: the refusal comes before intake would be asked.
        try await withCase(85, through: .recommended) { harness, reference in
            try await harness.expectRefused(reference, .failedPrecondition, "R10: the covering letter goes to the National Panel with the ratified") {
                _ = try await harness.call(
                    RapidReviewAPI.getOutcomeDocument, .init(caseReference: reference, kind: .coveringLetter), as: TestTokens.panel)
            }
        }
    }
}
