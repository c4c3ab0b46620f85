import Contract
import Foundation
import RPC
import ServiceKit
import ServiceKitTestServices
import ServiceTestSupport
import Storage
import TestSupport
import Testing

@Suite("A service built on ServiceKit, over real RPC")
struct ServiceTests {
    @Test("calls need a known bearer token and one of the method's roles")
    func authentication() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { _, client in
            let event = TestServices.Event(key: "K1", text: "fictional")

            let none = await captureRPCError { _ = try await client.call(TestServices.record, event, deadline: .seconds(5)) }
            #expect(none?.code == .unauthenticated)
            let unknown = await client.refusal(TestServices.record, event, as: "not-a-known-token-at-all")
            #expect(unknown?.code == .unauthenticated)
            let wrongRole = await client.refusal(TestServices.record, event, as: TestTokens.viewer)
            #expect(wrongRole?.code == .permissionDenied)
            #expect(wrongRole?.message.contains("partnership-support") == true)
            let recorded = try await client.call(TestServices.record, event, as: TestTokens.staff)
            #expect(recorded.seq == 1)
        }
    }

    @Test("every call of an audited method is in the append-only audit trail: who, what, which case, outcome")
    func audit() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { sender, client in
            _ = try await client.call(TestServices.record, .init(key: "CASE-A", text: "fictional"), as: TestTokens.staff)
            _ = try await client.call(TestServices.read, .init(key: "CASE-A"), as: TestTokens.panel)
            _ = await client.refusal(TestServices.read, .init(key: "CASE-B"), as: TestTokens.panel)
            // Refused attempts are recorded as well: who tried (when known), what, and the refusal.
            _ = await client.refusal(TestServices.read, .init(key: "CASE-A"), as: TestTokens.viewer)
            _ = await captureRPCError { _ = try await client.call(TestServices.read, .init(key: "CASE-A"), deadline: .seconds(5)) }

            let trail = try await client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            let entries = trail.entries.filter { $0.method != "GetAuditTrail" }
            #expect(entries.map(\.method) == ["Read", "Read", "Read", "Record"])
            #expect(entries.map(\.principal) == ["Vic.Viewer", "Sam.Panel", "Sam.Panel", "Pat.Support"])
            #expect(entries.map(\.caseReference) == [nil, "CASE-B", "CASE-A", "CASE-A"])
            #expect(entries.map(\.outcome) == ["PERMISSION_DENIED", "NOT_FOUND", "OK", "OK"])
            // The call without a token is counted with the others of its source and minute
            // (issue 17, item 3), not an entry of its own.
            #expect(trail.refusals?.map(\.count) == [1])
            #expect(entries.allSatisfy { !$0.requestID.isEmpty })

            let forCase = try await client.call(AdminAPI.getAuditTrail, .init(caseReference: "CASE-A"), as: TestTokens.admin)
            #expect(forCase.entries.count == 2)

            // Append-only: the database itself refuses to change or remove an entry.
            let database = sender.context.database
            await #expect(throws: DatabaseError.self) {
                try await database.write { tx in try tx.execute("UPDATE audit_trail SET principal = 'someone else'") }
            }
            await #expect(throws: DatabaseError.self) { try await database.write { tx in try tx.execute("DELETE FROM audit_trail") } }
        }
    }

    @Test("a hand-over waits in the outbox while the receiver is down and arrives once it is up")
    func relayDelivers() async throws {
        let directory = try TestDirectory.serviceKit()
        let receiverPort = try freePort()
        try await withInProcess(TestServices.sender, directory, peers: [.testReceiver: receiverPort]) { sender, client in
            for key in ["R1", "R2", "R3"] {
                _ = try await client.call(TestServices.record, .init(key: key, text: "fictional"), as: TestTokens.staff)
            }
            let database = sender.context.database
            #expect(try await database.read { try Outbox.metrics($0) }.depth == 3)

            let receiver = try await startProcess(.testReceiver, directory, port: receiverPort)
            let receiverClient = RPCClient(host: "127.0.0.1", port: receiverPort)
            let arrived = try await eventually(within: .seconds(15)) {
                try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied.count == 3
            }
            #expect(arrived)
            let applied = try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied
            #expect(applied.map(\.key) == ["R1", "R2", "R3"])
            #expect(try await eventually(within: .seconds(5)) { try await database.read { try Outbox.metrics($0) }.depth == 0 })

            // /metrics shows the outbox.
            let connection = try RawConnection(port: sender.port)
            connection.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            let metrics = connection.readHTTP1Response()?.body ?? ""
            #expect(metrics.contains("cspr_outbox_delivered_total 3"))
            #expect(metrics.contains("cspr_outbox_depth 0"))
            receiver.send(SIGTERM)
            _ = try await receiver.waitForExit()
        }
    }

    @Test("a hand-over the receiver refuses is parked as a dead letter, listed, and delivered again on retry")
    func deadLetters() async throws {
        let directory = try TestDirectory.serviceKit()
        let receiverPort = try freePort()
        let receiver = try await startProcess(.testReceiver, directory, port: receiverPort, extra: ["TEST_RECEIVER_REFUSE": "BAD"])
        try await withInProcess(TestServices.sender, directory, peers: [.testReceiver: receiverPort]) { sender, client in
            _ = try await client.call(TestServices.record, .init(key: "BAD", text: "fictional"), as: TestTokens.staff)

            var parked: [AdminAPI.DeadLetter] = []
            let found = try await eventually(within: .seconds(10)) {
                parked = try await client.call(AdminAPI.listDeadLetters, .init(), as: TestTokens.admin)
                    .deadLetters
                return parked.count == 1
            }
            #expect(found)
            #expect(parked.first?.lastError?.contains("FAILED_PRECONDITION") == true)
            let connection = try RawConnection(port: sender.port)
            connection.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(connection.readHTTP1Response()?.body.contains("cspr_outbox_dead_letters 1") == true)

            // The receiver is fixed (restarted without the refusal); an admin retries the letter.
            receiver.send(SIGTERM)
            _ = try await receiver.waitForExit()
            let fixed = try await startProcess(.testReceiver, directory, port: receiverPort)
            let id = try #require(parked.first?.id)
            let retried = try await client.call(AdminAPI.retryDeadLetter, .init(id: id), as: TestTokens.admin)
            #expect(retried.retried)
            let receiverClient = RPCClient(host: "127.0.0.1", port: receiverPort)
            #expect(
                try await eventually(within: .seconds(10)) {
                    try await receiverClient.call(TestServices.list, .init(), as: TestTokens.admin).applied.map(
                        \.key) == ["BAD"]
                })
            let missing = await client.refusal(AdminAPI.retryDeadLetter, .init(id: 999), as: TestTokens.admin)
            #expect(missing?.code == .notFound)
            fixed.send(SIGTERM)
            _ = try await fixed.waitForExit()
        }
    }

    @Test("admin calls: a backup that opens with the data in it, and a clean integrity check")
    func admin() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { _, client in
            _ = try await client.call(TestServices.record, .init(key: "B1", text: "kept in the backup"), as: TestTokens.staff)
            let integrity = try await client.call(AdminAPI.integrityCheck, .init(), as: TestTokens.admin)
            #expect(integrity.ok)
            let backup = try await client.call(AdminAPI.backup, .init(), as: TestTokens.admin, deadline: .seconds(10))
            #expect(backup.bytes > 0)
            let copy = try await Database.open(atPath: backup.path)
            let text: String? = try await copy.read { try $0.value("SELECT text FROM events WHERE key = 'B1'") }
            #expect(text == "kept in the backup")
            await copy.close()
            let denied = await client.refusal(AdminAPI.backup, .init(), as: TestTokens.staff)
            #expect(denied?.code == .permissionDenied)
        }
    }

    @Test("ready after migrations: /readyz and /healthz answer 200 without a token")
    func readiness() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { sender, _ in
            let connection = try RawConnection(port: sender.port)
            connection.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(connection.readHTTP1Response()?.status == 200)
            connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(connection.readHTTP1Response()?.status == 200)
        }
    }

    @Test("a service process stops on SIGTERM and exits 0, having logged only JSON lines")
    func sigterm() async throws {
        let directory = try TestDirectory.serviceKit()
        let port = try freePort()
        let sender = try await startProcess(.testSender, directory, port: port)
        let client = RPCClient(host: "127.0.0.1", port: port)
        _ = try await client.call(TestServices.record, .init(key: "S1", text: "fictional"), as: TestTokens.staff)
        sender.send(SIGTERM)
        #expect(try await sender.waitForExit() == 0)
        #expect(sender.output.contains { $0.contains("\"message\":\"stopped\"") })
        // Every line it wrote is a JSON object.
        for line in sender.output where !line.isEmpty {
            #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) is [String: Any], "not JSON: \(line)")
        }
    }

    @Test("--describe prints the service's identity and peers and exits 0, before its configuration is read")
    func describe() async throws {
        guard let executable = BuiltProducts.executable("ServiceKitTestService") else { throw ChildProcessError.notBuilt("ServiceKitTestService") }
        let result = try await runCommand(executable.path, ["test-sender", "--describe"], environment: ["CSPR_LISTEN": "nowhere"])
        #expect(result.status == 0)
        #expect(
            result.output.split(separator: "\n", omittingEmptySubsequences: false) == [
                "name=test-sender", "port=7190", "variable=CSPR_TEST_SENDER_URL", "service=cspr.test.v1.Sender", "stage=", "peers=test-receiver",
                "roles=service", "peer.test-receiver=CSPR_TEST_RECEIVER_URL 7191", "",
            ])
    }

    @Test("a typed hand-over is stored as the untyped row: destination, method path, JSON payload, idempotency key")
    func typedHandOver() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { sender, _ in
            let handOver = try JSONCodec.decode(TestServices.HandOver.self, from: Data(#"{"key":"K1","text":"fictional","seq":7}"#.utf8))
            let message = try await sender.context.database.write { tx -> OutboxMessage? in
                try Outbox.enqueue(tx, TestServices.applyHandOver, handOver, key: "test-sender/K1", now: Date(timeIntervalSince1970: 0))
                return try Outbox.next(tx, destination: "test-receiver", now: Date())
            }
            #expect(message?.destination == "test-receiver")
            #expect(message?.method == "/cspr.test.v1.Receiver/Apply")
            #expect(message?.payload == (try JSONCodec.encode(handOver)))
            #expect(message?.idempotencyKey == "test-sender/K1")
        }
    }

    @Test("a configuration error stops the process at once with exit status 2, naming the variable")
    func configurationError() async throws {
        guard let executable = BuiltProducts.executable("ServiceKitTestService") else { throw ChildProcessError.notBuilt("ServiceKitTestService") }
        let result = try await runCommand(executable.path, ["test-sender"], environment: ["CSPR_LISTEN": "nowhere"])
        #expect(result.status == 2)
        #expect(result.output.contains("CSPR_LISTEN"))
    }
}
