import Foundation

/// Limits and tuning of an `HTTPServer`. Defaults are DESIGN.md's (Limits).
package struct ServerConfiguration: Sendable {
    /// Address to bind, e.g. `127.0.0.1` or `0.0.0.0`.
    package var host: String = "127.0.0.1"
    /// Port to bind; 0 picks a free one (read it back from `HTTPServer.port`).
    package var port: Int = 0
    /// Event-loop threads; one per core by default.
    package var loopCount: Int = max(1, ProcessInfo.processInfo.activeProcessorCount)
    /// Largest request body accepted (one message), in bytes.
    package var maxMessageBytes: Int = 4 * 1024 * 1024
    /// Concurrent HTTP/2 streams per connection (SETTINGS_MAX_CONCURRENT_STREAMS).
    package var maxConcurrentStreams: Int = 100
    /// Largest request header block, in bytes (names + values + 32 per field, as RFC 9113 counts).
    package var maxHeaderBytes: Int = 16 * 1024
    /// Time an HTTP/1.1 client has to send a complete request head (slowloris guard).
    package var headerTimeout: Duration = .seconds(10)
    /// Time from a request's first byte to its last (head and body, either protocol): a client
    /// that opens a request and stalls is answered 408 rather than holding the connection.
    package var requestTimeout: Duration = .seconds(60)
    /// Request bodies buffered at once on one HTTP/2 connection (all its incomplete streams).
    package var maxConnectionBufferBytes: Int = 16 * 1024 * 1024
    /// Bytes of request bodies still arriving, held at once in the whole server (every
    /// connection, either protocol; an HTTP/1.1 body counts its announced length from its head):
    /// a request that would go over is answered `HTTPHandler.bodiesOverBudget`.
    package var maxBufferedBodyBytes: Int = 64 * 1024 * 1024
    /// A trusted connection (one that has sent a request `HTTPHandler.admit` trusted) with no
    /// open request for this long is closed.
    package var idleTimeout: Duration = .seconds(300)
    /// A connection that has not yet sent a trusted request is closed once it has had no
    /// request in progress for this long, counted from its opening or its last request (frames
    /// such as PING do not extend it).
    package var untrustedIdleTimeout: Duration = .seconds(10)
    /// Connections open at once. When full, a new connection sheds the oldest idle untrusted
    /// connection of its event loop; when there is none, it is accepted and closed at once.
    package var maxConnections: Int = 1024
    /// Connections open at once from one client address; more are accepted and closed at once.
    package var maxConnectionsPerAddress: Int = 128
    /// Unsent output above which a connection stops being read (back-pressure).
    package var outputHighWater: Int = 1024 * 1024
    /// Incoming RST_STREAM frames allowed in a burst, and refilled per second, before the
    /// connection is closed (rapid-reset guard).
    package var resetBurst: UInt64 = 1000
    /// See `resetBurst`.
    package var resetRatePerSecond: UInt64 = 100

    /// Run handlers' tasks on the connection's event loop (fast; handlers must not block) or,
    /// when false, on Swift's global concurrent pool.
    package var handlersOnEventLoop: Bool = true

    package init() {}
}
