import Foundation
import H2
import RPC
import TestSupport
import Testing

/// A peer we did not write failed to run (missing, or it printed nothing we could read).
struct PeerError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The external peers: Python scripts under `python/` (grpcio, grpcio-health-checking, h2)
/// and curl. CI installs them; when one is missing the test fails saying what to install.
enum Peers {
    static let installHint = "install them with: pip install grpcio grpcio-health-checking h2 (and apt-get install curl)"

    /// The directory of the Python scripts.
    static var pythonDirectory: URL { BuiltProducts.packageRoot.appendingPathComponent("Tests/InteropTests/python") }

    /// Checked once per test run: python3 with the packages the scripts import.
    private static let pythonCheck = Task<String?, Never> {
        let script = """
            import importlib, sys
            missing = []
            for module, package in (("grpc", "grpcio"), ("grpc_health.v1.health_pb2", "grpcio-health-checking"), ("h2.connection", "h2")):
                try:
                    importlib.import_module(module)
                except ImportError:
                    missing.append(package)
            print("missing: " + " ".join(missing) if missing else "ok")
            """
        do {
            let (status, output) = try await runCommand("python3", ["-c", script], timeout: .seconds(30))
            let lines = output.split(separator: "\n")
            if status == 0, let verdict = lines.last(where: { $0 == "ok" || $0.hasPrefix("missing: ") }) {
                return verdict == "ok" ? nil : "python3 lacks the peers' packages (\(verdict)); \(installHint)"
            }
            return "python3 could not check the peers' packages (exit \(status)): \(output.suffix(400)); \(installHint)"
        } catch {
            return "python3 could not be run: \(error); \(installHint)"
        }
    }

    /// Fails the calling test, with what to install, when the Python peers cannot run.
    static func requirePython() async throws {
        if let problem = await pythonCheck.value { throw PeerError(problem) }
    }

