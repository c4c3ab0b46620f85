import Foundation
import RPC
import ServiceKit
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Obviously fictional tokens: one per principal the tests act as.
enum TestTokens {
    static let intake = "intake-token-0123456789abcdef"
    static let rapidReview = "rapid-review-token-0123456789abcdef"
    static let reviewManagement = "review-management-token-0123456789abcdef"
    static let panel = "panel-token-0123456789abcdef"
    static let chair = "chair-token-0123456789abcdef"
    static let support = "support-token-0123456789abcdef"
    static let viewer = "viewer-token-0123456789abcdef"
    static let admin = "admin-token-0123456789abcdef"

    static let file = """
        # test tokens: <token> <principal> <roles>
        \(intake) intake service
        \(rapidReview) rapid-review service
        \(reviewManagement) review-management service
        \(panel) Sam.Panel case-review-panel
        \(chair) Alex.Chair independent-chair
        \(support) Pat.Support partnership-support
        \(viewer) Vic.Viewer panel-viewer
        \(admin) Ops.Admin admin,auditor
        """
}

/// A temporary directory with a tokens file (mode 0600) and a data directory per service.
final class TestDirectory: @unchecked Sendable {
    /// "Today" of every service started from this directory: Monday 7 April 2025.
    static let today = "2025-04-07"

    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-rapidreview-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try TestTokens.file.write(to: tokens, atomically: true, encoding: .utf8)
        chmod(tokens.path, 0o600)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var tokens: URL { url.appendingPathComponent("tokens") }

    /// The environment of `service` listening on `port`, with its peers' ports.
    func environment(_ service: String, port: Int, peers: [String: Int] = [:], extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "CSPR_LISTEN": "127.0.0.1:\(port)", "CSPR_DATA_DIR": url.appendingPathComponent("data/\(service)").path,
            "CSPR_TOKENS_FILE": tokens.path, "CSPR_TODAY": Self.today, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2",
            "CSPR_LOOPS": "1",
        ]
        for (peer, peerPort) in peers {
            environment["CSPR_\(peer.uppercased().replacingOccurrences(of: "-", with: "_"))_URL"] = "127.0.0.1:\(peerPort)"
        }
        return environment.merging(extra) { $1 }
    }
}

/// A free loopback port for a test server (see `TestPorts`).
func freePort() throws -> Int { TestPorts.free() }

/// Starts `definition` in this process, on `port` (0: any free port).
func startInProcess(_ definition: ServiceDefinition, _ directory: TestDirectory, port: Int = 0, peers: [String: Int] = [:]) async throws
    -> RunningService
{
    let configuration = try ServiceConfiguration.load(
        serviceName: definition.name, peers: definition.peers, environment: directory.environment(definition.name, port: port, peers: peers))
    return try await ServiceRunner.start(definition, configuration: configuration)
}

/// The built rapid-review executable (product `rapid-review`, target RapidReviewMain).
func rapidReviewExecutable() throws -> URL {
    guard let executable = BuiltProducts.executable("rapid-review") ?? BuiltProducts.executable("RapidReviewMain") else {
        throw ChildProcessError.notBuilt("rapid-review")
    }
    return executable
}

/// Starts the rapid-review executable as its own process and waits until it logs "ready".
func startRapidReviewProcess(_ directory: TestDirectory, port: Int, peers: [String: Int]) async throws -> ChildProcess {
    let child = try ChildProcess(try rapidReviewExecutable(), environment: directory.environment("rapid-review", port: port, peers: peers))
    _ = try await child.waitForLine { $0.contains("\"message\":\"ready\"") }
    return child
}
