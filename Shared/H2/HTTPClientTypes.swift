import Foundation

/// A response as the client received it.
package struct HTTPClientResponse: Sendable {
    /// HTTP status.
    package var status: Int
    /// Header fields (no pseudo-headers).
    package var headers: HTTPFields
    /// The whole body.
    package var body: Data
    /// Trailer fields, empty when none came.
    package var trailers: HTTPFields

    package init(status: Int, headers: HTTPFields, body: Data, trailers: HTTPFields) {
        self.status = status
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }
}

/// Why a client call failed in the transport.
package enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No connection could be made (or the client is backing off after failures).
    case connectFailed(String)
    /// The connection broke while the call was in flight.
    case connectionLost
    /// The server reset the stream with this HTTP/2 error code.
    case streamReset(UInt32)
    /// The call's deadline passed.
    case timedOut
    /// The response body exceeded the client's limit.
    case responseTooLarge(Int)
    /// The calling task was cancelled, or the client closed.
    case cancelled

    package var description: String {
        switch self {
        case .connectFailed(let reason): "cannot connect: \(reason)"
        case .connectionLost: "connection lost"
        case .streamReset(let code): "stream reset by peer (HTTP/2 error \(code))"
        case .timedOut: "deadline exceeded"
        case .responseTooLarge(let limit): "response larger than \(limit) bytes"
        case .cancelled: "cancelled"
        }
    }
}

/// Tuning of an `HTTP2Client`.
package struct ClientConfiguration: Sendable {
    /// How long a TCP connect may take.
    package var connectTimeout: Duration = .seconds(5)
    /// Largest response body accepted.
    package var maxResponseBytes: Int = 4 * 1024 * 1024
    /// First wait after a failed connect; doubles per failure (with jitter) up to `maxBackoff`.
    package var initialBackoff: Duration = .milliseconds(100)
    /// Ceiling of the reconnect backoff.
    package var maxBackoff: Duration = .seconds(5)

    /// After a call times out, the connection is asked for a PING; no answer within this long
    /// means the peer is unreachable (a partition drops packets silently), and the connection is
    /// closed so that later calls reconnect, or fail fast while the peer stays away.
    package var pingTimeout: Duration = .seconds(2)

    /// The timeout of a call that names none: no call waits forever on a peer that vanished
    /// without closing its connection.
    package var defaultTimeout: Duration = .seconds(60)

    package init() {}
}
