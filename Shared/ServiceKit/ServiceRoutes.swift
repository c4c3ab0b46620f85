import Contract
import Foundation
import RPC

extension RouteTable {
    /// Registers one of a service's calls. The case a `CaseScoped` request names is recorded for
    /// the audit trail and the log line before the handler runs (so a refused call is audited
    /// against its case too); a call that opens a case names it from its `CaseScoped` response.
    /// A `GetStatuses` of one case names that case.
    package mutating func handle<Request, Response>(
        _ method: Method<Request, Response>, _ handler: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) {
        register(method) { request, call, body in
            // A keyed call may be a hand-over: its bytes are what a retry is known by.
            if call.metadata[Idempotency.header] != nil {
                call.annotations.set(Idempotency.payloadFingerprintKey, Idempotency.fingerprint(bytes: body))
            }
            if let scoped = request as? any CaseScoped {
                call.annotations.set(AuditTrail.caseReferenceKey, scoped.caseReference.description)
            } else if let query = request as? GetStatusesRequest, query.references.count == 1, let only = query.references.first {
                call.annotations.set(AuditTrail.caseReferenceKey, only.description)
            }
            let response = try await handler(request, call)
            if let scoped = response as? any CaseScoped {
                call.annotations.set(AuditTrail.caseReferenceKey, scoped.caseReference.description)
            }
            return response
        }
    }
}
