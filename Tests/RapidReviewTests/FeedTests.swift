import Contract
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing

/// rapid-review's change feed (issue 12): the hand-over and each step record the case's status
/// in their transaction; a replayed hand-over or a refused step records nothing.
@Suite("rapid-review's change feed")
struct FeedTests {
    @Test("the feed lists a case after its hand-over and again after ScheduleMeeting, at its latest; a replayed hand-over adds no version")
    func handOverAndStep() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(80)
            let opened = try await harness.open(Fixtures.handOver(reference))
            let first = try await harness.page(after: nil)
            #expect(first.statuses.map(\.reference) == [reference])
            #expect(first.statuses.first?.stage == .rapidReview)
            #expect(first.statuses.first?.milestones.map(\.event) == ["referralReceived", "rapidReviewOpened"])
            let afterOpening = try #require(first.next)

            try await harness.schedule(reference, on: Fixtures.Scenario.onTime.meetingDate)
            let second = try await harness.page(after: afterOpening)
            #expect(second.statuses.map(\.reference) == [reference])
            let status = try #require(second.statuses.first)
            #expect(status.milestones.map(\.event) == ["referralReceived", "rapidReviewOpened", "meetingScheduled"])
            let view = try await harness.rapidReview(reference)
            #expect(status.stage == view.stage)
            #expect(status.milestones == view.milestones)
            #expect(status.deadlines == view.deadlines)
            let byReference = try await harness.call(RapidReviewAPI.getStatuses, .init(references: [reference]), as: TestTokens.viewer)
            #expect(byReference.statuses == [status])
            let latest = try #require(second.next)
            #expect(latest.version > afterOpening.version)

            // intake's relay sends the hand-over again (same idempotency key): the first reply, no new version.
            let rows = try await harness.feedRows()
            #expect(try await harness.open(Fixtures.handOver(reference)) == opened)
            #expect(try await harness.feedRows() == rows)
            let again = try await harness.page(after: latest)
            #expect(again.statuses.isEmpty)
            #expect(again.next == latest)
            #expect(again.more == false)
        }
    }

    @Test("a refused step leaves the status and its version as they were; a second case follows the first in the feed")
    func refusedStep() async throws {
        try await withCase(81, through: .scheduled) { harness, reference in
            let since = try #require(try await harness.page(after: nil).next)
            let rows = try await harness.feedRows()
            let refused = await captureRPCError { try await harness.ratify(reference) }
            #expect(refused?.code == .failedPrecondition)
            #expect(try await harness.feedRows() == rows)
            #expect(try await harness.page(after: since).statuses.isEmpty)

            let other = Fixtures.reference(82)
            try await harness.open(Fixtures.handOver(other))
            let page = try await harness.page(after: since)
            #expect(page.statuses.map(\.reference) == [other])
            #expect(page.more == false)
        }
    }
}

extension Harness {
    /// One page of the feed after `since`, as the gateway asks.
    func page(after since: StatusCursor?, size: Int? = nil) async throws(RPCError) -> GetStatusesResponse {
        try await call(RapidReviewAPI.getStatuses, .init(since: since, pageSize: size), as: TestTokens.service(.gateway))
    }

    /// Every stored status row: its change version and its text, by reference.
    func feedRows() async throws -> [String: FeedRowValue] {
        try await service.context.database.read { db in
            var rows: [String: FeedRowValue] = [:]
            for row in try db.query("SELECT reference, version, status FROM case_status") {
                rows[try row[0]] = FeedRowValue(version: try row[1], status: try row[2])
            }
            return rows
        }
    }
}

/// One stored status row.
struct FeedRowValue: Equatable, Sendable {
    var version: Int64
    var status: String
}
