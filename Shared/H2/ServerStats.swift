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
    /// Connections refused because their client address had its limit open already.
    package let refusedPerAddress = Atomic<Int>(0)
    /// Idle untrusted connections closed to make room for a new one.
    package let shedConnections = Atomic<Int>(0)
    /// Bytes of request bodies still arriving, held now across every connection.
    package let bufferedBodyBytes = Atomic<Int>(0)
    /// Requests whose body was refused from their head (`HTTPHandler.admit`).
    package let refusedBodies = Atomic<Int>(0)
    /// Requests refused by a limit (headers, body, timeouts, protocol errors).
    package let rejectedRequests = Atomic<Int>(0)

    package init() {}
}
