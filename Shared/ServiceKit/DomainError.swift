import Foundation
import RPC

/// Why a service refuses a call, in its domain's words (`IntakeError`, `RapidReviewError`).
/// Handlers throw it as it is; ServiceKit turns it into its RPC status in one place
/// (`DomainErrorInterceptor`), so every service answers a refusal the same way.
///
/// Messages name the field path (INVALID_ARGUMENT) or the rule id and what is missing
/// (FAILED_PRECONDITION), never a child's or family member's details.
package protocol DomainError: Error, Sendable {
    /// The status and message the caller gets.
    var rpcError: RPCError { get }
}

/// The innermost interceptor: a `DomainError` thrown by a handler becomes its `RPCError`
/// before logging, audit and metrics see the call's outcome. One that maps to INTERNAL is a
/// defect, not the caller's fault: it is logged with its type and the name of its case, never
/// its associated values, which may one day hold a family's details (the message stays generic
/// on the wire).
package struct DomainErrorInterceptor: ServerInterceptor {
    private let logger: Logger

    package init(logger: Logger) {
        self.logger = logger
    }

    package func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        do {
            return try await next(context, request)
        } catch let error as any DomainError {
            let mapped = error.rpcError
            if mapped.code == .internal {
                var fields: [String: LogValue] = [
                    "method": .string(context.method.path), "requestId": .string(context.requestID),
                    "errorType": .string(String(describing: type(of: error))),
                    "errorCase": .string(Mirror(reflecting: error).children.first?.label ?? String(describing: error)),
                ]
                if let reference = context.annotations.get(AuditTrail.caseReferenceKey) { fields["caseReference"] = .string(reference) }
                logger.error("a refusal that is a defect", fields)
            }
            throw mapped
        }
    }
}
