import Foundation
import H2
import TestSupport
import Testing

/// Each limit of DESIGN.md (Limits), set small so the test is quick.
@Suite("Server limits")
struct LimitTests {
    @Test("a request body over the message limit is refused, over HTTP/2 and HTTP/1.1")
    func messageSize() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.maxMessageBytes = 1024 }) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let refused = try await client.send(testRequest("/echo", body: String(repeating: "a", count: 4096)), timeout: .seconds(5))
            #expect(refused.status == 413)
            let accepted = try await client.send(testRequest("/echo", body: String(repeating: "a", count: 1024)), timeout: .seconds(5))
            #expect(accepted.status == 200)
            #expect(accepted.body.count == 1024)

            let connection = try RawConnection(port: server.port)
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n")
            #expect(connection.readHTTP1Response()?.status == 413)
        }
    }

    @Test("the server's concurrent-stream limit holds and our client queues calls beyond it")
    func concurrentStreams() async throws {
        let handler = TestHTTPHandler()
        try await withHTTPServer(handler, { $0.maxConcurrentStreams = 3 }) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<10 {
                    group.addTask { try await client.send(testRequest("/hold"), timeout: .seconds(10)).status }
                }
                // Wait until the first three are being handled, then let them all go.
                _ = await eventually(within: .seconds(5)) { handler.currentHolds >= 3 }
                try await Task.sleep(for: .milliseconds(100))
                #expect(handler.currentHolds == 3)
                handler.release()
                var statuses: [Int] = []
                for try await status in group { statuses.append(status) }
                #expect(statuses == Array(repeating: 200, count: 10))
            }
            #expect(handler.maxConcurrentHolds == 3)
        }
    }

    @Test("request headers over the limit are answered 431, over HTTP/2 and HTTP/1.1")
    func headerSize() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.maxHeaderBytes = 2048 }) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            var headers = HTTPFields()
            headers.add("x-large", String(repeating: "v", count: 4000))
            let refused = try await client.send(testRequest("/echo", body: "x", headers: headers), timeout: .seconds(5))
            #expect(refused.status == 431)
            let fine = try await client.send(testRequest("/echo", body: "x"), timeout: .seconds(5))
            #expect(fine.status == 200)

            let connection = try RawConnection(port: server.port)
            connection.send("GET /echo HTTP/1.1\r\nHost: x\r\nX-Large: \(String(repeating: "v", count: 4000))\r\n\r\n")
            #expect(connection.readHTTP1Response()?.status == 431)
        }
    }

    @Test("an HTTP/1.1 client trickling its head byte by byte is cut off at the header timeout")
    func slowloris() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.headerTimeout = .milliseconds(400) }) { server in
            let connection = try RawConnection(port: server.port, readTimeout: .seconds(5))
            let started = ContinuousClock.now
            connection.send("GET /echo HTTP/1.1\r\nHost: x\r\n")
            // Keep trickling for up to 3 s; the server must stop us long before.
            var cutOff = false
            for i in 0..<30 {
                try await Task.sleep(for: .milliseconds(100))
                if !connection.send("X-\(i): y\r\n") {
                    cutOff = true
                    break
                }
                if ContinuousClock.now - started > .seconds(1) { break }
            }
            let (bytes, closed) = connection.read()
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(cutOff || closed)
            #expect(text.hasPrefix("HTTP/1.1 408"))
        }
    }

    @Test("a connection that sends nothing at all is closed at the header timeout")
    func silentConnection() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.headerTimeout = .milliseconds(300) }) { server in
            let connection = try RawConnection(port: server.port, readTimeout: .seconds(5))
            #expect(connection.read().closed)
        }
    }

    @Test("an idle keep-alive connection is closed after the idle timeout, a busy one is not")
    func idleTimeout() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.idleTimeout = .milliseconds(400) }) { server in
            let idle = try RawConnection(port: server.port, readTimeout: .seconds(5))
            idle.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nhi")
            #expect(idle.readHTTP1Response()?.status == 200)

            // A request that takes longer than the idle timeout is not cut off.
            let busy = try RawConnection(port: server.port, readTimeout: .seconds(5))
            busy.send("GET /sleep/900 HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(busy.readHTTP1Response()?.status == 200)

            #expect(idle.read().closed)
        }
    }

    @Test("connections over the limit are closed at once while the others keep working")
    func connectionCount() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.maxConnections = 2 }) { server in
            let first = try RawConnection(port: server.port)
            let second = try RawConnection(port: server.port)
            first.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n1")
            second.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n2")
            #expect(first.readHTTP1Response()?.body == "1")
            #expect(second.readHTTP1Response()?.body == "2")

            let third = try RawConnection(port: server.port)
            third.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\n\r\n3")
            #expect(third.read().closed)

            first.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\nok")
            #expect(first.readHTTP1Response()?.body == "ok")
        }
    }
}

@Suite("Stalled and partial requests")
struct StalledRequestTests {
    @Test("an HTTP/1.1 body that stops arriving is answered 408 at the request timeout")
    func stalledBody() async throws {
        try await withHTTPServer(TestHTTPHandler(), { $0.requestTimeout = .milliseconds(400) }) { server in
            let connection = try RawConnection(port: server.port, readTimeout: .seconds(5))
            connection.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly part")
            let response = connection.readHTTP1Response()
            #expect(response?.status == 408)
            #expect(connection.read().closed)
        }
    }

    @Test("a HEAD request gets the headers of a GET and no body, and the connection stays in step")
    func head() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let connection = try RawConnection(port: server.port)
            connection.send("HEAD /bytes/10 HTTP/1.1\r\nHost: x\r\n\r\nGET /bytes/3 HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = try #require(connection.readHTTP1ResponseHead())
            #expect(head.status == 200)
            let next = connection.readHTTP1Response()
            #expect(next?.status == 200)
            #expect(next?.body == "aaa")
        }
    }

    @Test("several large responses at once all arrive whole on one connection")
    func concurrentLargeResponses() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let sizes = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await client.send(testRequest("/bytes/400000", method: "GET"), timeout: .seconds(10)).body.count }
                }
                var sizes: [Int] = []
                for try await size in group { sizes.append(size) }
                return sizes
            }
            #expect(sizes == [400_000, 400_000, 400_000, 400_000])
        }
    }
}
