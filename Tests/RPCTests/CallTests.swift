import Foundation
import H2
import RPC
import Synchronization
import TestSupport
import Testing

/// Accepts `authorization: Bearer good` as principal "Test Panel" with role panel-viewer.
struct TestAuthInterceptor: ServerInterceptor {
    func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        guard !context.method.roles.isEmpty else { return try await next(context, request) }
        guard context.metadata["authorization"] == "Bearer good" else {
            throw RPCError(.unauthenticated, "a bearer token is required")
        }
        var context = context
        context.principal = Principal(name: "Test Panel", roles: ["panel-viewer"])
        return try await next(context, request)
    }
}

/// Records the order in which interceptors ran.
final class OrderRecorder: ServerInterceptor {
    let name: String
    let log: Mutex<[String]>

    init(_ name: String, log: [String] = []) {
        self.name = name
        self.log = Mutex(log)
    }

    func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        log.withLock { $0.append("\(name) before") }
        defer { log.withLock { $0.append("\(name) after") } }
        return try await next(context, request)
    }
}

@Suite("RPC calls in process")
struct CallTests {
    private func client(_ server: RPCServer) -> RPCClient { RPCClient(host: "127.0.0.1", port: server.port) }

    @Test("a unary call returns the handler's message")
    func unary() async throws {
        try await withEchoServer { server in
            let reply = try await client(server).call(EchoService.echo, .init(text: "Rapid Review", count: 3), deadline: .seconds(5))
            #expect(reply == .init(text: "Rapid Review", count: 3))
        }
    }

    @Test("every error code reaches the caller with its message", arguments: RPCCode.allCases.filter { $0 != .ok })
    func everyErrorCode(code: RPCCode) async throws {
        try await withEchoServer { server in
            let message = "T4: the meeting is outside 7-13 working days — give a reason"
            do {
                _ = try await client(server).call(EchoService.fail, .init(code: code.rawValue, message: message), deadline: .seconds(5))
                Issue.record("the call succeeded")
            } catch let error as RPCError {
                #expect(error == RPCError(code, message))
            }
        }
    }

