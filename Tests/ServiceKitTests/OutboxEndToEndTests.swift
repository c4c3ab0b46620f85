import Contract
import Foundation
import RPC
import ServiceKit
import ServiceKitTestServices
import ServiceTestSupport
import TestSupport
import Testing

/// The outbox with real processes over RPC (issue 3): nothing lost, nothing applied twice,
/// order kept, whoever is down or killed.
@Suite("Outbox end to end, with real processes")
struct OutboxEndToEndTests {
    @Test("100 hand-overs enqueued while the receiver is down arrive exactly once, in order, though the sender is killed mid-delivery")
    func exactlyOnceInOrder() async throws {
        let pair = try SenderAndReceiver()
        var sender = try await pair.startSender()
        let client = RPCClient(host: "127.0.0.1", port: pair.senderPort, configuration: ClientConfigurationForTests.fastBackoff)
        let keys = (0..<100).map { String(format: "E%03d", $0) }
        for key in keys {
            _ = try await client.call(TestServices.record, .init(key: key, text: "fictional"), as: TestTokens.staff)
        }

        let receiver = try await pair.startReceiver(extra: ["TEST_RECEIVER_DELAY_MS": "15"])
        let receiverClient = RPCClient(host: "127.0.0.1", port: pair.receiverPort)
        func applied() async throws -> [TestServices.Applied] {
            try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied
        }
        // Kill the sender part way through delivering.
        let started = try await eventually(within: .seconds(20)) { try await applied().count >= 10 }
        #expect(started, "no hand-over arrived")
        sender.send(SIGKILL)
        _ = try await sender.waitForExit()
        let killed = sender
        let atKill = try await applied().count
        #expect(atKill < 100, "the sender was killed after delivering everything: the test proved nothing")
        sender = try await pair.startSender()

        let all = try await eventually(within: .seconds(30)) { try await applied().count >= 100 }
        let count = try await applied().count
        #expect(all, "only \(count) of 100 arrived")
        try await Task.sleep(for: .milliseconds(300))  // room for a duplicate to show up, if there were one
        let final = try await applied()
        // What the relay said, should anything be missing: each failure and its code.
        let relayLines = (killed.output + sender.output).filter { $0.contains("hand-over") && !$0.contains("delivered") }.prefix(12)
        #expect(
            final.map(\.key) == keys, "lost, duplicated or out of order (\(atKill) had arrived when the sender was killed); the relay: \(relayLines)")
        #expect(final.map(\.seq) == (1...100).map(Int64.init))

        sender.send(SIGTERM)
        receiver.send(SIGTERM)
        #expect(try await sender.waitForExit() == 0)
        #expect(try await receiver.waitForExit() == 0)
    }

    @Test("a receiver killed mid-delivery and restarted still applies every hand-over exactly once")
    func receiverKilled() async throws {
        let pair = try SenderAndReceiver()
        let sender = try await pair.startSender()
        var receiver = try await pair.startReceiver()
        let client = RPCClient(host: "127.0.0.1", port: pair.senderPort)
        let receiverClient = RPCClient(host: "127.0.0.1", port: pair.receiverPort, configuration: ClientConfigurationForTests.fastBackoff)
        let keys = (0..<60).map { String(format: "K%03d", $0) }
        let writer = Task {
            for key in keys {
                _ = try await client.call(TestServices.record, .init(key: key, text: "fictional"), as: TestTokens.staff)
            }
        }
        func applied() async -> [TestServices.Applied] {
            (try? await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin, deadline: .seconds(2)).applied) ?? []
        }
        #expect(await eventually(within: .seconds(20)) { await applied().count >= 5 })
        receiver.send(SIGKILL)
        _ = try await receiver.waitForExit()
        receiver = try await pair.startReceiver()
        try await writer.value
        #expect(await eventually(within: .seconds(30)) { await applied().count >= 60 })
        try await Task.sleep(for: .milliseconds(300))
        #expect(await applied().map(\.key) == keys)
        sender.send(SIGTERM)
        receiver.send(SIGTERM)
        _ = try await sender.waitForExit()
        _ = try await receiver.waitForExit()
    }
}

/// The test sender and receiver as processes sharing one data folder, each on its own port.
private struct SenderAndReceiver {
    let directory: TestDirectory
    let senderPort: Int
    let receiverPort: Int
    /// Holds the receiver's port until it first starts: while it is down, no other process's
    /// server may take the port and answer the sender in its place (issue 17).
    private let receiverHeld: PortReservation

    init() throws {
        directory = try TestDirectory.serviceKit()
        senderPort = try freePort()
        var held: PortReservation?
        for _ in 0..<5 where held == nil { held = try? PortReservation(port: try freePort()) }
        guard let held else { throw PortReservationError(port: 0, code: EADDRINUSE) }
        receiverHeld = held
        receiverPort = held.port
    }

    /// Starts the sender, pointed at the receiver's port whether or not the receiver is up.
    func startSender() async throws -> ChildProcess {
        try await startProcess(.testSender, directory, port: senderPort, peers: [.testReceiver: receiverPort])
    }

    func startReceiver(extra: [String: String] = [:]) async throws -> ChildProcess {
        receiverHeld.release()
        return try await startProcess(.testReceiver, directory, port: receiverPort, extra: extra)
    }
}