    /// Runs `python3 python/<script> <arguments>` and decodes the JSON object it prints last.
    static func python<Result: Decodable>(
        _ script: String, _ arguments: [String], as type: Result.Type = Result.self, timeout: Duration = .seconds(60)
    ) async throws -> Result {
        try await requirePython()
        let path = pythonDirectory.appendingPathComponent(script).path
        let (status, output) = try await runCommand("python3", [path] + arguments, timeout: timeout)
        let command = "python3 \(script) \(arguments.prefix(2).joined(separator: " "))"
        guard status == 0 else { throw PeerError("\(command) exited with status \(status): \(output.suffix(2000))") }
        guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("{") }) else {
            throw PeerError("\(command) printed no JSON result: \(output.suffix(2000))")
        }
        do {
            return try JSONDecoder().decode(Result.self, from: Data(line.utf8))
        } catch {
            throw PeerError("\(command) printed \(line), which is not a \(Result.self): \(error)")
        }
    }

    /// Starts the Python grpcio echo server; returns it with its port.
    static func startPythonGRPCServer() async throws -> (ChildProcess, Int) {
        try await requirePython()
        let script = pythonDirectory.appendingPathComponent("grpc_peer.py").path
        let child = try ChildProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", script, "serve"])
        let deadline = ContinuousClock.now + .seconds(20)
        while ContinuousClock.now < deadline {
            if let line = child.output.first(where: { $0.hasPrefix("listening on ") }),
                let port = Int(line.dropFirst("listening on ".count))
            {
                return (child, port)
            }
            if !child.isRunning {
                throw PeerError("python3 grpc_peer.py serve exited before printing its port (its stderr is above); \(installHint)")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        throw PeerError("python3 grpc_peer.py serve printed no port within 20 s; printed: \(child.output.suffix(5))")
    }

    /// Runs curl with `arguments` (which name the URL); returns status, HTTP version and body.
    static func curl(_ arguments: [String]) async throws -> CurlResult {
        let marker = "\n--cspr-curl-- "
        let (status, output) = try await runCommand(
            "curl", ["--silent", "--show-error", "--max-time", "20", "--write-out", "\(marker)%{http_code} %{http_version}"] + arguments,
            timeout: .seconds(30))
        guard status == 0 else {
            throw PeerError("curl \(arguments.joined(separator: " ")) exited with status \(status): \(output.suffix(1000)); \(installHint)")
        }
        guard let range = output.range(of: marker, options: .backwards) else { throw PeerError("curl printed no status: \(output)") }
        let parts = output[range.upperBound...].split(separator: " ")
        guard parts.count == 2, let code = Int(parts[0]) else { throw PeerError("curl printed no status: \(output)") }
        return CurlResult(status: code, httpVersion: String(parts[1]), body: String(output[..<range.lowerBound]))
    }
}

/// What curl got.
struct CurlResult {
    /// HTTP status.
    var status: Int
    /// `2` or `1.1`, as curl reports `%{http_version}`.
    var httpVersion: String
    /// The response body as text.
    var body: String
}

/// The HTTP version curl is told to use.
enum CurlVersion: String, CaseIterable, CustomTestStringConvertible {
    case http2 = "2"
    case http1 = "1.1"

    /// curl's option for it: h2c with prior knowledge, or plain HTTP/1.1.
    var option: String { self == .http2 ? "--http2-prior-knowledge" : "--http1.1" }

    var testDescription: String { self == .http2 ? "HTTP/2 (prior knowledge)" : "HTTP/1.1" }
}

/// A Connect error body.
struct ConnectErrorBody: Decodable, Equatable {
    var code: String
    var message: String
}

/// One grpcio call, as `grpc_peer.py call` reports it.
struct GRPCCallResult: Decodable {
    /// `OK` or the status name, e.g. `FAILED_PRECONDITION`.
    var code: String
    /// The status message.
    var details: String?
    /// The decoded response message.
    var response: EchoService.EchoMessage?
    /// Seconds from call to answer, on the client.
    var elapsed: Double
}

/// One HTTP/2 response, as `h2_peer.py` reports it.
struct H2Response: Decodable {
    var status: Int?
    var headers: [String: String]
    var trailers: [String: String]
    var body: String
    var bodyLength: Int
    /// The RST_STREAM code the server sent on this stream, if it did.
    var reset: Int?
    /// The GOAWAY code the server sent on this connection, if it did.
    var goaway: Int?
    var closed: Bool

    /// `grpc-status`, from the trailers or (Trailers-Only) the headers.
    var grpcStatus: Int? { (trailers["grpc-status"] ?? headers["grpc-status"]).flatMap { Int($0) } }
    /// `grpc-message`, percent-decoded.
    var grpcMessage: String? {
        (trailers["grpc-message"] ?? headers["grpc-message"]).map { $0.removingPercentEncoding ?? $0 }
    }
}

/// Request bodies, built here rather than with the code under test.
enum Wire {
    /// A gRPC length-prefixed message: flag, big-endian length, bytes.
    static func grpcFrame(_ message: [UInt8], flag: UInt8 = 0) -> [UInt8] {
        let length = UInt32(message.count)
        return [flag, UInt8(length >> 24), UInt8((length >> 16) & 0xff), UInt8((length >> 8) & 0xff), UInt8(length & 0xff)] + message
    }

    static func grpcFrame(_ json: String, flag: UInt8 = 0) -> [UInt8] { grpcFrame(Array(json.utf8), flag: flag) }

    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func hex(_ text: String) -> String { hex(Array(text.utf8)) }

    /// An Echo request whose JSON is about `bytes` long.
    static func echoJSON(bytes: Int) -> String { "{\"text\":\"\(String(repeating: "x", count: max(0, bytes - 11)))\"}" }
}

/// Sends one request with python `h2` on a fresh connection.
func h2Request(port: Int, path: String = EchoService.echo.path, contentType: String, body: [UInt8], headers: [String] = []) async throws -> H2Response
{
    try await Peers.python("h2_peer.py", ["request", String(port), path, contentType, Wire.hex(body)] + headers)
}

/// Waits until `condition` holds, for up to `timeout`; returns whether it did.
func eventually(within timeout: Duration, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

/// A client with a connection opened before the misbehaviour: after it, the server must still
/// serve this connection and a fresh one.
struct Bystander {
    let port: Int
    let client: RPCClient

    /// Connects and makes one call, so that its connection is open.
    static func connect(port: Int) async throws -> Bystander {
        let bystander = Bystander(port: port, client: RPCClient(host: "127.0.0.1", port: port))
        _ = try await bystander.client.call(EchoService.echo, EchoService.EchoMessage(text: "bystander connected"))
        return bystander
    }

    /// Expects a successful call on the bystander's connection and on a fresh connection.
    func expectServerStillServing(after what: String, sourceLocation: SourceLocation = #_sourceLocation) async {
        await expectEcho(on: client, "the bystander's connection, after \(what)", sourceLocation: sourceLocation)
        let fresh = RPCClient(host: "127.0.0.1", port: port)
        await expectEcho(on: fresh, "a fresh connection, after \(what)", sourceLocation: sourceLocation)
        fresh.transport.close()
        client.transport.close()
    }

    private func expectEcho(on client: RPCClient, _ text: String, sourceLocation: SourceLocation) async {
        let request = EchoService.EchoMessage(text: text, count: 1)
        do {
            let reply = try await client.call(EchoService.echo, request, deadline: .seconds(10))
            #expect(reply == request, "the server answered wrongly on \(text)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("the server did not serve \(text): \(error)", sourceLocation: sourceLocation)
        }
    }
}
