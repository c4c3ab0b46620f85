/// gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html), with the
/// Connect protocol's names and HTTP statuses for each.
package enum RPCCode: Int, Sendable, CaseIterable, Codable {
    case ok = 0
    case cancelled = 1
    case unknown = 2
    case invalidArgument = 3
    case deadlineExceeded = 4
    case notFound = 5
    case alreadyExists = 6
    case permissionDenied = 7
    case resourceExhausted = 8
    case failedPrecondition = 9
    case aborted = 10
    case outOfRange = 11
    case unimplemented = 12
    case `internal` = 13
    case unavailable = 14
    case dataLoss = 15
    case unauthenticated = 16

    /// The gRPC name, e.g. `INVALID_ARGUMENT` (logs, metrics labels).
    package var name: String {
        switch self {
        case .ok: "OK"
        case .cancelled: "CANCELLED"
        case .unknown: "UNKNOWN"
        case .invalidArgument: "INVALID_ARGUMENT"
        case .deadlineExceeded: "DEADLINE_EXCEEDED"
        case .notFound: "NOT_FOUND"
        case .alreadyExists: "ALREADY_EXISTS"
        case .permissionDenied: "PERMISSION_DENIED"
        case .resourceExhausted: "RESOURCE_EXHAUSTED"
        case .failedPrecondition: "FAILED_PRECONDITION"
        case .aborted: "ABORTED"
        case .outOfRange: "OUT_OF_RANGE"
        case .unimplemented: "UNIMPLEMENTED"
        case .internal: "INTERNAL"
        case .unavailable: "UNAVAILABLE"
        case .dataLoss: "DATA_LOSS"
        case .unauthenticated: "UNAUTHENTICATED"
        }
    }

    /// The Connect protocol's code string, e.g. `failed_precondition`. The Connect spec spells
    /// CANCELLED `canceled` (https://connectrpc.com/docs/protocol#error-codes).
    package var connectName: String { self == .cancelled ? "canceled" : name.lowercased() }

    /// The Connect protocol's HTTP status for an error with this code.
    package var connectHTTPStatus: Int {
        switch self {
        case .ok: 200
        case .cancelled: 499
        case .unknown: 500
        case .invalidArgument: 400
        case .deadlineExceeded: 504
        case .notFound: 404
        case .alreadyExists: 409
        case .permissionDenied: 403
        case .resourceExhausted: 429
        case .failedPrecondition: 400
        case .aborted: 409
        case .outOfRange: 400
        case .unimplemented: 501
        case .internal: 500
        case .unavailable: 503
        case .dataLoss: 500
        case .unauthenticated: 401
        }
    }

    /// The code a Connect error body names (`failed_precondition` -> `.failedPrecondition`).
    package init?(connectName: String) {
        guard let code = RPCCode.allCases.first(where: { $0.connectName == connectName }) else { return nil }
        self = code
    }

    /// The code a Connect client infers from an HTTP status when the body names none.
    package init(httpStatus: Int) {
        switch httpStatus {
        case 400: self = .internal
        case 401: self = .unauthenticated
        case 403: self = .permissionDenied
        case 404: self = .unimplemented
        case 429, 502, 503, 504: self = .unavailable
        default: self = .unknown
        }
    }
}

/// The one error thrown across the RPC edge: a gRPC code and a message for the caller.
package struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The status code.
    package var code: RPCCode
    /// What the caller can act on: the field path for INVALID_ARGUMENT, the rule id for
    /// FAILED_PRECONDITION. Never internals, never personal data.
    package var message: String

    package init(_ code: RPCCode, _ message: String) {
        self.code = code
        self.message = message
    }

    package var description: String { "\(code.name): \(message)" }
}
