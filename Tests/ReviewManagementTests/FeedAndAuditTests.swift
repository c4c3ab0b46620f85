import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("review-management's status feed and audit trail")
struct FeedAndAuditTests {
    @Test("the feed lists a commissioned case at stage review with T7 and its milestones, again after each step; no personal data")
    func feed() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(30)
            try await harness.commission(Fixtures.commission(reference, kind: .localReview, decided: Fixtures.date("2025-04-03")))
            let first = try await harness.page(after: nil)
            let status = try #require(first.statuses.first)
            #expect(first.statuses.map(\.reference) == [reference])
            #expect(status.stage == .review)
            #expect(status.milestones.map(\.event) == ["reviewCommissioned"])
            #expect(status.deadlines.map(\.rule) == [.t7])
            #expect(status.deadlines.first?.due == Fixtures.date("2025-10-03"))
            #expect(status.deadlines.first?.status == .open)
            #expect(status.nextDeadline?.rule == .t7)

            try await harness.draft(reference)
            let second = try await harness.page(after: first.next)
            #expect(second.statuses.map(\.reference) == [reference])
            #expect(second.statuses.first?.milestones.map(\.event) == ["reviewCommissioned", "termsOfReferenceDrafted"])
            let byReference = try await harness.call(ReviewManagementAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            #expect(byReference.statuses == second.statuses)
            let view = try await harness.review(reference)
            #expect(second.statuses.first?.deadlines == view.deadlines)

            // No personal data: none of the draft's names or family details is in the status.
            let text = String(decoding: try JSONCodec.encode(byReference), as: UTF8.self)
            for personal in ["Jo Example", "Dana Sample", "mother", "injury"] { #expect(!text.contains(personal), "\(personal) in the status") }

            let refused = await captureRPCError { try await harness.agree(reference, version: 3) }
            #expect(refused?.code == .failedPrecondition)
            #expect(try await harness.page(after: second.next).statuses.isEmpty, "a refused step recorded a status")
        }
    }

    @Test("every call about a review is in the audit trail with its case reference, the refused ones and the reads too")
    func audit() async throws {
        try await withReview(31, through: .agreed) { harness, reference in
            _ = await captureRPCError { try await harness.agree(reference) }
            _ = try await harness.review(reference)
            _ = try await harness.call(ReviewManagementAPI.getTermsOfReferenceDocument, .init(caseReference: reference), as: TestTokens.panel)
            let trail = try await harness.call(AdminAPI.getAuditTrail, .init(caseReference: reference.description), as: TestTokens.admin)
            #expect(
                trail.entries.reversed().map(\.method) == [
                    "CommissionReview", "DraftTermsOfReference", "AgreeTermsOfReference", "AgreeTermsOfReference", "GetReview",
                    "GetTermsOfReferenceDocument",
                ])
            #expect(trail.entries.first { $0.method == "CommissionReview" }?.principal == "rapid-review")
            #expect(trail.entries.first { $0.method == "DraftTermsOfReference" }?.principal == "Rev.Team")
            #expect(trail.entries.filter { $0.method == "AgreeTermsOfReference" }.map(\.outcome).sorted() == ["FAILED_PRECONDITION", "OK"])
        }
    }
}
