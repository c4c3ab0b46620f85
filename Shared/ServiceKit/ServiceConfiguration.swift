import Contract
import Foundation

/// A peer service's address.
package struct PeerAddress: Sendable, Equatable, CustomStringConvertible {
    /// Host name or address.
    package var host: String
    /// Port.
    package var port: Int

    package init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port`, `http://host:port` or `[::1]:port`.
    package init?(_ text: String) {
        var rest = Substring(text)
        if rest.hasPrefix("http://") { rest = rest.dropFirst("http://".count) }
        while rest.hasSuffix("/") { rest = rest.dropLast() }
        guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]), (0...65535).contains(port) else { return nil }
        var host = rest[..<colon]
        if host.hasPrefix("[") && host.hasSuffix("]") { host = host.dropFirst().dropLast() }
        guard !host.isEmpty else { return nil }
        self.host = String(host)
        self.port = port
    }

    package var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}

/// What every service reads from its environment (DESIGN.md, Configuration), with defaults that
/// work on one machine. A bad value fails at start with the variable named.
package struct ServiceConfiguration: Sendable {
    /// The service: its name (logs, data directory, metrics) and default port.
    package var identity: ServiceIdentity
    /// `CSPR_LISTEN`: where to listen.
    package var listen: PeerAddress
    /// `CSPR_DATA_DIR`: where the service keeps its database.
    package var dataDirectory: URL
    /// `CSPR_TOKENS_FILE`: the bearer tokens (mode 0600).
    package var tokensFile: URL
    /// `CSPR_<PEER>_URL` for each peer the service calls, by the peer's name.
    package var peers: [String: PeerAddress]
    /// `CSPR_PARTNERSHIP`: the case reference prefix.
    package var partnership: String
    /// `CSPR_RULE_SET`: `surrey-2019` (default) or `wt-2023`.
    package var ruleSet: String
    /// `CSPR_TODAY`: a fixed "today" (ISO date), for tests, demos and replays.
    package var today: String?
    /// `CSPR_EXTRA_BANK_HOLIDAYS`: a file of extra bank holidays.
    package var extraBankHolidays: URL?
    /// `CSPR_GRACE_SECONDS`: how long SIGTERM waits for in-flight calls.
    package var grace: Duration
    /// `CSPR_LOOPS`: event-loop threads (default: one per core).
    package var loops: Int?
    /// `CSPR_OUTBOX_RETRY_MAX_SECONDS`: the longest wait between two attempts at a hand-over
    /// (default 300): how soon hand-overs flow again after a peer comes back. A hand-over a peer
    /// does not refuse is retried for at least an hour whatever this is (`RetryPolicy.patient`).
    package var outboxRetryMaxSeconds: Double = 300
    /// `CSPR_WRITE_RATE`: writes a second each principal may make, in bursts of one second's
    /// worth (default 3000: twice what stack-bench's 8 writers sharing one token reach, so only a
    /// runaway or stolen token meets it; issue 17, item 9).
    package var writeRate: Double = 3000
    /// The environment this was read from: the service's own settings are read from it too.
    package var environment: [String: String] = [:]

    /// The service's name, e.g. `intake`.
    package var serviceName: String { identity.name }

    /// Reads the configuration of `identity`, which calls `peers`, from `environment`.
    package static func load(
        _ identity: ServiceIdentity, peers peerIdentities: [ServiceIdentity] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ServiceConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        let defaultPort = identity.defaultPort
        let listen: PeerAddress
        if let text = value("CSPR_LISTEN") {
            guard let parsed = PeerAddress(text) else {
                throw ConfigurationError(variable: "CSPR_LISTEN", problem: "\"\(text)\" is not host:port (e.g. 0.0.0.0:\(defaultPort))")
            }
            listen = parsed
        } else {
            listen = PeerAddress(host: "127.0.0.1", port: defaultPort)
        }
        let base = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".cspr")
        let dataDirectory = value("CSPR_DATA_DIR").map { URL(fileURLWithPath: $0) } ?? base.appendingPathComponent("data/\(identity.name)")
        let tokensFile = value("CSPR_TOKENS_FILE").map { URL(fileURLWithPath: $0) } ?? base.appendingPathComponent("tokens")

        var peers: [String: PeerAddress] = [:]
        for peer in peerIdentities {
            if let text = value(peer.urlVariable) {
                guard let parsed = PeerAddress(text) else {
                    throw ConfigurationError(variable: peer.urlVariable, problem: "\"\(text)\" is not host:port or http://host:port")
                }
                peers[peer.name] = parsed
            } else {
                peers[peer.name] = PeerAddress(host: "127.0.0.1", port: peer.defaultPort)
            }
        }

        let partnership = value("CSPR_PARTNERSHIP") ?? "SURREY"
        guard (2...16).contains(partnership.count), partnership.first?.isLetter == true,
            partnership.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) })
        else {
            throw ConfigurationError(
                variable: "CSPR_PARTNERSHIP", problem: "\"\(partnership)\" must be 2-16 upper-case letters or digits, starting with a letter")
        }
        let ruleSet = value("CSPR_RULE_SET") ?? "surrey-2019"
        guard ["surrey-2019", "wt-2023"].contains(ruleSet) else {
            throw ConfigurationError(variable: "CSPR_RULE_SET", problem: "\"\(ruleSet)\" is not a rule set; use surrey-2019 or wt-2023")
        }
        let grace: Duration
        if let text = value("CSPR_GRACE_SECONDS") {
            guard let seconds = Double(text), seconds >= 0, seconds <= 600 else {
                throw ConfigurationError(variable: "CSPR_GRACE_SECONDS", problem: "\"\(text)\" is not a number of seconds between 0 and 600")
            }
            grace = .milliseconds(Int64(seconds * 1000))
        } else {
            grace = .seconds(10)
        }
        var loops: Int?
        if let text = value("CSPR_LOOPS") {
            guard let count = Int(text), (1...64).contains(count) else {
                throw ConfigurationError(variable: "CSPR_LOOPS", problem: "\"\(text)\" is not a thread count between 1 and 64")
            }
            loops = count
        }
        var outboxRetryMaxSeconds = 300.0
        if let text = value("CSPR_OUTBOX_RETRY_MAX_SECONDS") {
            guard let seconds = Double(text), seconds >= 0.01, seconds <= 86400 else {
                throw ConfigurationError(
                    variable: "CSPR_OUTBOX_RETRY_MAX_SECONDS", problem: "\"\(text)\" is not a number of seconds between 0.01 and 86400")
            }
            outboxRetryMaxSeconds = seconds
        }
        var writeRate = 3000.0
        if let text = value("CSPR_WRITE_RATE") {
            guard let rate = Double(text), rate >= 0.01, rate <= 1_000_000 else {
                throw ConfigurationError(
                    variable: "CSPR_WRITE_RATE", problem: "\"\(text)\" is not a number of writes a second between 0.01 and 1000000")
            }
            writeRate = rate
        }
        var configuration = ServiceConfiguration(
            identity: identity, listen: listen, dataDirectory: dataDirectory, tokensFile: tokensFile, peers: peers,
            partnership: partnership, ruleSet: ruleSet, today: value("CSPR_TODAY"),
            extraBankHolidays: value("CSPR_EXTRA_BANK_HOLIDAYS").map { URL(fileURLWithPath: $0) }, grace: grace, loops: loops)
        configuration.outboxRetryMaxSeconds = outboxRetryMaxSeconds
        configuration.writeRate = writeRate
        configuration.environment = environment
        return configuration
    }
}
