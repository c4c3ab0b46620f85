import Contract
import Foundation
import H2
import RPC
import ServiceKit
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Obviously fictional tokens for the gateway's tests.
package enum StackTokens {
    /// The Case Review Panel's member.
    package static let panel = "panel-token-testshire-0001"
    /// A panel viewer.
    package static let viewer = "viewer-token-testshire-0001"
    /// The partnership support team: may not read the gateway.
    package static let staff = "staff-token-testshire-0001"
    /// The gateway's own token for the stages.
    package static let gateway = "gateway-token-testshire-0001"
    /// Intake's own token.
    package static let intake = "intake-token-testshire-0001"
    /// Rapid-review's own token.
    package static let rapidReview = "rapid-review-token-testshire-01"

    /// The tokens file's text.
    package static let file = """
        # fictional test tokens: <token> <principal> <roles>
        \(panel) Pat.Panel case-review-panel
        \(viewer) Vic.Viewer panel-viewer
        \(staff) Sam.Support partnership-support
        \(gateway) gateway service
        \(intake) intake service
        \(rapidReview) rapid-review service
        """
}

/// A temporary directory for a small stack: the tokens file (mode 0600), data directories,
/// statuses files, and each service's environment.
package final class StackDirectory: Sendable {
    /// The directory.
    package let url: URL

    package init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-gateway-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try StackTokens.file.write(to: tokens, atomically: true, encoding: .utf8)
        chmod(tokens.path, 0o600)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// The tokens file (mode 0600).
    package var tokens: URL { url.appendingPathComponent("tokens") }

    /// The environment of `service` listening on `port`, with `stages` as its peers' ports.
    package func environment(_ service: String, port: Int, stages: [String: Int] = [:], extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "CSPR_LISTEN": "127.0.0.1:\(port)", "CSPR_DATA_DIR": url.appendingPathComponent("data/\(service)").path,
            "CSPR_TOKENS_FILE": tokens.path, "CSPR_TODAY": Fixtures.today, "CSPR_PARTNERSHIP": Fixtures.partnership, "CSPR_GRACE_SECONDS": "2",
        ]
        for (stage, stagePort) in stages {
            environment["CSPR_\(stage.uppercased().replacingOccurrences(of: "-", with: "_"))_URL"] = "127.0.0.1:\(stagePort)"
        }
        return environment.merging(extra) { $1 }
    }

    /// Writes `statuses` as a GetStatusesResponse file for a stand-in process.
    package func statusesFile(_ name: String, _ statuses: [CaseStatus]) throws -> URL {
        let file = url.appendingPathComponent("\(name)-statuses.json")
        try JSONCodec.encode(GetStatusesResponse(statuses: statuses)).write(to: file)
        return file
    }
}

/// A free loopback port for a test server (see `TestPorts`).
package func freeLoopbackPort() throws -> Int { TestPorts.free() }

/// Starts a stand-in stage process answering with `statuses`, and waits until it is ready.
package func startStandInProcess(
    _ stage: String, _ directory: StackDirectory, port: Int, statuses: [CaseStatus], extra: [String: String] = [:]
) async throws -> ChildProcess {
    guard let executable = BuiltProducts.executable("GatewayStandInStage") else { throw ChildProcessError.notBuilt("GatewayStandInStage") }
    let file = try directory.statusesFile(stage, statuses)
    let environment = directory.environment(stage, port: port, extra: ["GATEWAY_STANDIN_STATUSES": file.path].merging(extra) { $1 })
    let child = try ChildProcess(executable, arguments: [stage], environment: environment)
    _ = try await child.waitForLine { $0.contains("\"message\":\"ready\"") }
    return child
}

/// Starts the `gateway` executable asking `stages` (name: port), and waits until it is ready.
package func startGatewayProcess(_ directory: StackDirectory, port: Int, stages: [String: Int], extra: [String: String] = [:]) async throws
    -> ChildProcess
{
    guard let executable = BuiltProducts.executable("gateway") else { throw ChildProcessError.notBuilt("gateway") }
    let environment = directory.environment(
        "gateway", port: port, stages: stages,
        extra: [
            "CSPR_GATEWAY_STAGES": stages.keys.sorted().joined(separator: ","), "CSPR_GATEWAY_CACHE_SECONDS": "0",
            // Generous for a loaded CI machine: a killed stage is refused at once, not timed out.
            "CSPR_GATEWAY_STAGE_TIMEOUT_MS": "5000",
        ].merging(extra) { $1 })
    let child = try ChildProcess(executable, environment: environment)
    _ = try await child.waitForLine { $0.contains("\"message\":\"ready\"") }
    return child
}

/// GETs `path` of a loopback server over h2c, with optional extra headers.
package func getPage(port: Int, _ path: String, headers: [(String, String)] = []) async throws -> HTTPClientResponse {
    let client = HTTP2Client(host: "127.0.0.1", port: port)
    defer { client.close() }
    let request = HTTPRequest(head: HTTPRequestHead(method: "GET", path: path, headers: HTTPFields(headers), version: .http2))
    return try await client.send(request, timeout: .seconds(10))
}
