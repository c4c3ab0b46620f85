import Foundation
import H2
import RPC
import TestSupport
import Testing

extension InteropTests {
    /// curl makes Connect unary JSON calls over h2c (prior knowledge) and plain HTTP/1.1, and
    /// reads the plain endpoints, as an operator or a browser would (DESIGN.md, Wire protocol).
    @Suite("curl calls our server")
    struct Curl {
        static let versions = CurlVersion.allCases

        private static func post(_ version: CurlVersion, port: Int, path: String, json: String, contentType: String = "application/json") async throws
            -> CurlResult
        {
            try await Peers.curl([
                version.option, "--request", "POST", "--header", "content-type: \(contentType)", "--data-binary", json,
                "http://127.0.0.1:\(port)\(path)",
            ])
        }

        @Test("a Connect JSON call comes back as it was sent", arguments: versions)
        func success(version: CurlVersion) async throws {
            let (server, port) = try await startEchoServerProcess()
            let result = try await Self.post(
                version, port: port, path: EchoService.echo.path, json: #"{"text":"from curl","count":2,"nested":{"when":"2026-11-27"}}"#)
            #expect(result.status == 200, "\(result.body)")
            #expect(result.httpVersion == version.rawValue)
            let reply = try JSONDecoder().decode(EchoService.EchoMessage.self, from: Data(result.body.utf8))
            #expect(
                reply == EchoService.EchoMessage(text: "from curl", count: 2, nested: EchoService.Nested(when: EchoService.TestDate("2026-11-27"))))
            withExtendedLifetime(server) {}
        }

        /// A code, the Connect protocol's HTTP status for it and its name in the error body.
        struct ErrorCase: Sendable, CustomTestStringConvertible {
            var code: RPCCode
            var status: Int
            var name: String
            var message: String
            var testDescription: String { "\(name) -> \(status)" }
        }

        static let errors = [
            ErrorCase(code: .failedPrecondition, status: 400, name: "failed_precondition", message: "R1: not quorate"),
            ErrorCase(code: .notFound, status: 404, name: "not_found", message: "no case LCSPR-2026-0042"),
            ErrorCase(code: .unauthenticated, status: 401, name: "unauthenticated", message: "a bearer token is required"),
            ErrorCase(code: .permissionDenied, status: 403, name: "permission_denied", message: "the agency role may not ratify"),
            ErrorCase(code: .alreadyExists, status: 409, name: "already_exists", message: "referral already submitted"),
            // The Connect spec spells this one with one L, unlike gRPC's CANCELLED.
            ErrorCase(code: .cancelled, status: 499, name: "canceled", message: "the chair withdrew the request"),
            ErrorCase(code: .deadlineExceeded, status: 504, name: "deadline_exceeded", message: "the agency did not answer in time"),
        ]

        @Test("an error is a Connect error body with the HTTP status of its code", arguments: versions, errors)
        func errorStatus(version: CurlVersion, expected: ErrorCase) async throws {
            let (server, port) = try await startEchoServerProcess()
            let result = try await Self.post(
                version, port: port, path: EchoService.fail.path, json: #"{"code":\#(expected.code.rawValue),"message":"\#(expected.message)"}"#)
            #expect(result.status == expected.status, "\(result.body)")
            #expect(result.httpVersion == version.rawValue)
            let body = try JSONDecoder().decode(ConnectErrorBody.self, from: Data(result.body.utf8))
            #expect(body == ConnectErrorBody(code: expected.name, message: expected.message))
            withExtendedLifetime(server) {}
        }

        @Test("GET /healthz answers 200 ok, and /readyz 200 ready", arguments: versions)
        func health(version: CurlVersion) async throws {
            let (server, port) = try await startEchoServerProcess()
            let healthz = try await Peers.curl([version.option, "http://127.0.0.1:\(port)/healthz"])
            #expect(healthz.status == 200)
            #expect(healthz.body == "ok\n")
            #expect(healthz.httpVersion == version.rawValue)
            let readyz = try await Peers.curl([version.option, "http://127.0.0.1:\(port)/readyz"])
            #expect(readyz.status == 200)
            #expect(readyz.body == "ready\n")
            withExtendedLifetime(server) {}
        }

        @Test("GET /metrics counts the calls just made, by method and code", arguments: versions)
        func metrics(version: CurlVersion) async throws {
            let (server, port) = try await startEchoServerProcess()
            for _ in 0..<3 {
                let call = try await Self.post(version, port: port, path: EchoService.echo.path, json: #"{"text":"counted"}"#)
                #expect(call.status == 200)
            }
            let failed = try await Self.post(version, port: port, path: EchoService.fail.path, json: #"{"code":9,"message":"R1: not quorate"}"#)
            #expect(failed.status == 400)
            let result = try await Peers.curl([version.option, "http://127.0.0.1:\(port)/metrics"])
            #expect(result.status == 200)
            let lines = result.body.split(separator: "\n").map(String.init)
            #expect(lines.contains(#"cspr_rpc_calls_total{method="/cspr.test.v1.Echo/Echo",code="OK"} 3"#), "\(result.body)")
            #expect(lines.contains(#"cspr_rpc_calls_total{method="/cspr.test.v1.Echo/Fail",code="FAILED_PRECONDITION"} 1"#), "\(result.body)")
            #expect(lines.contains(#"cspr_rpc_latency_seconds_count{method="/cspr.test.v1.Echo/Echo"} 3"#), "\(result.body)")
            withExtendedLifetime(server) {}
        }
    }
}
