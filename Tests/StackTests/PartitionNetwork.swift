import Foundation
import Synchronization
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// A service of the partition test, each in a network namespace of its own.
enum PartitionHost: String, CaseIterable, Sendable {
    case gateway
    case intake
    case rapidReview = "rapid-review"

    /// Short name used in namespace and interface names.
    var short: String {
        switch self {
        case .gateway: "gw"
        case .intake: "in"
        case .rapidReview: "rr"
        }
    }

    /// The last octet of its address on the test subnet.
    var hostNumber: Int {
        switch self {
        case .gateway: 10
        case .intake: 11
        case .rapidReview: 12
        }
    }

    /// Its default port (DESIGN.md, Configuration): each namespace has its own ports.
    var port: Int {
        switch self {
        case .gateway: 7100
        case .intake: 7101
        case .rapidReview: 7102
        }
    }
}

/// The outcome of one command.
struct CommandResult: Sendable {
    let status: Int32
    let output: String
}

/// Runs `executable` to completion (it must finish promptly: `ip` commands do), its output in a
/// temporary file so that no pipe can be held open by a process started meanwhile.
func runToCompletion(_ executable: String, _ arguments: [String]) -> CommandResult {
    do {
        let output = try TemporaryOutput()
        let process = try SpawnedProcess(executable, arguments: arguments, standardOutput: output.descriptor, standardError: output.descriptor)
        let exit = process.waitUntilExit()
        return CommandResult(status: exit.status, output: output.text().trimmingCharacters(in: .whitespacesAndNewlines))
    } catch {
        return CommandResult(status: -1, output: "cannot run \(executable): \(error)")
    }
}

/// Whether this machine lets the test make network namespaces, veth pairs and a bridge (root,
/// or CAP_NET_ADMIN and CAP_SYS_ADMIN, and iproute2). Probed once, in a namespace of its own.
enum NetworkNamespaces {
    /// The `ip` command of iproute2, if installed.
    static let ip: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"]
        return directories.map { "\($0)/ip" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Nil when namespaces can be used; otherwise why not.
    static let unavailableReason: String? = probe()

    /// The test's condition: true when permitted; when not, says why on standard output.
    static var permitted: Bool {
        guard let reason = unavailableReason else { return true }
        print("PartitionTests SKIPPED (not run): network namespaces are not permitted here: \(reason)")
        return false
    }

    private static func probe() -> String? {
        guard let ip else { return "the `ip` command (Debian package iproute2) is not installed; deploy/test.sh installs it" }
        let name = "cspr-probe-\(getpid())"
        let add = runToCompletion(ip, ["netns", "add", name])
        guard add.status == 0 else {
            return "`ip netns add` failed (\(add.output)); it needs root, or CAP_SYS_ADMIN and CAP_NET_ADMIN (euid \(geteuid()))"
        }
        defer { _ = runToCompletion(ip, ["netns", "delete", name]) }
        let veth = runToCompletion(ip, ["-n", name, "link", "add", "probe0", "type", "veth", "peer", "name", "probe1"])
        guard veth.status == 0 else { return "`ip link add ... type veth` failed in a new namespace (\(veth.output))" }
        let bridge = runToCompletion(ip, ["-n", name, "link", "add", "probebr", "type", "bridge"])
        guard bridge.status == 0 else { return "`ip link add ... type bridge` failed in a new namespace (\(bridge.output))" }
        return nil
    }
}

/// A failed `ip` command.
struct NetworkError: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "ip \(command) failed: \(output)" }
}

/// The partition test's network: a namespace per service and one holding a bridge (the
/// switch), each service's namespace joined to it by a veth pair, and the test's own (root)
/// namespace joined by one more, so that the test calls the services at their addresses.
/// Addresses are on 10.231.<subnet>.0/24, assigned only inside these namespaces and on the
/// root namespace's end of its veth; nothing is routed anywhere else. Names carry the test
/// process's id, so a later run can remove what a killed run left behind.
final class PartitionNetwork: Sendable {
    static let prefix = "cspr-part-"

    let ip: String
    /// `<pid>-<random>`.
    let tag: String
    /// The third octet of 10.231.x.0/24.
    let subnet: Int
    /// The root namespace's end of its veth pair.
    let rootLink: String

    var switchNamespace: String { "\(Self.prefix)\(tag)-switch" }
    func namespace(_ host: PartitionHost) -> String { "\(Self.prefix)\(tag)-\(host.short)" }
    func address(_ host: PartitionHost) -> String { "10.231.\(subnet).\(host.hostNumber)" }
    /// The test's own address, in the root namespace.
    var testAddress: String { "10.231.\(subnet).1" }
    /// A service's port on the bridge, in the switch namespace: the link that is cut.
    func switchPort(_ host: PartitionHost) -> String { "port-\(host.short)" }

    private init(ip: String, tag: String, subnet: Int, rootLink: String) {
        self.ip = ip
        self.tag = tag
        self.subnet = subnet
        self.rootLink = rootLink
    }

