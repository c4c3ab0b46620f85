import Foundation
import Synchronization

/// Who is calling, once authenticated.
package struct Principal: Sendable, Equatable {
    /// The principal's name from the tokens file (a person or a service, never a token).
    package var name: String
    /// Its roles.
    package var roles: Set<String>
    /// The one agency it speaks for, when its line in the tokens file names one (an agency's
    /// token); nil for the partnership's own people and the services.
    package var agency: String?

    package init(name: String, roles: Set<String>, agency: String? = nil) {
        self.name = name
        self.roles = roles
        self.agency = agency
    }
}

/// The wire protocol a call arrived with.
package enum WireProtocol: String, Sendable {
    case grpc
    case connect
}

/// Values a handler adds to its call for the interceptors around it (for example the case
/// reference, so that the log line and the audit entry name it).
package final class CallAnnotations: Sendable {
    private let values = Mutex<[String: String]>([:])

    package init() {}

    /// Sets a value.
    package func set(_ key: String, _ value: String) { values.withLock { $0[key] = value } }
    /// Reads a value.
    package func get(_ key: String) -> String? { values.withLock { $0[key] } }
    /// Every value.
    package var all: [String: String] { values.withLock { $0 } }
}

/// Everything a handler and the interceptors know about one call besides its message.
package struct CallContext: Sendable {
    /// The method called.
    package var method: MethodInfo
    /// The request's metadata (header fields).
    package var metadata: Metadata
    /// `x-request-id`, taken from the request or made for it; echoed in the response.
    package var requestID: String
    /// When the caller stops waiting, if it said.
    package var deadline: ContinuousClock.Instant?
    /// gRPC or Connect.
    package var wireProtocol: WireProtocol
    /// Set by the authentication interceptor.
    package var principal: Principal?
    /// Values handlers attach for logging and audit.
    package var annotations: CallAnnotations
    /// The address the call came from, when the transport knows it (refusals are counted per
    /// source with it).
    package var client: String?

    package init(
        method: MethodInfo, metadata: Metadata = Metadata(), requestID: String = RequestIDs.next(),
        deadline: ContinuousClock.Instant? = nil, wireProtocol: WireProtocol = .grpc, principal: Principal? = nil
    ) {
        self.method = method
        self.metadata = metadata
        self.requestID = requestID
        self.deadline = deadline
        self.wireProtocol = wireProtocol
        self.principal = principal
        self.annotations = CallAnnotations()
    }
}

/// A handler working on raw JSON: what the router stores for each method.
package typealias RawHandler = @Sendable (_ context: CallContext, _ request: Data) async throws -> Data

/// Code run around every call: authentication, logging, metrics, audit. Interceptors run in
/// the order they were given to the router, the first outermost.
package protocol ServerInterceptor: Sendable {
    /// Runs the call, or refuses it by throwing `RPCError`.
    func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data
}
