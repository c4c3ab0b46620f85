import Contract
import Foundation
import RPC
import ServiceKit
import ServiceKitTestServices
import ServiceTestSupport
import Storage
import TestSupport
import Testing

@Suite("A retried dead letter keeps its place")
struct OutboxRetryOrderTests {
    @Test("item 15: a dead letter an admin retries is delivered before a newer message to its destination the relay had already read as due")
    func retriedLetterGoesFirst() async throws {
        let directory = try TestDirectory.serviceKit()
        let receiverPort = try freePort()
        let receiver = try await startProcess(.testReceiver, directory, port: receiverPort)
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("sender.sqlite").path)
        _ = try await database.migrate(Outbox.migrations)
        let handOver = TestServices.applyHandOver
        @Sendable func enqueue(_ tx: WriteTransaction, _ key: String, _ seq: Int) throws -> Int64 {
            try Outbox.enqueue(
                tx, destination: handOver.destination.name, method: handOver.method.path,
                payload: Data(#"{"key":"\#(key)","text":"fictional","seq":\#(seq)}"#.utf8), idempotencyKey: "order/\(key)")
        }
        let (older, newer) = try await database.write { tx in (try enqueue(tx, "A", 1), try enqueue(tx, "B", 2)) }
        // The older message is parked; the relay reads the newer one as due; then an admin
        // retries the older one, before the relay has sent what it read.
        _ = try await database.write { tx in try Outbox.recordFailure(tx, id: older, error: "FAILED_PRECONDITION", retryable: false) }
        let due = try await database.read { try Outbox.due($0, now: Date()) }
        #expect(due.map(\.id) == [newer])
        #expect(try await database.write { tx in try Outbox.retryDeadLetter(tx, id: older) })

        let relay = OutboxRelay(
            database: database, peers: [ServiceIdentity.testReceiver.name: RPCClient(host: "127.0.0.1", port: receiverPort)],
            token: TestTokens.service(.testSender), logger: Logger(service: "test-sender") { _ in }, pollInterval: .milliseconds(50))
        for message in due { await relay.deliver(message) }
        relay.start()
        let receiverClient = RPCClient(host: "127.0.0.1", port: receiverPort)
        let arrived = try await eventually(within: .seconds(10)) {
            try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied.count == 2
        }
        await relay.stop()
        let applied = try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied
        await database.close()
        receiver.send(SIGTERM)
        _ = try await receiver.waitForExit()
        #expect(arrived)
        #expect(applied.map(\.key) == ["A", "B"])
    }
}
