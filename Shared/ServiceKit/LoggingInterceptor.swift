import Foundation
import RPC

/// One log line per call: method, status, duration, request id, principal, case reference.
/// Bodies are never logged; neither is an error's message for INTERNAL (it is generic anyway).
package struct LoggingInterceptor: ServerInterceptor {
    private let logger: Logger

    package init(logger: Logger) {
        self.logger = logger
    }

    package func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        let started = ContinuousClock.now
        var fields: [String: LogValue] = ["method": .string(context.method.path), "requestId": .string(context.requestID)]
        if let correlation = context.annotations.get(AuditTrail.correlationKey) { fields["correlationId"] = .string(correlation) }
        func finish(_ code: RPCCode, context: CallContext) {
            let elapsed = ContinuousClock.now - started
            fields["durationMs"] = .double(Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15)
            fields["status"] = .string(code.name)
            if let principal = context.annotations.get(AuditTrail.principalKey) { fields["principal"] = .string(principal) }
            if let reference = context.annotations.get(AuditTrail.caseReferenceKey) { fields["caseReference"] = .string(reference) }
            logger.log(code == .ok ? .info : (code == .internal || code == .unknown ? .error : .warning), "call", fields)
        }
        do {
            let reply = try await next(context, request)
            finish(.ok, context: context)
            return reply
        } catch {
            finish((error as? RPCError)?.code ?? .internal, context: context)
            throw error
        }
    }
}
