import Synchronization

/// Counters the transport keeps for `/metrics`; safe to read from any thread.
package final class TransportStats: Sendable {
    /// Connections open now.
    package let openConnections = Atomic<Int>(0)
    /// Requests (HTTP/2 streams or HTTP/1.1 requests) being handled now.
    package let openStreams = Atomic<Int>(0)
    /// Connections accepted since start.
    package let acceptedConnections = Atomic<Int>(0)
    /// Connections refused because the connection limit was reached.
    package let refusedConnections = Atomic<Int>(0)
    /// Requests refused by a limit (headers, body, timeouts, protocol errors).
    package let rejectedRequests = Atomic<Int>(0)

    package init() {}
}
