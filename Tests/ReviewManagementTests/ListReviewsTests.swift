import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// `ListReviews` from the kept statuses and summary rows: paged, filtered before paging, each
/// review's state as its last change left it.
@Suite("ListReviews: pages of the kept summaries")
struct ListReviewsTests {
    static func list(_ harness: Harness, _ request: ReviewManagementAPI.ListReviewsRequest) async throws(RPCError)
        -> ReviewManagementAPI.ListReviewsResponse
    {
        try await harness.call(ReviewManagementAPI.listReviews, request, as: TestTokens.viewer)
    }

    @Test("pages of at most pageSize after offset, with how many match; a state filter applies before paging; each change updates its row")
    func pagesAndFilters() async throws {
        try await withHarness { harness in
            let references = (71...75).map(Fixtures.reference)
            for (index, reference) in references.enumerated() {
                try await harness.prepare(reference, through: index % 2 == 0 ? .drafted : .commissioned)
            }
            let first = try await Self.list(harness, .init(pageSize: 2))
            #expect(first.reviews.map(\.caseReference) == Array(references.prefix(2)))
            #expect(first.total == 5 && first.offset == 0)
            let last = try await Self.list(harness, .init(pageSize: 2, offset: 4))
            #expect(last.reviews.map(\.caseReference) == [references[4]])
            #expect(try await Self.list(harness, .init(offset: 9)).reviews.isEmpty)

            let drafted = try await Self.list(harness, .init(state: .termsOfReferenceDrafted, pageSize: 2, offset: 1))
            #expect(drafted.total == 3)
            #expect(drafted.reviews.map(\.caseReference) == [references[2], references[4]])

            // The panel agrees the terms of one: its row follows.
            try await harness.agree(references[2])
            let agreed = try await Self.list(harness, .init(state: .termsOfReferenceAgreed))
            #expect(agreed.reviews.map(\.caseReference) == [references[2]])
            #expect(agreed.reviews.first?.reviewKind == .localReview)
            #expect(agreed.reviews.first?.nextDeadline?.rule == .t7)
        }
    }

    @Test("a review without a summary row (changed before there was one) is listed from its own records")
    func missingSummaryRow() async throws {
        try await withReview(76, through: .drafted) { harness, reference in
            try await harness.service.context.database.write { tx in try tx.execute("DELETE FROM review_summaries") }
            let listed = try await Self.list(harness, .init())
            #expect(listed.reviews.map(\.caseReference) == [reference])
            #expect(listed.reviews.first?.state == .termsOfReferenceDrafted)
        }
    }

    static let badPages: [(ReviewManagementAPI.ListReviewsRequest, String)] = [
        (.init(pageSize: 0), "pageSize: must be between 1 and 1000"), (.init(pageSize: 1001), "pageSize: must be between 1 and 1000"),
        (.init(offset: -1), "offset: must be 0 or more"),
    ]

    @Test("a page out of range is INVALID_ARGUMENT naming the field", arguments: badPages)
    func badPage(_ request: ReviewManagementAPI.ListReviewsRequest, _ message: String) async throws {
        try await withHarness { harness in
            let refused = await captureRPCError { _ = try await Self.list(harness, request) }
            #expect(refused?.code == .invalidArgument)
            #expect(refused?.message == message)
        }
    }
}
