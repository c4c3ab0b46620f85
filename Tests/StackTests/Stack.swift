import Contract
import Foundation
import H2
import RPC
import ServiceTestSupport
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The whole stack, started the way `deploy/local.sh up` starts it (that script, with the debug
/// build `swift test` made), in a temporary home and on a free block of ports.
final class Stack: @unchecked Sendable {
    let home: URL
    let base: Int
    let root = BuiltProducts.packageRoot
    let environment: [String: String]

    init(today: String = "2025-03-26", extra: [String: String] = [:]) throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-stack-\(UUID().uuidString)")
        base = try Self.freePortBlock()
        environment = [
            "CSPR_HOME": home.path, "CSPR_PORT_BASE": String(base), "CSPR_BUILD_CONFIGURATION": "debug", "CSPR_SKIP_BUILD": "1",
            "CSPR_TODAY": today, "CSPR_GRACE_SECONDS": "5", "CSPR_OUTBOX_RETRY_MAX_SECONDS": "1",
            // R1: the fictional stack's safeguarding partners, by the names its meetings use.
            "CSPR_SAFEGUARDING_PARTNERS": "localAuthority=Stack County Council;police=Stack Police;health=Stack ICB",
        ].merging(extra) { $1 }
    }

    /// Five consecutive free ports.
    static func freePortBlock() throws -> Int { TestPorts.free(count: 5) }

    /// Runs `deploy/local.sh <arguments>`; fails with its output when it fails.
    @discardableResult
    func local(_ arguments: String..., extra: [String: String] = [:]) async throws -> String {
        let result = try await runCommand(
            "/bin/bash", [root.appendingPathComponent("deploy/local.sh").path] + arguments, environment: environment.merging(extra) { $1 },
            timeout: .seconds(180))
        guard result.status == 0 else { throw StackError.command("deploy/local.sh \(arguments.joined(separator: " "))", result.output) }
        return result.output
    }

    func up(demo: Bool = false) async throws -> String { demo ? try await local("up", "--demo") : try await local("up") }
    func down() async throws { try await local("down") }

    func port(_ service: String) -> Int {
        base + (["gateway": 0, "intake": 1, "rapid-review": 2, "review-management": 3, "publication": 4][service] ?? 0)
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

    func pid(_ service: String) -> Int32? {
        guard let text = try? String(contentsOf: home.appendingPathComponent("run/\(service).pid"), encoding: .utf8) else { return nil }
        return Int32(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// Sends `signal` to a service and waits for it to exit; returns true if it did.
    func kill(_ service: String, _ signal: Int32, wait: Duration = .seconds(15)) async -> Bool {
        guard let pid = pid(service) else { return true }
        if signal != 0 { Glibc.kill(pid, signal) }
        let deadline = ContinuousClock.now + wait
        while ContinuousClock.now < deadline {
            if !Self.alive(pid) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return false
    }

    /// Running and not a zombie (a killed service is one until its reaper gets to it).
    static func alive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z"
    }

    func client(_ service: String) -> RPCClient {
        RPCClient(host: "127.0.0.1", port: port(service), configuration: ClientConfigurationForTests.fastBackoff)
    }

    /// Runs the built `cspr` as `principal` against this stack's services.
    func cspr(_ arguments: [String], as principal: String) async throws -> (status: Int32, stdout: String, stderr: String) {
        guard let executable = BuiltProducts.executable("cspr") else { throw ChildProcessError.notBuilt("cspr") }
        var environment = ["CSPR_TOKEN": try token(principal), "CSPR_TODAY": self.environment["CSPR_TODAY"] ?? ""]
        for service in ServiceIdentity.all { environment[service.urlVariable] = "127.0.0.1:\(port(service.name))" }
        return try await runCapturing(executable, arguments, environment: environment)
    }

    func log(_ service: String) -> String {
        (try? String(contentsOf: home.appendingPathComponent("logs/\(service).log"), encoding: .utf8)) ?? ""
    }

    /// A service's `/metrics` samples, by name (labels kept in the name).
    func metrics(_ service: String) async throws -> [String: Double] {
        let client = HTTP2Client(host: "127.0.0.1", port: port(service))
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

    /// Stops everything and removes the home.
    func tearDown() async {
        _ = try? await down()
        try? FileManager.default.removeItem(at: home)
    }
}

enum StackError: Error, CustomStringConvertible {
    case command(String, String)
    var description: String {
        switch self {
        case .command(let command, let output): "\(command) failed:\n\(output)"
        }
    }
}

/// Runs `body` with a stack, and always tears it down.
func withStack<T>(today: String = "2025-03-26", extra: [String: String] = [:], _ body: (Stack) async throws -> T) async throws -> T {
    let stack = try Stack(today: today, extra: extra)
    return try await withStopping(stack, stop: { await $0.tearDown() }, body)
}
