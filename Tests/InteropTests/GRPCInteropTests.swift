import Foundation
import H2
import RPC
import TestSupport
import Testing

extension InteropTests {
    /// Python grpcio, a gRPC implementation we did not write, calls the echo server executable
    /// with JSON serializers (DESIGN.md, Wire protocol: "A real gRPC client ... must interoperate").
    @Suite("Python grpcio calls our server")
    struct GRPCioClient {
        @Test("the peers these tests need are installed: python3 with grpcio, grpcio-health-checking and h2, and curl")
        func peersAreInstalled() async throws {
            try await Peers.requirePython()
            let (status, output) = try await runCommand("curl", ["--version"])
            #expect(status == 0, "curl is missing: \(output); \(Peers.installHint)")
            #expect(output.contains("HTTP2"), "this curl cannot speak HTTP/2: \(output)")
        }

        @Test("a JSON Echo call comes back as it was sent, nested date included")
        func success() async throws {
            let (server, port) = try await startEchoServerProcess()
            let result = try await Peers.python(
                "grpc_peer.py",
                ["call", String(port), EchoService.echo.path, #"{"text": "from grpcio", "count": 7, "nested": {"when": "2026-11-27"}}"#],
                as: GRPCCallResult.self)
            #expect(result.code == "OK", "\(result.details ?? "")")
            #expect(
                result.response
                    == EchoService.EchoMessage(text: "from grpcio", count: 7, nested: EchoService.Nested(when: EchoService.TestDate("2026-11-27"))))
            withExtendedLifetime(server) {}
        }

        @Test(
            "an error reaches grpcio with its status and its message, percent-encoding undone",
            arguments: [
                (9, "FAILED_PRECONDITION", "R1: not quorate"),
                (5, "NOT_FOUND", "no case LCSPR-2026-0042"),
                (9, "FAILED_PRECONDITION", "R7: 2 of 3 agencies present (67%) — the chair's call"),
            ])
        func errorStatus(code: Int, name: String, message: String) async throws {
            let (server, port) = try await startEchoServerProcess()
            let request = String(decoding: try JSONEncoder().encode(EchoService.FailRequest(code: code, message: message)), as: UTF8.self)
            let result = try await Peers.python("grpc_peer.py", ["call", String(port), EchoService.fail.path, request], as: GRPCCallResult.self)
            #expect(result.code == name)
            #expect(result.details == message)
            #expect(result.response == nil)
            withExtendedLifetime(server) {}
        }