    /// Makes the namespaces, the bridge and the links, all up. On failure removes what it made.
    static func create() throws -> PartitionNetwork {
        guard let ip = NetworkNamespaces.ip else { throw NetworkError(command: "", output: "iproute2 is not installed") }
        removeLeftovers(ip: ip)
        let random = String(UInt32.random(in: 0...0xFFFFFF), radix: 16)
        let network = PartitionNetwork(ip: ip, tag: "\(getpid())-\(random)", subnet: freeSubnet(ip: ip), rootLink: "cspr\(random)")
        do {
            try network.build()
        } catch {
            network.tearDown()
            throw error
        }
        return network
    }

    private func build() throws {
        let sw = switchNamespace
        try run("netns", "add", sw)
        for host in PartitionHost.allCases { try run("netns", "add", namespace(host)) }
        try run("-n", sw, "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0")
        try run("-n", sw, "link", "set", "br0", "up")
        for host in PartitionHost.allCases {
            let ns = namespace(host)
            try run("link", "add", switchPort(host), "netns", sw, "type", "veth", "peer", "name", "eth0", "netns", ns)
            try run("-n", sw, "link", "set", switchPort(host), "master", "br0")
            try run("-n", sw, "link", "set", switchPort(host), "up")
            try run("-n", ns, "link", "set", "lo", "up")
            try run("-n", ns, "address", "add", "\(address(host))/24", "dev", "eth0")
            try run("-n", ns, "link", "set", "eth0", "up")
        }
        try run("link", "add", rootLink, "type", "veth", "peer", "name", "port-test", "netns", sw)
        try run("-n", sw, "link", "set", "port-test", "master", "br0")
        try run("-n", sw, "link", "set", "port-test", "up")
        try run("address", "add", "\(testAddress)/24", "dev", rootLink)
        try run("link", "set", rootLink, "up")
    }

    /// Takes `host`'s port on the switch down: nothing reaches it, nothing leaves it.
    func cut(_ host: PartitionHost) throws { try run("-n", switchNamespace, "link", "set", switchPort(host), "down") }

    /// Puts `host`'s port back up.
    func restore(_ host: PartitionHost) throws { try run("-n", switchNamespace, "link", "set", switchPort(host), "up") }

    /// The command that runs `executable` inside `host`'s namespace.
    func exec(in host: PartitionHost, _ executable: String) -> (executable: URL, arguments: [String]) {
        (URL(fileURLWithPath: ip), ["netns", "exec", namespace(host), executable])
    }

    /// Removes the namespaces (their veth pairs go with them) and the root namespace's link.
    /// Run it after the processes inside have exited. Never throws; reports what it could not do.
    func tearDown() {
        for namespace in [switchNamespace] + PartitionHost.allCases.map(namespace) {
            let result = runToCompletion(ip, ["netns", "delete", namespace])
            if result.status != 0 && !result.output.contains("No such file") {
                print("partition: could not delete namespace \(namespace): \(result.output)")
            }
        }
        // Gone with its peer in the switch namespace; this is for a build that stopped half-way.
        if runToCompletion(ip, ["link", "show", rootLink]).status == 0 { _ = runToCompletion(ip, ["link", "delete", rootLink]) }
    }

    /// Names every namespace and link of this network that still exists (empty after tearDown).
    func remains() -> [String] {
        let namespaces = runToCompletion(ip, ["netns", "list"]).output.split(separator: "\n").compactMap { $0.split(separator: " ").first }
            .map(String.init).filter { $0.hasPrefix("\(Self.prefix)\(tag)-") }
        let link = runToCompletion(ip, ["link", "show", rootLink]).status == 0 ? [rootLink] : []
        return namespaces + link
    }

    private func run(_ arguments: String...) throws {
        let result = runToCompletion(ip, arguments)
        guard result.status == 0 else { throw NetworkError(command: arguments.joined(separator: " "), output: result.output) }
    }

    /// A subnet no address or route of the root namespace uses yet (another run may hold one).
    private static func freeSubnet(ip: String) -> Int {
        let used = runToCompletion(ip, ["-4", "-o", "address", "show"]).output + "\n" + runToCompletion(ip, ["-4", "route", "show"]).output
        let candidates = (1...254).filter { !used.contains("10.231.\($0).") }
        return candidates.randomElement() ?? 231
    }

    /// Namespaces of earlier runs whose test process is gone (killed before its tear-down): the
    /// service processes still inside are ended by their ids, then the namespaces are deleted.
    private static func removeLeftovers(ip: String) {
        let names = runToCompletion(ip, ["netns", "list"]).output.split(separator: "\n").compactMap { $0.split(separator: " ").first }
            .map(String.init).filter { $0.hasPrefix(prefix) }
        for name in names {
            guard let owner = Int32(name.dropFirst(prefix.count).prefix { $0 != "-" }), owner != getpid() else { continue }
            if kill(owner, 0) == 0 || errno != ESRCH { continue }  // its test process still runs
            for pid in runToCompletion(ip, ["netns", "pids", name]).output.split(separator: "\n").compactMap({ Int32($0) }) {
                kill(pid, SIGKILL)
            }
            _ = runToCompletion(ip, ["netns", "delete", name])
            print("partition: removed namespace \(name), left by test process \(owner)")
        }
    }
}
