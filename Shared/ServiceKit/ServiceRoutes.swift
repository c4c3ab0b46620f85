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

extension RouteTable {
    /// Registers a stage's `GetStatuses`, answered from its kept statuses (`StatusFeed`): the
    /// cases named, or a page of the change feed sent as stored and judged in place. A request
    /// naming one case names it for the audit trail, as `handle` does.
    package mutating func handleStatuses(of stage: ServiceIdentity, _ context: ServiceContext) {
        registerRaw(stage.getStatuses.info) { call, body in
            let request = try JSONCodec.decodeRequest(GetStatusesRequest.self, from: body)
            if request.references.count == 1, let only = request.references.first {
                call.annotations.set(AuditTrail.caseReferenceKey, only.description)
            }
            let clock = context.clock
            if request.references.isEmpty {
                return try await context.database.read { try StatusFeed.page($0, request, clock: clock) }
            }
            let answer = try await context.statuses(request)
            do {
                return try JSONCodec.encode(answer)
            } catch {
                throw RPCError(.internal, "the response could not be encoded")
            }
        }
    }
}
