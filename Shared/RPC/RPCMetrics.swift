import Foundation
import Synchronization

/// Calls by method and code, and a latency histogram per method, in Prometheus text format.
/// Other parts of a service (transport, outbox) add their own lines through `addSource`.
package final class RPCMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private let methods = Mutex<[String: MethodMetrics]>([:])
    private let sources = Mutex<[@Sendable () async -> String]>([])

    package init() {}

    /// The counters of one method; the router keeps these so a call takes no dictionary lookup.
    package func method(_ path: String) -> MethodMetrics {
        methods.withLock { methods in
            if let existing = methods[path] { return existing }
            let created = MethodMetrics()
            methods[path] = created
            return created
        }
    }

    /// Counts one finished call.
    package func record(method: String, code: RPCCode, seconds: Double) {
        self.method(method).record(code: code, seconds: seconds)
    }

    /// Adds a producer of more metric lines (already in Prometheus text format).
    package func addSource(_ source: @escaping @Sendable () async -> String) {
        sources.withLock { $0.append(source) }
    }

    /// Calls counted for `method` with `code`.
    package func count(method: String, code: RPCCode) -> Int {
        methods.withLock { $0[method] }?.snapshot().codes[code.rawValue] ?? 0
    }

    /// The whole exposition.
    package func render() async -> String {
        let all = methods.withLock { $0 }.map { ($0.key, $0.value.snapshot()) }.sorted { $0.0 < $1.0 }
        var out = "# HELP cspr_rpc_calls_total RPC calls by method and status code.\n# TYPE cspr_rpc_calls_total counter\n"
        for (method, snapshot) in all {
            for (code, count) in snapshot.codes.enumerated() where count > 0 {
                let name = RPCCode(rawValue: code)?.name ?? "UNKNOWN"
                out += "cspr_rpc_calls_total{method=\"\(method)\",code=\"\(name)\"} \(count)\n"
            }
        }
        out += "# HELP cspr_rpc_latency_seconds Time from request to response, by method.\n# TYPE cspr_rpc_latency_seconds histogram\n"
        for (method, snapshot) in all {
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += snapshot.buckets[index]
                out += "cspr_rpc_latency_seconds_bucket{method=\"\(method)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "cspr_rpc_latency_seconds_bucket{method=\"\(method)\",le=\"+Inf\"} \(snapshot.total)\n"
            out += "cspr_rpc_latency_seconds_sum{method=\"\(method)\"} \(snapshot.sum)\n"
            out += "cspr_rpc_latency_seconds_count{method=\"\(method)\"} \(snapshot.total)\n"
        }
        for source in sources.withLock({ $0 }) { out += await source() }
        return out
    }
}

/// One method's counters.
package final class MethodMetrics: Sendable {
    struct Snapshot {
        var codes = [Int](repeating: 0, count: 17)
        var buckets = [Int](repeating: 0, count: RPCMetrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private let state = Mutex(Snapshot())

    /// Counts one call.
    package func record(code: RPCCode, seconds: Double) {
        let bucket = RPCMetrics.buckets.firstIndex { seconds <= $0 }
        state.withLock { state in
            state.codes[code.rawValue] += 1
            if let bucket { state.buckets[bucket] += 1 }
            state.sum += seconds
            state.total += 1
        }
    }

    func snapshot() -> Snapshot { state.withLock { $0 } }
}
