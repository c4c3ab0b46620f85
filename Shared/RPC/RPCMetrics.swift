import Foundation
import Synchronization

/// Calls by method and code, and a latency histogram per method, in Prometheus text format.
/// Other parts of a service (transport, outbox) add their own lines through `addSource`.
package final class RPCMetrics: Sendable {
    /// Upper bounds of the latency buckets, in seconds.
    static let buckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    private struct Latency {
        var counts = [Int](repeating: 0, count: RPCMetrics.buckets.count)
        var sum = 0.0
        var total = 0
    }

    private struct State {
        var calls: [String: [RPCCode: Int]] = [:]
        var latency: [String: Latency] = [:]
        var sources: [@Sendable () -> String] = []
    }

    private let state = Mutex(State())

    package init() {}

    /// Counts one finished call.
    package func record(method: String, code: RPCCode, seconds: Double) {
        state.withLock { state in
            state.calls[method, default: [:]][code, default: 0] += 1
            var latency = state.latency[method] ?? Latency()
            if let bucket = Self.buckets.firstIndex(where: { seconds <= $0 }) { latency.counts[bucket] += 1 }
            latency.sum += seconds
            latency.total += 1
            state.latency[method] = latency
        }
    }

    /// Adds a producer of more metric lines (already in Prometheus text format).
    package func addSource(_ source: @escaping @Sendable () -> String) {
        state.withLock { $0.sources.append(source) }
    }

    /// Calls counted for `method` with `code` (for tests and the gateway's summaries).
    package func count(method: String, code: RPCCode) -> Int {
        state.withLock { $0.calls[method]?[code] ?? 0 }
    }

    /// The whole exposition.
    package func render() -> String {
        let (calls, latency, sources) = state.withLock { ($0.calls, $0.latency, $0.sources) }
        var out = "# HELP cspr_rpc_calls_total RPC calls by method and status code.\n# TYPE cspr_rpc_calls_total counter\n"
        for method in calls.keys.sorted() {
            for (code, count) in calls[method, default: [:]].sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                out += "cspr_rpc_calls_total{method=\"\(method)\",code=\"\(code.name)\"} \(count)\n"
            }
        }
        out += "# HELP cspr_rpc_latency_seconds Time from request to response, by method.\n# TYPE cspr_rpc_latency_seconds histogram\n"
        for method in latency.keys.sorted() {
            guard let entry = latency[method] else { continue }
            var cumulative = 0
            for (index, bound) in Self.buckets.enumerated() {
                cumulative += entry.counts[index]
                out += "cspr_rpc_latency_seconds_bucket{method=\"\(method)\",le=\"\(bound)\"} \(cumulative)\n"
            }
            out += "cspr_rpc_latency_seconds_bucket{method=\"\(method)\",le=\"+Inf\"} \(entry.total)\n"
            out += "cspr_rpc_latency_seconds_sum{method=\"\(method)\"} \(entry.sum)\n"
            out += "cspr_rpc_latency_seconds_count{method=\"\(method)\"} \(entry.total)\n"
        }
        for source in sources { out += source() }
        return out
    }
}
