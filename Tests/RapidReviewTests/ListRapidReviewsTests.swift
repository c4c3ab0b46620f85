import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@testable import RapidReviewService

/// `ListRapidReviews` reads one kept row per case (`rapid_review_summaries`, rewritten by each
/// change, beside the kept status) instead of loading every case with its history; it pages
/// when asked, and answers every match when not, as before.
@Suite("ListRapidReviews from the kept rows")
struct ListRapidReviewsTests {
    static func prepared(_ harness: Harness) async throws {
        try await harness.prepare(Fixtures.reference(81), through: .scheduled)
        try await harness.prepare(Fixtures.reference(82), .pastT6, through: .recommended)
        try await harness.prepare(Fixtures.reference(83), through: .ratified)
    }

    @Test("the list from the kept rows is the list from loading every case, state, recommendation, deadline and all")
    func sameAsLoaded() async throws {
        try await withHarness { harness in
            try await Self.prepared(harness)
            let clock = harness.service.context.clock
            let store = RapidReviewStore(database: harness.service.context.database, clock: { clock })
            let kept = try await store.summaries(clock)
            let loaded = try await store.rapidReviews().map { $0.summary(clock) }
            #expect(kept.count == 3)
            #expect(kept == loaded)
            let rows = try await harness.service.context.database.read { try $0.value("SELECT count(*) FROM rapid_review_summaries") as Int? }
            #expect(rows == 3)
        }
    }

    @Test("a case without a kept row (changed before there was one) is listed from its own records")
    func missingRow() async throws {
        try await withHarness { harness in
            try await Self.prepared(harness)
            try await harness.service.context.database.write { tx in try tx.execute("DELETE FROM rapid_review_summaries") }
            let all = try await harness.call(RapidReviewAPI.listRapidReviews, .init(), as: TestTokens.viewer).rapidReviews
            #expect(all.map(\.state) == [.meetingScheduled, .awaitingRatification, .ratified])
        }
    }

    @Test("a page of pageSize after offset, with the total matching; no page asked, every match and no total")
    func pages() async throws {
        try await withHarness { harness in
            try await Self.prepared(harness)
            let page = try await harness.call(RapidReviewAPI.listRapidReviews, .init(pageSize: 2, offset: 1), as: TestTokens.viewer)
            #expect(page.rapidReviews.map(\.caseReference) == [82, 83].map(Fixtures.reference))
            #expect(page.total == 3 && page.offset == 1)
            let all = try await harness.call(RapidReviewAPI.listRapidReviews, .init(), as: TestTokens.viewer)
            #expect(all.rapidReviews.count == 3 && all.total == nil)
            let refused = await captureRPCError {
                _ = try await harness.call(RapidReviewAPI.listRapidReviews, .init(pageSize: 1001), as: TestTokens.viewer)
            }
            #expect(refused == RPCError(.invalidArgument, "pageSize: must be between 1 and 1000"))
        }
    }
}
