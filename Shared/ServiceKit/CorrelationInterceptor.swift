import Foundation
import RPC
import Synchronization

/// Gives every call a request id of the server's own (issue 17, item 4): the `x-request-id` a
/// caller sends is kept as its correlation id (logged and audited beside it, and echoed in the
/// response), never as the id of the server's log line or audit entry, which a caller could
/// otherwise choose or repeat. Outermost, so the log line and the audit entry see both.
package struct CorrelationInterceptor: ServerInterceptor {
    package init() {}

    package func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        var context = context
        // The router takes the caller's id when it is sane, and makes one otherwise.
        if let given = context.metadata["x-request-id"], given == context.requestID {
            context.annotations.set(AuditTrail.correlationKey, given)
            context.requestID = ServerRequestIDs.next()
        }
        return try await next(context, request)
    }
}

/// Request ids made by this process: a random prefix and a counter.
enum ServerRequestIDs {
    private static let prefix = "s" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private static let counter = Atomic<UInt64>(0)

    static func next() -> String { "\(prefix)-\(counter.add(1, ordering: .relaxed).newValue)" }
}
