import Contract
import Foundation
import RPC
import ServiceKit
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// Obviously fictional tokens for test services: one per role, one per service.
package enum TestTokens {
    package static let staff = "staff-token-0123456789abcdef"
    package static let panel = "panel-token-0123456789abcdef"
    package static let chair = "chair-token-0123456789abcdef"
    package static let agency = "agency-token-0123456789abcdef"
    package static let publication = "publication-token-0123456789abcdef"
    package static let admin = "admin-token-0123456789abcdef"
    package static let viewer = "viewer-token-0123456789abcdef"
    /// The token of `service`'s own principal (role `service`), for its calls to its peers.
    package static func service(_ service: ServiceIdentity) -> String { "\(service.name)-service-token-0123456789abcdef" }

    /// The tokens file of the stack's services (`ServiceIdentity.all`).
    package static let file = TestTokens.file(services: ServiceIdentity.all)

    /// A tokens file with a principal per role above and one per service of `services`, with
    /// the roles its identity gives it.
    package static func file(services: [ServiceIdentity]) -> String {
        """
        # test tokens: <token> <principal> <roles>
        \(staff) Pat.Support partnership-support
        \(panel) Sam.Panel case-review-panel
        \(chair) Alex.Chair independent-chair
        \(agency) Ali.Agency agency agency=Testshire Police
        \(publication) Pub.Comms publication
        \(admin) Ops.Admin admin,auditor
        \(viewer) Vic.Viewer panel-viewer

        """ + services.map { "\(service($0)) \($0.name) \($0.principalRoles.map(\.rawValue).joined(separator: ","))\n" }.joined()
    }
}

/// A temporary directory with a tokens file (mode 0600) and a data directory per service.
/// A test target with tokens and settings of its own subclasses it.
package final class TestDirectory: @unchecked Sendable {
    package let url: URL
    /// Variables that replace the defaults of `environment` (a different today, partnership...).
    private let settings: [String: String]

    package init(tokens text: String = TestTokens.file, settings: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-service-\(UUID().uuidString)")
        self.settings = settings
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try text.write(to: tokens, atomically: true, encoding: .utf8)
        chmod(tokens.path, 0o600)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    package var tokens: URL { url.appendingPathComponent("tokens") }

    package func data(_ service: String) -> URL { url.appendingPathComponent("data/\(service)") }

    /// The environment of a service of this directory, listening on `port`.
    package func environment(_ service: String, port: Int, peers: [ServiceIdentity: Int] = [:], extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "CSPR_LISTEN": "127.0.0.1:\(port)", "CSPR_DATA_DIR": data(service).path, "CSPR_TOKENS_FILE": tokens.path,
            "CSPR_TODAY": "2025-03-24", "CSPR_GRACE_SECONDS": "5",
            // Hand-overs flow again within a second of a peer coming back.
            "CSPR_OUTBOX_RETRY_MAX_SECONDS": "1",
        ]
        environment.merge(settings) { $1 }
        for (peer, peerPort) in peers { environment[peer.urlVariable] = "127.0.0.1:\(peerPort)" }
        return environment.merging(extra) { $1 }
    }
}

/// A free loopback port for a test server (see `TestPorts`).
package func freePort() throws -> Int { TestPorts.free() }

/// Starts a test service in this process.
package func startInProcess(
    _ definition: ServiceDefinition, _ directory: TestDirectory, port: Int = 0, peers: [ServiceIdentity: Int] = [:], extra: [String: String] = [:]
) async throws -> RunningService {
    let configuration = try ServiceConfiguration.load(
        definition.identity, peers: definition.peers, environment: directory.environment(definition.name, port: port, peers: peers, extra: extra))
    return try await ServiceRunner.start(definition, configuration: configuration)
}

/// Starts `definition` in this process, runs `body` with it and a client for it, and stops it
/// (a second's grace) even when `body` throws.
package func withInProcess<T>(
    _ definition: ServiceDefinition, _ directory: TestDirectory, peers: [ServiceIdentity: Int] = [:],
    _ body: (RunningService, RPCClient) async throws -> T
) async throws -> T {
    let service = try await startInProcess(definition, directory, peers: peers)
    return try await withStopping(service, stop: { await $0.stop(grace: .seconds(1)) }) { service in
        try await body(service, RPCClient(host: "127.0.0.1", port: service.port))
    }
}

/// Starts a service as its own process and waits until it logs "ready": `executable` is the
/// built product's name (`intake`), `arguments` its arguments, `service` the service it runs.
package func startServiceProcess(
    _ executable: String, arguments: [String] = [], service: ServiceIdentity, _ directory: TestDirectory, port: Int,
    peers: [ServiceIdentity: Int] = [:], extra: [String: String] = [:]
) async throws -> ChildProcess {
    guard let path = BuiltProducts.executable(executable) else { throw ChildProcessError.notBuilt(executable) }
    let child = try ChildProcess(
        path, arguments: arguments, environment: directory.environment(service.name, port: port, peers: peers, extra: extra))
    _ = try await child.waitForLine { $0.contains("\"message\":\"ready\"") }
    return child
}
