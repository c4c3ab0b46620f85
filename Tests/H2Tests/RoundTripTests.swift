import Foundation
import H2
import TestSupport
import Testing

@Suite("HTTP/2 and HTTP/1.1 round trips")
struct RoundTripTests {
    @Test("an HTTP/2 request gets its status, body and trailers back through our client")
    func http2RoundTrip() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let response = try await client.send(testRequest("/echo", body: "hello over h2"), timeout: .seconds(5))
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == "hello over h2")
            #expect(response.headers["content-type"] == "application/octet-stream")
            #expect(response.trailers["x-trailer"] == "done")
        }
    }

    @Test("a response larger than the flow-control windows arrives whole")
    func largeResponse() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let response = try await client.send(testRequest("/bytes/3000000", method: "GET"), timeout: .seconds(10))
            #expect(response.body.count == 3_000_000)
        }
    }

    @Test("a request body larger than the initial window arrives whole")
    func largeRequest() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let body = String(repeating: "x", count: 3_000_000)
            let response = try await client.send(testRequest("/echo", body: body), timeout: .seconds(10))
            #expect(response.body.count == 3_000_000)
        }
    }

    @Test("HTTP/1.1 keeps the connection alive across requests, pipelined or not")
    func http1KeepAlive() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\none")
            let first = connection.readHTTP1Response()
            #expect(first?.status == 200)
            #expect(first?.body == "one")
            #expect(first?.headers["connection"] == "keep-alive")
            // Two requests in one write: answered in order.
            connection.send(
                "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\ntwoPOST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nthree"
            )
            #expect(connection.readHTTP1Response()?.body == "two")
            let last = connection.readHTTP1Response()
            #expect(last?.body == "three")
            #expect(last?.headers["connection"] == "close")
            #expect(connection.read().closed)
        }
    }

    @Test("HTTP/1.1 Expect: 100-continue gets its interim response")
    func expectContinue() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n")
            let interim = connection.readHTTP1Response()
            #expect(interim?.status == 100)
            connection.send("body")
            #expect(connection.readHTTP1Response()?.body == "body")
        }
    }

    @Test("a chunked HTTP/1.1 request body is answered 411")
    func chunkedRefused() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n")
            #expect(connection.readHTTP1Response()?.status == 411)
        }
    }

    @Test("many tasks share one HTTP/2 connection and all get their own answers")
    func concurrentCallsShareOneConnection() async throws {
        let stats = TransportStats()
        var configuration = ServerConfiguration()
        configuration.loopCount = 2
        let server = try HTTPServer(configuration: configuration, handler: TestHTTPHandler(), stats: stats)
        let client = HTTP2Client(host: "127.0.0.1", port: server.port)
        let answers = try await withThrowingTaskGroup(of: Bool.self) { group in
            for i in 0..<500 {
                group.addTask {
                    let response = try await client.send(testRequest("/echo", body: "call \(i)"), timeout: .seconds(10))
                    return String(decoding: response.body, as: UTF8.self) == "call \(i)"
                }
            }
            var matched = 0
            for try await ok in group where ok { matched += 1 }
            return matched
        }
        #expect(answers == 500)
        #expect(stats.acceptedConnections.load(ordering: .relaxed) == 1)
        client.close()
        await server.shutdown(grace: .seconds(2))
    }
}
