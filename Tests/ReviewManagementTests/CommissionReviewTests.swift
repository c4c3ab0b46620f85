import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("CommissionReview: rapid-review's hand-over, applied once")
struct CommissionReviewTests {
    @Test("CommissionReview is applied once per idempotency key: a replay answers the first reply and changes nothing, the feed included")
    func appliedOnce() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(1)
            let handOver = Fixtures.commission(reference)
            let first = try await harness.commission(handOver, key: "rapid-review/CommissionReview/1")
            #expect(first == .init(caseReference: reference, commissioned: true))
            try await harness.draft(reference)
            let before = try await harness.review(reference)
            let rows = try await harness.feedRows()

            let replay = try await harness.commission(handOver, key: "rapid-review/CommissionReview/1")
            #expect(replay == first, "a replay answers the first reply")
            #expect(try await harness.review(reference) == before, "a replay changed the review")
            #expect(try await harness.feedRows() == rows, "a replay changed the status feed")

            // Another key for a review already commissioned: acknowledged, not commissioned again.
            let again = try await harness.commission(handOver, key: "rapid-review/CommissionReview/1-resent")
            #expect(again == .init(caseReference: reference, commissioned: false))
            #expect(try await harness.review(reference) == before)
            let all = try await harness.call(ReviewManagementAPI.listReviews, .init(), as: TestTokens.viewer)
            #expect(all.reviews.map(\.caseReference) == [reference])
        }
    }

    @Test(
        "the same key with another request is refused; so are a missing key, another partnership's case, a decision after today, a kind that commissions nothing"
    )
    func refusals() async throws {
        try await withReview(2, through: .commissioned) { harness, reference in
            var other = Fixtures.commission(reference)
            other.keyIssues = "Fictional: something else"
            let reused = await captureRPCError { try await harness.commission(other) }
            #expect(reused?.code == .invalidArgument)
            #expect(
                reused?.message.hasPrefix(
                    "idempotency-key: rapid-review/CommissionReview/TESTSHIRE-2025-0002 was already used for a different request") == true)

            let noKey = await captureRPCError {
                _ = try await harness.call(
                    ReviewManagementAPI.commissionReview, Fixtures.commission(Fixtures.reference(3)), as: TestTokens.service(.rapidReview))
            }
            #expect(noKey?.code == .invalidArgument)
            #expect(noKey?.message.hasPrefix("idempotency-key:") == true)

            let elsewhere = try #require(CaseReference("OTHERSHIRE-2025-0001"))
            let partnership = await captureRPCError { try await harness.commission(Fixtures.commission(elsewhere)) }
            #expect(partnership?.message.hasPrefix("caseReference: OTHERSHIRE-2025-0001 belongs to partnership OTHERSHIRE") == true)

            let future = await captureRPCError {
                try await harness.commission(Fixtures.commission(Fixtures.reference(4), decided: Fixtures.date("2025-04-08")))
            }
            #expect(future?.message.hasPrefix("decisionDate: T7:") == true)

            let audit = await captureRPCError { try await harness.commission(Fixtures.commission(Fixtures.reference(5), kind: .multiAgencyAudit)) }
            #expect(audit?.code == .invalidArgument)
            #expect(audit?.message.hasPrefix("reviewKind: R7: multiAgencyAudit (f) commissions no review") == true)

            let listed = try await harness.call(ReviewManagementAPI.listReviews, .init(), as: TestTokens.viewer)
            #expect(listed.reviews.map(\.caseReference) == [reference], "no refused hand-over commissioned anything")
        }
    }

    @Test("only the service role hands a review over; a reader's call for a review not commissioned is NOT_FOUND")
    func roles() async throws {
        try await withHarness { harness in
            let denied = await captureRPCError {
                var metadata = Metadata()
                metadata.add("idempotency-key", "k")
                _ = try await harness.call(
                    ReviewManagementAPI.commissionReview, Fixtures.commission(Fixtures.reference(6)), as: TestTokens.staff, metadata: metadata)
            }
            #expect(denied?.code == .permissionDenied)
            let missing = await captureRPCError { _ = try await harness.review(Fixtures.reference(6)) }
            #expect(missing?.code == .notFound)
            #expect(missing?.message.hasPrefix("caseReference: no review commissioned for TESTSHIRE-2025-0006") == true)
        }
    }
}