    @Test("a malformed request is INVALID_ARGUMENT naming the field path")
    func fieldPath() async throws {
        try await withEchoServer { server in
            let body = Data("{\"text\":\"x\",\"nested\":{\"when\":\"31/12/2019\"}}".utf8)
            await #expect(throws: RPCError(.invalidArgument, "nested.when: expected a date \"YYYY-MM-DD\"")) {
                try await client(server).callRaw(path: EchoService.echo.path, json: body, deadline: .seconds(5))
            }
            await #expect(throws: RPCError(.invalidArgument, "request body is not valid JSON")) {
                try await client(server).callRaw(path: EchoService.echo.path, json: Data("{nope".utf8), deadline: .seconds(5))
            }
        }
    }

    @Test("an unknown method is UNIMPLEMENTED")
    func unknownMethod() async throws {
        try await withEchoServer { server in
            do {
                _ = try await client(server).callRaw(path: "/cspr.test.v1.Echo/Nope", json: Data("{}".utf8), deadline: .seconds(5))
                Issue.record("the call succeeded")
            } catch let error as RPCError {
                #expect(error.code == .unimplemented)
                #expect(error.message.contains("/cspr.test.v1.Echo/Nope"))
            }
        }
    }

    @Test("the caller's deadline ends a slow call with DEADLINE_EXCEEDED")
    func clientDeadline() async throws {
        try await withEchoServer { server in
            let started = ContinuousClock.now
            do {
                _ = try await client(server).call(EchoService.echo, .init(text: "slow", sleepMillis: 30000), deadline: .milliseconds(200))
                Issue.record("the call succeeded")
            } catch let error as RPCError {
                #expect(error.code == .deadlineExceeded)
            }
            // The handler takes 30 s: ending far sooner shows the deadline did it.
            #expect(ContinuousClock.now - started < .seconds(10))
        }
    }

    @Test("the server enforces grpc-timeout itself and answers DEADLINE_EXCEEDED in trailers")
    func serverDeadline() async throws {
        try await withEchoServer { server in
            let transport = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { transport.close() }
            var headers = HTTPFields()
            headers.add("content-type", "application/grpc+json")
            headers.add("grpc-timeout", "100m")
            let body = GRPCFraming.frame(try JSONCodec.encode(EchoService.EchoMessage(text: "slow", sleepMillis: 3000)))
            let response = try await transport.send(
                testRequest(EchoService.echo.path, body: body, headers: headers),
                timeout: .seconds(5))
            #expect(response.status == 200)
            #expect(response.headers["grpc-status"] == "4")
            #expect(response.body.isEmpty)
        }
    }

    @Test("interceptors run outermost first and can refuse a call before the handler")
    func interceptors() async throws {
        let outer = OrderRecorder("outer")
        let inner = OrderRecorder("inner")
        try await withEchoServer({ _ in }, interceptors: [outer, TestAuthInterceptor(), inner]) { server in
            let client = client(server)
            do {
                _ = try await client.call(EchoService.whoAmI, .init(text: ""), deadline: .seconds(5))
                Issue.record("a call without a token succeeded")
            } catch let error as RPCError {
                #expect(error.code == .unauthenticated)
            }
            #expect(inner.log.withLock { $0 }.isEmpty)
            let info = try await client.call(
                EchoService.whoAmI, .init(text: ""), deadline: .seconds(5), metadata: ["authorization": "Bearer good", "x-request-id": "req-42"])
            #expect(info.principal == "Test Panel")
            #expect(info.requestID == "req-42")
            #expect(info.deadlineSet)
            #expect(outer.log.withLock { $0 } == ["outer before", "outer after", "outer before", "outer after"])
            #expect(inner.log.withLock { $0 } == ["inner before", "inner after"])
        }
    }

    @Test("a request id is made when the caller sends none, and echoed in the response")
    func requestID() async throws {
        try await withEchoServer { server in
            let transport = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { transport.close() }
            var headers = HTTPFields()
            headers.add("content-type", "application/json")
            let response = try await transport.send(
                testRequest(EchoService.echo.path, body: "{\"text\":\"a\"}", headers: headers),
                timeout: .seconds(5))
            let made = try #require(response.headers["x-request-id"])
            #expect(!made.isEmpty)
            headers.add("x-request-id", "given-1")
            let echoed = try await transport.send(
                testRequest(EchoService.echo.path, body: "{\"text\":\"a\"}", headers: headers),
                timeout: .seconds(5))
            #expect(echoed.headers["x-request-id"] == "given-1")
        }
    }

    @Test("Connect JSON works over HTTP/2 and HTTP/1.1, with Connect error bodies and statuses")
    func connectProtocol() async throws {
        try await withEchoServer { server in
            let transport = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { transport.close() }
            var headers = HTTPFields()
            headers.add("content-type", "application/json")
            let ok = try await transport.send(
                testRequest(EchoService.echo.path, body: "{\"text\":\"h2\"}", headers: headers),
                timeout: .seconds(5))
            #expect(ok.status == 200)
            #expect(try JSONCodec.decode(EchoService.EchoMessage.self, from: ok.body).text == "h2")

            let connection = try RawConnection(port: server.port)
            let failBody = "{\"code\":9,\"message\":\"R7: exactly one recommendation\"}"
            connection.send(
                "POST \(EchoService.fail.path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(failBody.utf8.count)\r\n\r\n\(failBody)"
            )
            let failed = connection.readHTTP1Response()
            #expect(failed?.status == 400)
            #expect(failed?.body == "{\"code\":\"failed_precondition\",\"message\":\"R7: exactly one recommendation\"}")
            connection.send(
                "POST \(EchoService.echo.path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{\"text\":\"1\"}")
            #expect(connection.readHTTP1Response()?.body == "{\"text\":\"1\"}")
        }
    }

    @Test("a message over the limit is RESOURCE_EXHAUSTED for gRPC and 429 for Connect")
    func messageLimit() async throws {
        try await withEchoServer({ $0.maxMessageBytes = 1000 }) { server in
            do {
                _ = try await client(server).call(EchoService.echo, .init(text: String(repeating: "a", count: 5000)), deadline: .seconds(5))
                Issue.record("an oversized message was accepted")
            } catch let error as RPCError {
                #expect(error.code == .resourceExhausted)
            }
            let connection = try RawConnection(port: server.port)
            let body = "{\"text\":\"\(String(repeating: "a", count: 5000))\"}"
            connection.send(
                "POST \(EchoService.echo.path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            )
            let refused = connection.readHTTP1Response()
            #expect(refused?.status == 429)
            #expect(refused?.body.contains("resource_exhausted") == true)
            // Smaller messages still pass.
            #expect(try await client(server).call(EchoService.echo, .init(text: "small"), deadline: .seconds(5)).text == "small")
        }
    }

    @Test("an unsupported content-type is answered 415")
    func wrongContentType() async throws {
        try await withEchoServer { server in
            let connection = try RawConnection(port: server.port)
            connection.send("POST \(EchoService.echo.path) HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\nContent-Length: 2\r\n\r\n<a")
            #expect(connection.readHTTP1Response()?.status == 415)
        }
    }

    @Test("health, readiness and metrics answer over plain HTTP")
    func plainEndpoints() async throws {
        let ready = Mutex(false)
        var configuration = ServerConfiguration()
        configuration.loopCount = 1
        let router = RPCRouter(routes: EchoService.routes(), readiness: { ready.withLock { $0 } })
        let server = try RPCServer(configuration: configuration, router: router)
        _ = try await client(server).call(EchoService.echo, .init(text: "counted"), deadline: .seconds(5))

        let connection = try RawConnection(port: server.port)
        connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.readHTTP1Response()?.status == 200)
        connection.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.readHTTP1Response()?.status == 503)
        ready.withLock { $0 = true }
        connection.send("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(connection.readHTTP1Response()?.status == 200)
        connection.send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n")
        let metrics = connection.readHTTP1Response()?.body ?? ""
        #expect(metrics.contains("cspr_rpc_calls_total{method=\"/cspr.test.v1.Echo/Echo\",code=\"OK\"} 1"))
        #expect(metrics.contains("cspr_rpc_latency_seconds_count{method=\"/cspr.test.v1.Echo/Echo\"} 1"))
        // This connection at least; the RPC client's may not have closed yet.
        let gauge = metrics.split(separator: "\n").first { $0.hasPrefix("cspr_open_connections ") }
        #expect((gauge?.split(separator: " ").last).flatMap { Int($0) }.map { $0 >= 1 } == true)
        await server.shutdown(grace: .seconds(1))
    }

    @Test("grpc.health.v1.Health/Check answers SERVING in protobuf, and NOT_FOUND for an unknown service")
    func healthCheck() async throws {
        try await withEchoServer { server in
            let transport = HTTP2Client(host: "127.0.0.1", port: server.port)
            defer { transport.close() }
            var headers = HTTPFields()
            headers.add("content-type", "application/grpc")
            let whole = try await transport.send(
                testRequest(HealthCheck.path, body: GRPCFraming.frame(Data()), headers: headers),
                timeout: .seconds(5))
            #expect(whole.trailers["grpc-status"] == "0")
            #expect(HealthCheck.decodeResponse(try GRPCFraming.unframe(whole.body)) == .serving)

            let named = Data([0x0a, UInt8(EchoService.name.utf8.count)] + Array(EchoService.name.utf8))
            let service = try await transport.send(
                testRequest(HealthCheck.path, body: GRPCFraming.frame(named), headers: headers),
                timeout: .seconds(5))
            #expect(HealthCheck.decodeResponse(try GRPCFraming.unframe(service.body)) == .serving)

            let unknown = Data([0x0a, 3] + Array("zzz".utf8))
            let missing = try await transport.send(
                testRequest(HealthCheck.path, body: GRPCFraming.frame(unknown), headers: headers),
                timeout: .seconds(5))
            #expect(missing.headers["grpc-status"] == "5")
        }
    }

    @Test("hundreds of concurrent calls from many tasks over one client all get their own replies")
    func concurrentCalls() async throws {
        try await withEchoServer { server in
            let client = client(server)
            let correct = try await withThrowingTaskGroup(of: Bool.self) { group in
                for i in 0..<300 {
                    group.addTask { try await client.call(EchoService.echo, .init(text: "case \(i)", count: i), deadline: .seconds(10)).count == i }
                }
                var correct = 0
                for try await ok in group where ok { correct += 1 }
                return correct
            }
            #expect(correct == 300)
        }
    }
}

