import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("Terms of reference over RPC: V1, V2, roles, versions, the document")
struct TermsOfReferenceTests {
    @Test("V1: AgreeTermsOfReference of a draft lacking fields is FAILED_PRECONDITION naming V1 and each missing field, and changes nothing")
    func v1Refused() async throws {
        try await withReview(10, through: .commissioned) { harness, reference in
            var terms = Fixtures.completeTerms
            terms.methodology = nil
            terms.legal.legalAdvice = " "
            let drafted = try await harness.draft(reference, terms)
            #expect(drafted.missingForAgreement == ["methodology", "legal.legalAdvice"])
            try await harness.expectRefused(
                reference, .failedPrecondition,
                "V1: the Case Review Panel agrees terms of reference with every Appendix 6 field; version 1 lacks methodology, legal.legalAdvice"
            ) { try await harness.agree(reference) }

            let redrafted = try await harness.draft(reference)
            #expect(redrafted.version.version == 2)
            #expect(redrafted.missingForAgreement.isEmpty)
            try await harness.expectRefused(reference, .failedPrecondition, "V1: version 1 is not the latest draft; version 2 is") {
                try await harness.agree(reference, version: 1)
            }
            let agreed = try await harness.agree(reference, version: 2)
            #expect(agreed.state == .termsOfReferenceAgreed)
            #expect(agreed.agreement == .init(version: 2, agreedOn: Fixtures.today, agreedBy: "Sam.Panel"))
        }
    }

    @Test("V2: after agreement the key lines change only with the panel's reason; both versions stay readable, and a redraft is refused")
    func v2() async throws {
        try await withReview(11, through: .agreed) { harness, reference in
            try await harness.expectRefused(reference, .invalidArgument, "reason: V2: give the Case Review Panel's reason") {
                try await harness.changeKeyLines(reference, ["Fictional: school attendance"], reason: "")
            }
            try await harness.expectRefused(reference, .failedPrecondition, "V2: the Case Review Panel agreed version 1") {
                try await harness.draft(reference)
            }
            try await harness.expectRefused(reference, .permissionDenied, "") {
                try await harness.changeKeyLines(reference, ["Fictional: school attendance"], reason: "Fictional", as: ReviewTokens.reviewTeam)
            }
            let changed = try await harness.changeKeyLines(reference, ["Fictional: school attendance"], reason: "Fictional: school records found")
            #expect(changed.change.fromVersion == 1 && changed.change.toVersion == 2)
            let review = try await harness.review(reference)
            #expect(review.termsOfReference.map(\.version) == [1, 2])
            #expect(review.termsOfReference[0].termsOfReference.scope.keyLinesOfEnquiry == Fixtures.completeTerms.scope.keyLinesOfEnquiry)
            #expect(review.termsOfReference[1].termsOfReference.scope.keyLinesOfEnquiry == ["Fictional: school attendance"])
            #expect(review.keyLinesOfEnquiryChanges == [changed.change])

            let first = try await harness.call(
                ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: reference, version: 1), as: ReviewTokens.reviewTeam)
            let current = try await harness.call(
                ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: reference), as: TestTokens.panel)
            #expect(first.version == 1 && first.agreed && first.mediaType == "text/markdown")
            #expect(first.document.contains("- Fictional: the voice of the child"))
            #expect(current.version == 2)
            #expect(current.document.contains("- Fictional: school attendance"))
            #expect(!current.document.contains("the voice of the child"))
            #expect(
                current.document.contains(
                    "key lines of enquiry changed with the Case Review Panel's approval of 2025-04-07: Fictional: school records found"))
        }
    }

    @Test("roles: the Review Team and Partnership Support draft, only the Case Review Panel agrees, a viewer lists but cannot read the ToR")
    func roles() async throws {
        try await withReview(12, through: .commissioned) { harness, reference in
            try await harness.draft(reference, as: TestTokens.staff)
            try await harness.expectRefused(reference, .permissionDenied, "") { try await harness.draft(reference, as: TestTokens.panel) }
            try await harness.expectRefused(reference, .permissionDenied, "") { try await harness.agree(reference, as: ReviewTokens.reviewTeam) }
            try await harness.expectRefused(reference, .permissionDenied, "") {
                _ = try await harness.call(ReviewManagementAPI.getReview, .init(caseReference: reference), as: TestTokens.viewer)
            }
            try await harness.expectRefused(reference, .permissionDenied, "") {
                _ = try await harness.call(ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: reference), as: TestTokens.viewer)
            }
            let listed = try await harness.call(ReviewManagementAPI.listReviews, .init(state: .termsOfReferenceDrafted), as: TestTokens.viewer)
            #expect(listed.reviews.map(\.caseReference) == [reference])
        }
    }

    @Test("the document is Appendix 6 filled in: every section, the draft marked as not agreed")
    func document() async throws {
        try await withReview(13, through: .drafted) { harness, reference in
            let document = try await harness.call(
                ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: reference), as: ReviewTokens.reviewTeam)
            #expect(!document.agreed)
            for heading in [
                "# Surrey Child Safeguarding Practice Review Terms of Reference", "## 1. Introduction", "## 2. Case Summary", "## 3. Review Team",
                "## 4. Scope of the Review", "## 5. Plans to Involve Children and Family Members", "## 6. Methodology", "## 7. Legal Considerations",
                "## 8. Other Considerations", "## 9. Timeline and Key Dates",
            ] {
                #expect(document.document.contains(heading + "\n"), "missing \(heading)")
            }
            #expect(document.document.contains("**Child reference:** TESTSHIRE-2025-0013"))
            #expect(document.document.contains("**Version:** 1, draft, not agreed"))
            #expect(document.document.contains("| Dana Sample | Testshire Police | liaison with the SIO and the CPS |"))
            #expect(document.document.contains("**Time Period to be Considered by the Review:** 2024-01-01 to 2025-03-20"))
            let none = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: reference, version: 4), as: ReviewTokens.reviewTeam)
            }
            #expect(none?.message == "version: no version 4; versions 1 to 1 exist")
        }
    }
}