        @Test("a call slower than grpcio's 0.2 s timeout ends DEADLINE_EXCEEDED, and the server stops working on it")
        func deadlineExceeded() async throws {
            try await withEchoServer { server in
                let result = try await Peers.python(
                    "grpc_peer.py",
                    ["call", String(server.port), EchoService.echo.path, #"{"text": "slow", "sleepMillis": 30000}"#, "--timeout", "0.2"],
                    as: GRPCCallResult.self)
                #expect(result.code == "DEADLINE_EXCEEDED")
                // The handler would take 30 s; a bound far from both tells them apart on a loaded machine.
                #expect(result.elapsed < 10, "the client waited \(result.elapsed) s for a 0.2 s deadline")
                // The server gave up too (its own deadline, or the client's reset), long before the
                // handler's 5 s sleep would have ended.
                let metrics = server.router.metrics
                let path = EchoService.echo.path
                let stopped = await eventually(within: .seconds(3)) {
                    metrics.count(method: path, code: .deadlineExceeded) + metrics.count(method: path, code: .cancelled) == 1
                }
                #expect(stopped, "the server was still running the call 3 s after its 0.2 s deadline")
                #expect(server.http.stats.openStreams.load(ordering: .relaxed) == 0)
            }
        }

        @Test("an unknown method is UNIMPLEMENTED for grpcio, naming the method")
        func unknownMethod() async throws {
            let (server, port) = try await startEchoServerProcess()
            let result = try await Peers.python("grpc_peer.py", ["call", String(port), "/cspr.test.v1.Echo/Nope", "{}"], as: GRPCCallResult.self)
            #expect(result.code == "UNIMPLEMENTED")
            #expect(result.details?.contains("/cspr.test.v1.Echo/Nope") == true, "\(result.details ?? "no message")")
            withExtendedLifetime(server) {}
        }

        @Test(
            "a missing or mistyped field is INVALID_ARGUMENT for grpcio, naming the field's path",
            arguments: [
                (#"{"count": 1}"#, "text: is required but missing"),
                (#"{"text": 5}"#, "text: expected a string"),
                (#"{"text": "x", "nested": {"when": "27/11/2026"}}"#, #"nested.when: expected a date "YYYY-MM-DD""#),
                (#"{"text": "x", "nested": {}}"#, "nested.when: is required but missing"),
            ])
        func fieldPaths(request: String, message: String) async throws {
            let (server, port) = try await startEchoServerProcess()
            let result = try await Peers.python("grpc_peer.py", ["call", String(port), EchoService.echo.path, request], as: GRPCCallResult.self)
            #expect(result.code == "INVALID_ARGUMENT")
            #expect(result.details == message)
            withExtendedLifetime(server) {}
        }
    }

    /// grpcio-health-checking's own stub, with its real protobuf messages, asks our health check:
    /// what a Kubernetes gRPC probe does.
    @Suite("grpcio-health-checking asks our server")
    struct HealthStub {
        struct HealthResult: Decodable {
            var code: String
            var details: String?
            var status: String?
        }

        @Test(
            "Health/Check answers SERVING for the server and for a service it serves, NOT_FOUND for one it does not",
            arguments: [
                ("", "OK", "SERVING"),
                (EchoService.name, "OK", "SERVING"),
                ("cspr.nope.v1.Nope", "NOT_FOUND", nil),
            ] as [(String, String, String?)])
        func check(service: String, code: String, status: String?) async throws {
            let (server, port) = try await startEchoServerProcess()
            let result = try await Peers.python("grpc_peer.py", ["health", String(port), service], as: HealthResult.self)
            #expect(result.code == code, "\(result.details ?? "")")
            #expect(result.status == status)
            withExtendedLifetime(server) {}
        }
    }

    /// Our `RPCClient` calls a Python grpcio server that serves the echo methods through a
    /// generic handler with JSON (de)serializers.
    @Suite("Our client calls a Python grpcio server")
    struct GRPCioServer {
        @Test("a typed call with a deadline and metadata comes back as it was sent, an extra field in the reply ignored")
        func success() async throws {
            let (python, port) = try await Peers.startPythonGRPCServer()
            let client = RPCClient(host: "127.0.0.1", port: port)
            defer { client.transport.close() }
            let request = EchoService.EchoMessage(text: "from Swift", count: 3, nested: EchoService.Nested(when: EchoService.TestDate("2026-02-29")))
            let reply = try await client.call(EchoService.echo, request, deadline: .seconds(10), metadata: ["x-request-id": "typed-1"])
            #expect(reply == request)
            withExtendedLifetime(python) {}
        }

        @Test("metadata reaches the Python server, and callRaw returns its JSON as it was sent")
        func metadataAndRaw() async throws {
            let (python, port) = try await Peers.startPythonGRPCServer()
            let client = RPCClient(host: "127.0.0.1", port: port)
            defer { client.transport.close() }
            let metadata: Metadata = ["x-request-id": "interop-42", "authorization": "Bearer dev-token"]
            let raw = try await client.callRaw(
                path: EchoService.echo.path, json: Data(#"{"text":"raw","count":2}"#.utf8), deadline: .seconds(10), metadata: metadata)
            let reply = try JSONSerialization.jsonObject(with: raw) as? [String: Any]
            #expect(reply?["text"] as? String == "raw")
            #expect(reply?["count"] as? Int == 2)
            let seen = reply?["seenMetadata"] as? [String: String]
            #expect(seen?["x-request-id"] == "interop-42", "the server saw \(seen ?? [:])")
            #expect(seen?["authorization"] == "Bearer dev-token", "the server saw \(seen ?? [:])")
            withExtendedLifetime(python) {}
        }

        @Test(
            "an error from the Python server arrives with its code and message",
            arguments: [
                (RPCCode.failedPrecondition, "R1: not quorate"),
                (.notFound, "no case LCSPR-2026-0042"),
                (.unauthenticated, "token expired — sign in again (100% sure)"),
            ])
        func errorStatus(code: RPCCode, message: String) async throws {
            let (python, port) = try await Peers.startPythonGRPCServer()
            let client = RPCClient(host: "127.0.0.1", port: port)
            defer { client.transport.close() }
            let error = await #expect(throws: RPCError.self) {
                try await client.call(EchoService.fail, EchoService.FailRequest(code: code.rawValue, message: message), deadline: .seconds(10))
            }
            #expect(error == RPCError(code, message))
            withExtendedLifetime(python) {}
        }

        @Test("a call slower than its 0.2 s deadline ends DEADLINE_EXCEEDED without waiting for the server")
        func deadlineExceeded() async throws {
            let (python, port) = try await Peers.startPythonGRPCServer()
            let client = RPCClient(host: "127.0.0.1", port: port)
            defer { client.transport.close() }
            // Connected first, so that the deadline measures the call and not the connect.
            _ = try await client.call(EchoService.echo, EchoService.EchoMessage(text: "warm up"), deadline: .seconds(10))
            let started = ContinuousClock.now
            let error = await #expect(throws: RPCError.self) {
                try await client.call(EchoService.echo, EchoService.EchoMessage(text: "slow", sleepMillis: 30000), deadline: .milliseconds(200))
            }
            let waited = ContinuousClock.now - started
            #expect(error?.code == .deadlineExceeded, "\(String(describing: error))")
            #expect(waited < .seconds(10), "waited \(waited) for a 0.2 s deadline (the handler takes 30 s)")
            // The connection is still good for the next call.
            let reply = try await client.call(EchoService.echo, EchoService.EchoMessage(text: "after"), deadline: .seconds(10))
            #expect(reply.text == "after")
            withExtendedLifetime(python) {}
        }
    }
}