@Suite("Deadlines and limits at the edges")
struct EdgeTests {
    @Test("DEADLINE_EXCEEDED is answered at the deadline even when the handler ignores cancellation")
    func deadlineDoesNotWaitForHandler() async throws {
        let gate = Mutex(false)
        var routes = RouteTable()
        let stubborn = Method<EchoService.EchoMessage, EchoService.EchoMessage>(service: "cspr.test.v1.Stubborn", name: "Ignore", roles: [])
        routes.register(stubborn) { request, _ in
            // Waits for the test, ignoring cancellation, like a synchronous library call would.
            let until = ContinuousClock.now + .seconds(10)
            while !gate.withLock({ $0 }) && ContinuousClock.now < until { try? await Task.sleep(for: .milliseconds(20)) }
            return request
        }
        var configuration = ServerConfiguration()
        configuration.loopCount = 1
        let server = try RPCServer(configuration: configuration, router: RPCRouter(routes: routes))
        let client = RPCClient(host: "127.0.0.1", port: server.port)
        // No client deadline: the only one is the grpc-timeout the server enforces, and the
        // handler is still waiting when the answer comes.
        var metadata = Metadata()
        metadata.add("grpc-timeout", "300m")
        let error = await captureRPCError { _ = try await client.call(stubborn, .init(text: "x"), deadline: nil, metadata: metadata) }
        #expect(error?.code == .deadlineExceeded)
        #expect(error?.message.contains("before Ignore finished") == true)
        gate.withLock { $0 = true }
        await server.shutdown(grace: .seconds(3))
    }

