import Foundation
import H2
import RPC
import TestSupport
import Testing

extension InteropTests {
    /// Malformed calls, each answered with the right status, after which the server still serves
    /// an existing connection and a fresh one (DESIGN.md: "Bad input is refused with a clear
    /// error that names the field and the rule, and changes nothing").
    @Suite("Bad messages are refused with the right status")
    struct BadMessages {
        /// A gRPC request that is wrong in one way, and the status it must get.
        struct GRPCCase: Sendable, CustomTestStringConvertible {
            var testDescription: String
            var path = EchoService.echo.path
            var body: [UInt8]
            var headers: [String] = []
            var code: RPCCode
            /// Text the status message must contain.
            var message: String
        }

        static let grpcCases = [
            GRPCCase(
                testDescription: "a length prefix cut short (3 bytes) is INVALID_ARGUMENT", body: [0, 0, 0], code: .invalidArgument,
                message: "truncated"),
            GRPCCase(
                testDescription: "a prefix announcing 100 bytes with 10 sent is INVALID_ARGUMENT",
                body: [0, 0, 0, 0, 100] + Array("{\"text\":1}".utf8),
                code: .invalidArgument, message: "truncated"),
            GRPCCase(
                testDescription: "a message with the compressed flag is UNIMPLEMENTED", body: Wire.grpcFrame(#"{"text":"zipped"}"#, flag: 1),
                headers: ["grpc-encoding=gzip"], code: .unimplemented, message: "compressed"),
            GRPCCase(
                testDescription: "invalid JSON is INVALID_ARGUMENT", body: Wire.grpcFrame(#"{"text": "#), code: .invalidArgument,
                message: "request body is not valid JSON"),
            GRPCCase(
                testDescription: "a missing field is INVALID_ARGUMENT naming it", body: Wire.grpcFrame(#"{"count": 1}"#), code: .invalidArgument,
                message: "text: is required but missing"),
            GRPCCase(
                testDescription: "a mistyped nested date is INVALID_ARGUMENT naming its path",
                body: Wire.grpcFrame(#"{"text": "x", "nested": {"when": "2026-11-27T10:00:00Z"}}"#), code: .invalidArgument,
                message: #"nested.when: expected a date "YYYY-MM-DD""#),
            GRPCCase(
                testDescription: "an unknown method is UNIMPLEMENTED naming it", path: "/cspr.test.v1.Echo/Nope", body: Wire.grpcFrame("{}"),
                code: .unimplemented, message: "unknown method /cspr.test.v1.Echo/Nope"),
        ]

        @Test("a malformed gRPC call gets its status in a Trailers-Only response", arguments: grpcCases)
        func grpc(_ bad: GRPCCase) async throws {
            try await withEchoServer { server in
                let bystander = try await Bystander.connect(port: server.port)
                let response = try await h2Request(
                    port: server.port, path: bad.path, contentType: "application/grpc+json", body: bad.body, headers: bad.headers)
                #expect(response.status == 200, "gRPC errors travel with HTTP status 200")
                #expect(response.grpcStatus == bad.code.rawValue, "got grpc-status \(response.grpcStatus.map(String.init) ?? "none")")
                #expect(response.grpcMessage?.contains(bad.message) == true, "got grpc-message \(response.grpcMessage ?? "none")")
                #expect(response.bodyLength == 0 && response.trailers.isEmpty, "an error before any message is Trailers-Only")
                #expect(response.reset == nil && response.goaway == nil, "the stream and the connection end cleanly")
                await bystander.expectServerStillServing(after: bad.testDescription)
            }
        }

        /// A Connect request that is wrong in one way, and the status and error body it must get.
        struct ConnectCase: Sendable, CustomTestStringConvertible {
            var testDescription: String
            var path = EchoService.echo.path
            var json: String
            var status: Int
            var error: ConnectErrorBody
        }

        static let connectCases = [
            ConnectCase(
                testDescription: "invalid JSON is 400 invalid_argument", json: #"{"text": "#, status: 400,
                error: ConnectErrorBody(code: "invalid_argument", message: "request body is not valid JSON")),
            ConnectCase(
                testDescription: "a missing field is 400 invalid_argument naming it", json: #"{"count": 1}"#, status: 400,
                error: ConnectErrorBody(code: "invalid_argument", message: "text: is required but missing")),
            ConnectCase(
                testDescription: "a mistyped nested date is 400 invalid_argument naming its path",
                json: #"{"text": "x", "nested": {"when": "tomorrow"}}"#,
                status: 400, error: ConnectErrorBody(code: "invalid_argument", message: #"nested.when: expected a date "YYYY-MM-DD""#)),
            ConnectCase(
                testDescription: "an unknown method is 501 unimplemented naming it", path: "/cspr.test.v1.Echo/Nope", json: "{}", status: 501,
                error: ConnectErrorBody(code: "unimplemented", message: "unknown method /cspr.test.v1.Echo/Nope")),
        ]

        @Test("a malformed Connect call gets the HTTP status and error body of its code", arguments: CurlVersion.allCases, connectCases)
        func connect(version: CurlVersion, bad: ConnectCase) async throws {
            try await withEchoServer { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.curl([
                    version.option, "--request", "POST", "--header", "content-type: application/json", "--data-binary", bad.json,
                    "http://127.0.0.1:\(server.port)\(bad.path)",
                ])
                #expect(result.status == bad.status, "\(result.body)")
                #expect(result.httpVersion == version.rawValue)
                #expect(try JSONDecoder().decode(ConnectErrorBody.self, from: Data(result.body.utf8)) == bad.error)
                await bystander.expectServerStillServing(after: bad.testDescription)
            }
        }

        @Test(
            "a call with a content-type the server does not speak is refused with 415",
            arguments: ["text/plain", "application/grpc+proto", "application/x-www-form-urlencoded", ""])
        func wrongContentType(_ contentType: String) async throws {
            try await withEchoServer { server in
                let bystander = try await Bystander.connect(port: server.port)
                // Over HTTP/2, from python h2 (an empty content-type means none is sent).
                let h2 = try await h2Request(port: server.port, contentType: contentType, body: Wire.grpcFrame(#"{"text":"x"}"#))
                #expect(h2.status == 415, "HTTP/2: \(h2.body)")
                #expect(h2.grpcStatus == nil, "a 415 is an HTTP answer, not a gRPC status")
                // Over HTTP/1.1, from curl. (A gRPC content-type there is answered 505 instead:
                // gRPC needs HTTP/2.)
                var arguments = ["--http1.1", "--request", "POST", "--data-binary", #"{"text":"x"}"#]
                arguments += contentType.isEmpty ? ["--header", "content-type:"] : ["--header", "content-type: \(contentType)"]
                let http1 = try await Peers.curl(arguments + ["http://127.0.0.1:\(server.port)\(EchoService.echo.path)"])
                #expect(http1.status == (contentType.hasPrefix("application/grpc") ? 505 : 415), "HTTP/1.1: \(http1.body)")
                await bystander.expectServerStillServing(after: "a \(contentType.isEmpty ? "missing" : contentType) content-type")
            }
        }
    }

    /// The message-size limit (DESIGN.md, Limits: 4 MiB per message, configurable), here 1 KiB.
    @Suite("A message over the size limit is refused")
    struct MessageLimit {
        static func configure(_ configuration: inout ServerConfiguration) { configuration.maxMessageBytes = 1024 }

        @Test("a 4 KiB gRPC message to a server with a 1 KiB limit is RESOURCE_EXHAUSTED")
        func grpc() async throws {
            try await withEchoServer(Self.configure) { server in
                let bystander = try await Bystander.connect(port: server.port)
                let response = try await h2Request(
                    port: server.port, contentType: "application/grpc+json", body: Wire.grpcFrame(Wire.echoJSON(bytes: 4096)))
                #expect(response.status == 200)
                #expect(
                    response.grpcStatus == RPCCode.resourceExhausted.rawValue, "got grpc-status \(response.grpcStatus.map(String.init) ?? "none")")
                #expect(response.grpcMessage?.contains("1024") == true, "the message names the limit: \(response.grpcMessage ?? "none")")
                #expect(response.goaway == nil, "only the stream is refused, not the connection")
                await bystander.expectServerStillServing(after: "a gRPC message over the limit")
            }
        }

        @Test("grpcio sending a 100 kB message to a server with a 1 KiB limit gets RESOURCE_EXHAUSTED naming the limit")
        func grpcio() async throws {
            try await withEchoServer(Self.configure) { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.python(
                    "grpc_peer.py", ["call", String(server.port), EchoService.echo.path, Wire.echoJSON(bytes: 100_000)], as: GRPCCallResult.self)
                #expect(result.code == "RESOURCE_EXHAUSTED")
                #expect(result.details?.contains("1024") == true, "\(result.details ?? "no message")")
                await bystander.expectServerStillServing(after: "grpcio sending a message over the limit")
            }
        }

        @Test("a 4 KiB Connect message to a server with a 1 KiB limit is 429 resource_exhausted", arguments: CurlVersion.allCases)
        func connect(version: CurlVersion) async throws {
            try await withEchoServer(Self.configure) { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.curl([
                    version.option, "--request", "POST", "--header", "content-type: application/json", "--data-binary", Wire.echoJSON(bytes: 4096),
                    "http://127.0.0.1:\(server.port)\(EchoService.echo.path)",
                ])
                #expect(result.status == 429, "\(result.body)")
                #expect(result.httpVersion == version.rawValue)
                let error = try JSONDecoder().decode(ConnectErrorBody.self, from: Data(result.body.utf8))
                #expect(error.code == "resource_exhausted")
                #expect(error.message.contains("1024"), "the message names the limit: \(error.message)")
                await bystander.expectServerStillServing(after: "a Connect message over the limit over HTTP/\(version.rawValue)")
            }
        }

        @Test("a message just under the limit is still served, over gRPC and Connect")
        func underTheLimit() async throws {
            try await withEchoServer(Self.configure) { server in
                let json = Wire.echoJSON(bytes: 1000)
                let grpc = try await h2Request(port: server.port, contentType: "application/grpc+json", body: Wire.grpcFrame(json))
                #expect(grpc.grpcStatus == 0, "\(grpc.grpcMessage ?? "")")
                #expect(grpc.bodyLength == 5 + json.utf8.count)
                let connect = try await h2Request(port: server.port, contentType: "application/json", body: Array(json.utf8))
                #expect(connect.status == 200, "\(connect.body)")
                #expect(connect.body == json)
            }
        }
    }
}
