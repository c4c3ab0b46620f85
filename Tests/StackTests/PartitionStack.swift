import Contract
import Foundation
import H2
import RPC
import ServiceTestSupport
import Synchronization
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// intake, rapid-review and the gateway, the debug executables, each started inside its own
/// network namespace of a `PartitionNetwork` with the environment `deploy/local.sh` gives it,
/// peers named by their namespace addresses.
final class PartitionStack: Sendable {
    static let today = "2025-03-26"
    /// Each stage's deadline in the gateway's fan-out: the bound on a call while a stage is cut.
    static let gatewayStageTimeoutMilliseconds = 1000
    static var gatewayStageTimeout: Duration { .milliseconds(gatewayStageTimeoutMilliseconds) }

    let network: PartitionNetwork
    let directory: TestDirectory
    private let processes = Mutex<[PartitionHost: ChildProcess]>([:])

    init(network: PartitionNetwork) throws {
        self.network = network
        directory = try TestDirectory()
    }

    /// `host`'s environment: its own data directory, the test tokens, its namespace address.
    func environment(_ host: PartitionHost) -> [String: String] {
        var environment = directory.environment(host.rawValue, port: host.port, extra: ["CSPR_TODAY": Self.today])
        environment["CSPR_LISTEN"] = "\(network.address(host)):\(host.port)"
        switch host {
        case .intake:
            environment[ServiceIdentity.rapidReview.urlVariable] = url(.rapidReview)
        case .rapidReview:
            break
        case .gateway:
            environment[ServiceIdentity.intake.urlVariable] = url(.intake)
            environment[ServiceIdentity.rapidReview.urlVariable] = url(.rapidReview)
            // The two stages of this network only: review-management, a default stage, is not
            // started here and would show as down in every answer.
            environment["CSPR_GATEWAY_STAGES"] = "intake,rapid-review"
            // Every call asks the stages (no cached answer hides a cut or its end).
            environment["CSPR_GATEWAY_CACHE_SECONDS"] = "0"
            environment["CSPR_GATEWAY_STAGE_TIMEOUT_MS"] = String(Self.gatewayStageTimeoutMilliseconds)
        }
        return environment
    }

    func url(_ host: PartitionHost) -> String { "http://\(network.address(host)):\(host.port)" }

    /// Starts `host` with `ip netns exec` and waits until it logs "ready".
    func start(_ host: PartitionHost) async throws {
        guard let binary = BuiltProducts.executable(host.rawValue) else { throw ChildProcessError.notBuilt(host.rawValue) }
        let command = network.exec(in: host, binary.path)
        let child = try ChildProcess(command.executable, arguments: command.arguments, environment: environment(host))
        processes.withLock { $0[host] = child }
        _ = try await child.waitForLine { $0.contains("\"message\":\"ready\"") }
    }

    /// A new client of `host` (a new connection: what it measures is the link, not an old
    /// connection's recovery).
    func client(_ host: PartitionHost) -> RPCClient {
        RPCClient(host: network.address(host), port: host.port, configuration: ClientConfigurationForTests.fastBackoff)
    }

    /// `host`'s log lines so far, decoded.
    func log(_ host: PartitionHost) -> [[String: Any]] {
        let lines = processes.withLock { $0[host]?.output ?? [] }
        return lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
        }
    }

    /// `host`'s `GET /metrics`, by sample name.
    func metrics(_ host: PartitionHost) async throws -> [String: Double] {
        let client = HTTP2Client(host: network.address(host), port: host.port)
        defer { client.close() }
        let request = HTTPRequest(head: HTTPRequestHead(method: "GET", path: "/metrics", version: .http2))
        let response = try await client.send(request, timeout: .seconds(2))
        var samples: [String: Double] = [:]
        for line in String(decoding: response.body, as: UTF8.self).split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            if fields.count == 2, let value = Double(fields[1]) { samples[String(fields[0])] = value }
        }
        return samples
    }

    /// SIGTERM to every service, SIGKILL to any still running after 5 s; waits for each to exit.
    func stopProcesses() async {
        let running = processes.withLock { $0 }
        for child in running.values where child.isRunning { child.send(SIGTERM) }
        for (host, child) in running {
            if (try? await child.waitForExit(timeout: .seconds(5))) == nil {
                print("partition: \(host.rawValue) did not stop after SIGTERM; killing it")
                child.send(SIGKILL)
                _ = try? await child.waitForExit(timeout: .seconds(5))
            }
        }
        processes.withLock { $0 = [:] }
    }

    /// Stops the services, then removes the namespaces and links.
    func tearDown() async {
        await stopProcesses()
        network.tearDown()
    }
}

/// Runs `body` with the network and the stack, and always tears both down, on failure too.
func withPartitionStack<T>(_ body: (PartitionStack) async throws -> T) async throws -> T {
    let network = try PartitionNetwork.create()
    let stack: PartitionStack
    do {
        stack = try PartitionStack(network: network)
    } catch {
        network.tearDown()
        throw error
    }
    return try await withStopping(stack, stop: { await $0.tearDown() }, body)
}