    @Test("a gRPC message of exactly the limit passes; one byte more is RESOURCE_EXHAUSTED")
    func exactLimit() async throws {
        try await withEchoServer({ $0.maxMessageBytes = 1000 }) { server in
            let client = RPCClient(host: "127.0.0.1", port: server.port)
            let overhead = "{\"text\":\"\"}".utf8.count
            let fits = String(repeating: "a", count: 1000 - overhead)
            let reply = try await client.call(EchoService.echo, .init(text: fits), deadline: .seconds(5))
            #expect(reply.text == fits)
            let error = await captureRPCError { _ = try await client.call(EchoService.echo, .init(text: fits + "a"), deadline: .seconds(5)) }
            #expect(error?.code == .resourceExhausted)
        }
    }

    @Test("item 18: a Connect body of exactly the limit passes; one byte more is 429 resource_exhausted", arguments: [1000, 64 * 1024])
    func exactConnectLimit(limit: Int) async throws {
        try await withEchoServer({ $0.maxMessageBytes = limit }) { server in
            let connection = try RawConnection(port: server.port)
            let overhead = "{\"text\":\"\"}".utf8.count
            func post(_ text: String) -> (status: Int, body: String)? {
                let body = "{\"text\":\"\(text)\"}"
                connection.send(
                    "POST \(EchoService.echo.path) HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                )
                return connection.readHTTP1Response().map { ($0.status, $0.body) }
            }
            let fits = String(repeating: "a", count: limit - overhead)
            let accepted = post(fits)
            #expect(accepted?.status == 200)
            #expect(accepted?.body == "{\"text\":\"\(fits)\"}")
            let refused = post(fits + "a")
            #expect(refused?.status == 429)
            #expect(refused?.body.contains("resource_exhausted") == true)
        }
    }
}
