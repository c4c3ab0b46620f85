import Foundation
import H2
import TestSupport
import Testing

@Suite("HTTP/2 client")
struct ClientTests {
    @Test("a call that outlives its timeout fails with timedOut and the server's handler is cancelled")
    func perCallTimeout() async throws {
        let handler = TestHTTPHandler()
        try await withHTTPServer(handler) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let started = ContinuousClock.now
            await #expect(throws: HTTPClientError.timedOut) {
                try await client.send(testRequest("/sleep/30000", method: "GET"), timeout: .milliseconds(200))
            }
            #expect(ContinuousClock.now - started < .seconds(10), "the handler takes 30 s")
            // The RST_STREAM reached the server, which cancelled the handler.
            _ = await eventually(within: .seconds(3)) { handler.cancelledHandlers > 0 }
            #expect(handler.cancelledHandlers == 1)
            // The connection is still good for the next call.
            let next = try await client.send(testRequest("/echo", body: "after"), timeout: .seconds(5))
            #expect(String(decoding: next.body, as: UTF8.self) == "after")
        }
    }

    @Test("cancelling the calling task cancels the call")
    func taskCancellation() async throws {
        try await withHTTPServer(TestHTTPHandler()) { server in
            let client = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { client.close() }
            let call = Task { try await client.send(testRequest("/sleep/5000", method: "GET"), timeout: .seconds(10)) }
            try await Task.sleep(for: .milliseconds(100))
            call.cancel()
            await #expect(throws: HTTPClientError.cancelled) { try await call.value }
        }
    }

    @Test("a peer that is not listening fails fast, then the client backs off before trying again")
    func connectFailureAndBackoff() async throws {
        // Bind and release a port so that nothing listens on it.
        let port: Int = try await withHTTPServer(TestHTTPHandler()) { $0.port }
        var configuration = ClientConfiguration()
        configuration.initialBackoff = .seconds(2)
        let client = HTTP2Client(host: "127.0.0.1", port: port, configuration: configuration)
        defer { client.close() }
        do {
            _ = try await client.send(testRequest("/echo"), timeout: .seconds(5))
            Issue.record("a call to a closed port succeeded")
        } catch let error as HTTPClientError {
            guard case .connectFailed = error else {
                Issue.record("expected connectFailed, got \(error)")
                return
            }
        }
        do {
            _ = try await client.send(testRequest("/echo"), timeout: .seconds(5))
            Issue.record("a call during backoff succeeded")
        } catch let error as HTTPClientError {
            guard case .connectFailed(let reason) = error else {
                Issue.record("expected connectFailed, got \(error)")
                return
            }
            #expect(reason.contains("retrying in"))
        }
    }

    @Test("the client reconnects after the server restarts on the same port")
    func reconnectAfterRestart() async throws {
        var configuration = ServerConfiguration()
        configuration.loopCount = 1
        let first = try HTTPServer(configuration: configuration, handler: TestHTTPHandler())
        configuration.port = first.port
        var clientConfiguration = ClientConfiguration()
        clientConfiguration.initialBackoff = .milliseconds(50)
        clientConfiguration.maxBackoff = .milliseconds(200)
        let client = HTTP2Client(host: "127.0.0.1", port: first.port, configuration: clientConfiguration)
        defer { client.close() }
        #expect(try await client.send(testRequest("/echo", body: "one"), timeout: .seconds(5)).status == 200)

        await first.shutdown(grace: .seconds(1))
        await #expect(throws: HTTPClientError.self) { try await client.send(testRequest("/echo", body: "down"), timeout: .seconds(2)) }

        let second = try HTTPServer(configuration: configuration, handler: TestHTTPHandler())
        var answer: String?
        let deadline = ContinuousClock.now + .seconds(5)
        while answer == nil && ContinuousClock.now < deadline {
            if let response = try? await client.send(testRequest("/echo", body: "two"), timeout: .seconds(2)) {
                answer = String(decoding: response.body, as: UTF8.self)
            } else {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
        #expect(answer == "two")
        await second.shutdown(grace: .seconds(1))
    }
}
