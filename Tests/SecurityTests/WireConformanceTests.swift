import Foundation
import H2
import RPC
import TestSupport
import Testing

/// Issue 17 items 15 and 16: the HTTP/1.1 rules of RFC 9112 an attacker would lean on (request
/// smuggling, Host confusion), and HTTP/2's answer to a malformed preface.
@Suite("HTTP/1.1 as RFC 9112 and HTTP/2 as RFC 9113 say, over real sockets")
struct WireConformanceTests {
    /// A request head that must be refused with 400 and the connection closed.
    struct Refused: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var request: String
    }

    static let refused = [
        Refused(testDescription: "an HTTP/1.1 request without Host", request: "GET /healthz HTTP/1.1\r\n\r\n"),
        Refused(testDescription: "two Host fields", request: "GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"),
        Refused(testDescription: "NUL in a field value", request: "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\u{0}b\r\n\r\n"),
        Refused(testDescription: "a bare CR in a field value", request: "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\rb\r\n\r\n"),
        Refused(testDescription: "a bare LF in a field value", request: "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Note: a\nb: c\r\n\r\n"),
        Refused(
            testDescription: "Content-Length and Transfer-Encoding together",
            request: "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"),
        Refused(
            testDescription: "Transfer-Encoding and Content-Length together, the other way round",
            request: "POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n"),
    ]

    @Test("a request RFC 9112 refuses is answered 400 and its connection closed", arguments: refused)
    func refusedHeads(_ bad: Refused) async throws {
        try await withGuardedServer { server in
            let connection = try RawConnection(port: server.port)
            connection.send(bad.request)
            #expect(connection.readHTTP1Response()?.status == 400)
            #expect(connection.read().closed, "the connection stayed open after a 400")
            #expect(legitimateCall(port: server.port))
        }
    }

    @Test("the absolute form of the request target is accepted, and its host wins over Host")
    func absoluteForm() async throws {
        try await withGuardedServer { server in
            let connection = try RawConnection(port: server.port)
            connection.send("GET http://cspr.example:7101/healthz HTTP/1.1\r\nHost: other.example\r\n\r\n")
            let health = connection.readHTTP1Response()
            #expect(health?.status == 200 && health?.body == "ok\n")
            let body = #"{"text":"absolute"}"#
            connection.send(
                "POST http://cspr.example\(EchoService.echo.path) HTTP/1.1\r\nHost: cspr.example\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer \(Guard.token)\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)")
            let echo = connection.readHTTP1Response()
            #expect(echo?.status == 200)
            #expect(echo?.body.contains("absolute") == true, "\(echo?.body ?? "no answer")")
        }
    }

    @Test(
        "a malformed HTTP/2 connection preface gets SETTINGS, then GOAWAY(PROTOCOL_ERROR), then the close",
        arguments: ["PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n", "PRI * HTTP/1.1\r\n\r\nSM\r\n\r\n", "PRI / HTTP/2.0\r\n\r\n"])
    func malformedPreface(_ preface: String) async throws {
        try await withGuardedServer { server in
            let connection = try RawConnection(port: server.port)
            connection.send(preface)
            let (bytes, closed) = connection.read()
            let frames = RawH2.frames(bytes)
            #expect(closed)
            #expect(frames.map(\.type) == [0x4, 0x7], "frames \(frames.map(\.type))")
            if let goaway = frames.last, goaway.type == 0x7, goaway.payload.count >= 8 {
                let code = goaway.payload[4..<8].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                #expect(code == 1, "GOAWAY with error code \(code), not PROTOCOL_ERROR")
            }
            #expect(legitimateCall(port: server.port))
        }
    }
}
