import Contract
import Foundation
import H2
import RPC
import ServiceKit
import ServiceKitTestServices
import ServiceTestSupport
import Storage
import TestSupport
import Testing

/// A hand-over is parked only when its receiver refuses the message itself (issue 17): while the
/// receiver is away, another server may answer on its port, and what it says is no refusal.
@Suite("A hand-over is never parked because its receiver was away")
struct OutboxStrangerTests {
    /// What answered on the receiver's port while it was down.
    enum Stranger: String, CaseIterable, Sendable {
        /// A plain HTTP server without the path: 404, which gRPC reads as UNIMPLEMENTED.
        case httpNotFound
        /// Another gRPC service, which does not have the method.
        case unimplemented
        /// Another service that does not know the sender's token.
        case unauthenticated
        /// Another service that knows the token but not this caller for the method.
        case permissionDenied
    }

    @Test(
        "issue 17: a hand-over another server answers on the receiver's port is retried, not parked, and applied once when the receiver is back",
        arguments: Stranger.allCases)
    func strangerIsNoRefusal(_ stranger: Stranger) async throws {
        let directory = try TestDirectory.serviceKit()
        let port = try freePort()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("sender.sqlite").path)
        _ = try await database.migrate(Outbox.migrations)
        let handOver = TestServices.applyHandOver
        _ = try await database.write { tx in
            try Outbox.enqueue(
                tx, destination: handOver.destination.name, method: handOver.method.path,
                payload: Data(#"{"key":"E000","text":"fictional","seq":1}"#.utf8), idempotencyKey: "stranger/E000")
        }
        let relay = OutboxRelay(
            database: database,
            peers: [
                ServiceIdentity.testReceiver.name: RPCClient(host: "127.0.0.1", port: port, configuration: ClientConfigurationForTests.fastBackoff)
            ],
            token: TestTokens.service(.testSender), policy: RetryPolicy(baseDelay: 0.05, maxDelay: 0.2),
            logger: Logger(service: "test-sender") { _ in },
            pollInterval: .milliseconds(50))

        try await withHTTPServer(StrangerHandler(stranger: stranger), { $0.port = port }) { _ in
            let due = try await database.read { try Outbox.due($0, now: Date()) }
            #expect(due.count == 1)
            for message in due { await relay.deliver(message) }
        }
        let (parked, waiting) = try await database.read { conn in
            (try Outbox.deadLetters(conn), try Outbox.due(conn, now: Date().addingTimeInterval(3600)))
        }
        #expect(parked.isEmpty, "parked after a stranger answered: \(parked.map { $0.lastError ?? "" })")
        #expect(waiting.count == 1 && waiting.first?.attempts == 1, "the stranger's answer was not recorded as a failed attempt")

        // The receiver is back on its port: the hand-over arrives, once.
        let receiver = try await startProcess(.testReceiver, directory, port: port)
        relay.start()
        let receiverClient = RPCClient(host: "127.0.0.1", port: port)
        let arrived = try await eventually(within: .seconds(10)) {
            try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied.count >= 1
        }
        try await Task.sleep(for: .milliseconds(200))  // room for a duplicate to show up, if there were one
        let applied = try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied
        await relay.stop()
        await database.close()
        receiver.send(SIGTERM)
        _ = try await receiver.waitForExit()
        #expect(arrived)
        #expect(applied.map(\.key) == ["E000"])
    }
}

/// Answers every request as `stranger` would.
private struct StrangerHandler: HTTPHandler {
    let stranger: OutboxStrangerTests.Stranger

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let code: RPCCode
        switch stranger {
        case .httpNotFound: return HTTPResponse(status: 404, headers: ["content-type": "text/plain"], body: Data("no such page\n".utf8))
        case .unimplemented: code = .unimplemented
        case .unauthenticated: code = .unauthenticated
        case .permissionDenied: code = .permissionDenied
        }
        // Trailers-Only, as a gRPC server refuses a call before its handler runs.
        return HTTPResponse(
            status: 200, headers: ["content-type": "application/grpc+json", "grpc-status": String(code.rawValue), "grpc-message": "not here"])
    }
}
