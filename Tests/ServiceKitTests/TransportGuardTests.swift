import Contract
import Foundation
import RPC
import ServiceKit
import ServiceKitTestServices
import ServiceTestSupport
import TestSupport
import Testing

/// Issue 17 items 2 and 16 on a service as ServiceRunner starts it: the token is checked on the
/// headers (AuthInterceptor's check as the router's gate), and a malformed preface gets GOAWAY.
@Suite("A service checks the token before it reads a body, and speaks HTTP/2 to a bad preface")
struct TransportGuardTests {
    @Test("a call without a known token has its body refused from the headers, and is answered and audited as before")
    func bodyRefusedWithoutToken() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { sender, client in
            let stats = sender.server.http.stats
            let body = #"{"key":"CASE-A","text":"fictional"}"#
            for authorization in ["", "Authorization: Bearer not-a-known-token-at-all\r\n"] {
                let connection = try RawConnection(port: sender.port)
                connection.send(
                    "POST \(TestServices.record.path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\(authorization)"
                        + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)")
                let response = connection.readHTTP1Response()
                #expect(response?.status == 401)
                #expect(response?.body.contains("unauthenticated") == true, "\(response?.body ?? "no answer")")
            }
            #expect(stats.refusedBodies.load(ordering: .relaxed) == 2)
            // With the token the body is read and the call made.
            let recorded = try await client.call(TestServices.record, .init(key: "CASE-A", text: "fictional"), as: TestTokens.staff)
            #expect(recorded.seq == 1)
            #expect(stats.refusedBodies.load(ordering: .relaxed) == 2)
            let trail = try await client.call(AdminAPI.getAuditTrail, .init(), as: TestTokens.admin)
            let outcomes = trail.entries.filter { $0.method == "Record" }.map(\.outcome)
            #expect(outcomes == ["OK"])
            // The two refusals are audited in aggregate, per source and minute (issue 17, item 3).
            #expect(trail.refusals?.reduce(0) { $0 + $1.count } == 2)
        }
    }

    @Test("a malformed HTTP/2 preface on a service's port gets GOAWAY(PROTOCOL_ERROR) before the close")
    func malformedPreface() async throws {
        let directory = try TestDirectory.serviceKit()
        try await withInProcess(TestServices.sender, directory) { sender, _ in
            let connection = try RawConnection(port: sender.port)
            connection.send("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n")
            let (bytes, closed) = connection.read()
            #expect(closed)
            // SETTINGS (9 bytes), then GOAWAY: type 7, last stream 0, error code 1.
            #expect(bytes.count >= 26)
            if bytes.count >= 26 {
                #expect(bytes[3] == 0x4 && bytes[12] == 0x7, "frame types \(bytes[3]) and \(bytes[12])")
                #expect(Array(bytes[22..<26]) == [0, 0, 0, 1], "GOAWAY error code \(Array(bytes[22..<26]))")
            }
        }
    }
}
