import Contract
import Foundation
import RPC
import ServiceKit
import ServiceKitTestServices
import ServiceTestSupport
import Storage
import Synchronization
import TestSupport
import Testing

/// Issue 17, items 3 and 4: calls refused for want of a token are counted per source and
/// minute (and in /metrics), not a row each; the caller's x-request-id is its correlation id,
/// the audit entry's request id the server's.
@Suite("The audit trail, hardened (issue 17, items 3 and 4)")
struct AuditHardeningTests {
    @Test(
        "item 3: 100 calls without a token and 5 with an unknown one make no audit entries, one count of 105 under their address, and /metrics says 105"
    )
    func refusalsInAggregate() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { sender, client in
            for _ in 1...100 {
                _ = await captureRPCError { _ = try await client.call(TestServices.read, .init(key: "CASE-A"), deadline: .seconds(5)) }
            }
            for _ in 1...5 { _ = await client.refusal(TestServices.read, .init(key: "CASE-A"), as: "unknown-token-0123456789abcdef") }
            let trail = try await client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            #expect(!trail.entries.contains { $0.outcome == "UNAUTHENTICATED" })
            // Counted under the address the calls came from, as the transport saw it.
            #expect(Set(trail.refusals?.map(\.source) ?? []) == ["127.0.0.1"])
            #expect(trail.refusals?.reduce(0) { $0 + $1.count } == 105)
            let rows: Int? = try await sender.context.database.read { try $0.value("SELECT count(*) FROM audit_refusals") }
            #expect((rows ?? 0) <= 2, "one row per source and minute (the calls may straddle a minute)")

            let connection = try RawConnection(port: sender.port)
            connection.send("GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let metrics = connection.readHTTP1Response()?.body ?? ""
            #expect(metrics.contains("cspr_refused_without_token_total 105"))

            // Counts only grow; none is removed.
            let database = sender.context.database
            await #expect(throws: DatabaseError.self) { try await database.write { tx in try tx.execute("UPDATE audit_refusals SET count = 1") } }
            await #expect(throws: DatabaseError.self) { try await database.write { tx in try tx.execute("DELETE FROM audit_refusals") } }
        }
    }

    @Test("item 3: the tally closes a minute when the next begins, and keeps at most 1000 sources a minute apart")
    func tallyMinutes() {
        let clock = TestClock(Date(timeIntervalSince1970: 1_796_450_459))  // 2026-12-05T06:00:59Z
        let tally = RefusalTally(now: { clock.now })
        for _ in 1...3 { tally.count(source: "10.0.0.1") }
        #expect(!tally.hasClosedMinutes)
        clock.now = clock.now.addingTimeInterval(1)
        for _ in 1...2 { tally.count(source: "10.0.0.1") }
        #expect(tally.hasClosedMinutes)
        #expect(tally.take() == [RefusalCount(minute: "2026-12-05T06:00", source: "10.0.0.1", count: 3)])
        #expect(tally.take(all: true) == [RefusalCount(minute: "2026-12-05T06:01", source: "10.0.0.1", count: 2)])
        for index in 1...(RefusalTally.maxSources + 1) { tally.count(source: "10.1.\(index / 256).\(index % 256)") }
        let taken = tally.take(all: true)
        #expect(taken.count == RefusalTally.maxSources + 1)
        #expect(taken.first { $0.source == "other" }?.count == 1)
        #expect(tally.total == 5 + RefusalTally.maxSources + 1)
    }

    @Test("item 4: the caller's x-request-id is kept as its correlation id; the audit entry's request id is the server's, one per call")
    func correlation() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { _, client in
            var metadata = bearer(TestTokens.staff)
            metadata.add("x-request-id", "caller-chosen-1")
            for key in ["CASE-A", "CASE-B"] {
                _ = try await client.call(TestServices.record, .init(key: key, text: "fictional"), deadline: .seconds(5), metadata: metadata)
            }
            _ = try await client.call(TestServices.read, .init(key: "CASE-A"), as: TestTokens.panel)
            let trail = try await client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            let records = trail.entries.filter { $0.method == "Record" }
            #expect(records.map(\.correlationID) == ["caller-chosen-1", "caller-chosen-1"])
            #expect(Set(records.map(\.requestID)).count == 2)
            #expect(!records.contains { $0.requestID == "caller-chosen-1" })
            #expect(trail.entries.first { $0.method == "Read" }?.correlationID == nil)
        }
    }
}

/// A clock a test moves.
private final class TestClock: Sendable {
    private let instant: Mutex<Date>
    init(_ now: Date) { instant = Mutex(now) }
    var now: Date {
        get { instant.withLock { $0 } }
        set { instant.withLock { $0 = newValue } }
    }
}
