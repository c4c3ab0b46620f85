import Contract
import Foundation
import H2
import RPC
import ServiceTestSupport
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The whole stack in containers, brought up by `deploy/containers.sh` from docker-compose.yml
/// under its own compose project, with the gateway published on a free port of 127.0.0.1.
final class ContainerStack: @unchecked Sendable {
    let home: URL
    let project: String
    let gatewayPort: Int
    let root = BuiltProducts.packageRoot
    let environment: [String: String]

    init() {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-containers-\(UUID().uuidString)")
        project = "cspr-test-" + UUID().uuidString.prefix(8).lowercased()
        gatewayPort = TestPorts.free(count: 1)
        environment = [
            "CSPR_HOME": home.path, "CSPR_COMPOSE_PROJECT": project, "CSPR_GATEWAY_PORT": "127.0.0.1:\(gatewayPort)", "CSPR_SKIP_BUILD": "1",
            "CSPR_OUTBOX_RETRY_MAX_SECONDS": "1",
        ]
    }

    /// Runs `deploy/containers.sh <arguments>`; fails with its output when it fails.
    @discardableResult
    func script(_ arguments: [String], timeout: Duration = .seconds(300)) async throws -> String {
        let result = try await runCommand(
            "/bin/bash", [root.appendingPathComponent("deploy/containers.sh").path] + arguments, environment: environment, timeout: timeout)
        guard result.status == 0 else { throw StackError.command("deploy/containers.sh \(arguments.joined(separator: " "))", result.output) }
        return result.output
    }

    func up() async throws -> String { try await script(["up"]) }
    func down(volumes: Bool = false) async throws { try await script(volumes ? ["down", "--volumes"] : ["down"]) }
    func compose(_ arguments: String...) async throws -> String { try await script(["compose"] + arguments) }
    func podman(_ arguments: String...) async throws -> String {
        try await script(["podman"] + arguments).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// The container docker-compose made for `service`.
    func container(_ service: String) -> String { "\(project)_\(service)_1" }

    /// The pid, on this machine, of the service's process in its container (0 when stopped).
    func pid(_ service: String) async throws -> Int32 { Int32(try await podman("inspect", "-f", "{{.State.Pid}}", container(service))) ?? 0 }

    /// The container's address on the stages' network: the host reaches it through the bridge.
    func address(_ service: String) async throws -> String {
        let addresses = try await podman("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container(service))
        guard let first = addresses.split(separator: " ").first else { throw StackError.command("address", "\(service) has no address") }
        return String(first)
    }

    /// A client of a stage service, at its container's address and its port.
    func client(_ service: String) async throws -> RPCClient {
        let port = ServiceIdentity.all.first { $0.name == service }?.defaultPort ?? 0
        return RPCClient(host: try await address(service), port: port, configuration: ClientConfigurationForTests.fastBackoff)
    }

    /// The gateway, where it is published.
    var gateway: RPCClient { RPCClient(host: "127.0.0.1", port: gatewayPort, configuration: ClientConfigurationForTests.fastBackoff) }

    /// A stage service's `/metrics` samples, by name (labels kept in the name).
    func metrics(_ service: String) async throws -> [String: Double] {
        let port = ServiceIdentity.all.first { $0.name == service }?.defaultPort ?? 0
        let client = HTTP2Client(host: try await address(service), port: port)
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

    /// The token of `principal` from the stack's tokens file.
    func token(_ principal: String) throws -> String {
        let text = try String(contentsOf: home.appendingPathComponent("tokens"), encoding: .utf8)
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ")
            if fields.count >= 2 && fields[1] == principal { return String(fields[0]) }
        }
        throw StackError.command("token", "no principal \(principal)")
    }

    /// Removes the containers, their volumes and networks, and the home.
    func tearDown() async {
        _ = try? await down(volumes: true)
        try? FileManager.default.removeItem(at: home)
    }
}

/// Runs `body` with a container stack, and always tears it down.
func withContainerStack<T>(_ body: (ContainerStack) async throws -> T) async throws -> T {
    try await withStopping(ContainerStack(), stop: { await $0.tearDown() }, body)
}

/// Whether this machine can run the stack in containers: root, podman, and the image
/// `deploy/containers.sh build` makes (deploy/test.sh runs it before these tests).
enum Containers {
    /// Nil when containers can run; otherwise why not.
    static let unavailableReason: String? = probe()

    /// The tests' condition: true when containers can run; when not, says why on standard output.
    static var available: Bool {
        guard let reason = unavailableReason else { return true }
        print("ContainerTests SKIPPED (not run): \(reason)")
        return false
    }

    private static func probe() -> String? {
        guard geteuid() == 0 else { return "containers here need root (podman as root); euid is \(geteuid())" }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/bin", "/bin"]
        guard directories.contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/podman") }) else {
            return "podman is not installed; deploy/containers.sh build installs it (deploy/test.sh runs it)"
        }
        let script = BuiltProducts.packageRoot.appendingPathComponent("deploy/containers.sh").path
        let image = runToCompletion("/bin/bash", [script, "podman", "image", "exists", "localhost/cspr:latest"])
        guard image.status == 0 else {
            return "no image localhost/cspr:latest: deploy/containers.sh build did not run or failed (no network for apt or debootstrap?)"
        }
        return nil
    }
}
