import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import Synchronization

/// A form's post run as its RPC call: the same method (its roles), the same handler (the same
/// domain code and refusals), the same audit entry in the same write transaction (ServiceKit's
/// `AuditInterceptor`), and the form's hidden idempotency key as the call's
/// `idempotency-key`, so a double submit is applied once.
package enum PageCall {
    /// The hidden field that carries a form's idempotency key.
    package static let keyField = "idempotencyKey"

    /// Runs `handler` as a call of `method` by the session's principal. A refusal comes back
    /// as the call's `RPCError` (INVALID_ARGUMENT naming the field path, FAILED_PRECONDITION the
    /// rule id), nothing changed.
    package static func run<Request, Response>(
        _ method: Method<Request, Response>, _ request: Request, session: WebSession, idempotencyKey: String?, database: Database,
        logger: Logger, writeRate: TokenBuckets? = nil, handler: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) async -> Result<Response, RPCError> {
        var metadata = Metadata()
        if let idempotencyKey, !idempotencyKey.isEmpty { metadata.add(Idempotency.header, idempotencyKey) }
        let context = CallContext(method: method.info, metadata: metadata, wireProtocol: .connect, principal: session.principal)
        context.annotations.set(AuditTrail.principalKey, session.principal.name)
        if let scoped = request as? any CaseScoped {
            context.annotations.set(AuditTrail.caseReferenceKey, scoped.caseReference.description)
        }
        let answer = Answer<Response>()
        let (audit, domain) = (AuditInterceptor(database: database, logger: logger), DomainErrorInterceptor(logger: logger))
        do {
            _ = try await audit.intercept(context, request: Data()) { context, body in
                // The same rule as the RPC call: a service's token may not post a person's form.
                try AuthInterceptor.check(session.principal, may: method.info)
                let call: RawHandler = { context, body in
                    try await domain.intercept(context, request: body) { context, _ in
                        let response = try await handler(request, context)
                        if let scoped = response as? any CaseScoped {
                            context.annotations.set(AuditTrail.caseReferenceKey, scoped.caseReference.description)
                        }
                        answer.value.withLock { $0 = response }
                        return Data()
                    }
                }
                // The write rate of the RPC call applies to the form's post too (issue 17, item 9).
                guard let writeRate else { return try await call(context, body) }
                return try await WriteRateInterceptor(buckets: writeRate).intercept(context, request: body, next: call)
            }
        } catch let error as RPCError {
            return .failure(error)
        } catch {
            logger.error("unexpected error in a form's call", ["method": .string(method.path), "errorType": .string("\(type(of: error))")])
            return .failure(RPCError(.internal, "internal error; the request id is \(context.requestID)"))
        }
        guard let response = answer.value.withLock({ $0 }) else { return .failure(RPCError(.internal, "internal error")) }
        return .success(response)
    }
}

/// The handler's response, carried out of the interceptors' closures.
private final class Answer<Value: Sendable>: Sendable {
    let value = Mutex<Value?>(nil)
}
