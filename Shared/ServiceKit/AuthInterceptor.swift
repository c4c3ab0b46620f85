import Contract
import Foundation
import RPC

/// Authenticates every call to a method that declares roles, and checks the caller has one of
/// them: `UNAUTHENTICATED` without a known bearer token, `PERMISSION_DENIED` without the role.
/// A service calls as itself (issue 17, item 8): a principal with the role `service` may call
/// only the methods that name it among their callers (`MethodInfo.callers`).
package struct AuthInterceptor: ServerInterceptor {
    private let tokens: TokensFile

    package init(tokens: TokensFile) {
        self.tokens = tokens
    }

    /// The same check on the headers alone, before the body is read: a call that would be
    /// refused `UNAUTHENTICATED` is refused before the server keeps any of its body.
    package func check(_ method: MethodInfo, metadata: Metadata) -> CallerCheck {
        guard !method.roles.isEmpty else { return .anonymous }
        guard let header = metadata["authorization"], header.hasPrefix("Bearer "),
            tokens.principal(for: String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)) != nil
        else { return .refused }
        return .known
    }

    package func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        let required = context.method.roles
        guard !required.isEmpty else { return try await next(context, request) }
        guard let header = context.metadata["authorization"], header.hasPrefix("Bearer ") else {
            throw RPCError(.unauthenticated, "\(context.method.name) needs an authorization header \"Bearer <token>\"")
        }
        guard let principal = tokens.principal(for: String(header.dropFirst("Bearer ".count)).trimmingCharacters(in: .whitespaces)) else {
            throw RPCError(.unauthenticated, "the bearer token is not known to this service")
        }
        // For the audit entry written around this call, refused or not.
        context.annotations.set(AuditTrail.principalKey, principal.name)
        try Self.check(principal, may: context.method)
        var context = context
        context.principal = principal
        return try await next(context, request)
    }

    /// `PERMISSION_DENIED` unless `principal` may call `method`. A principal with the role
    /// `service` is one of the stack's services: it may call only a method that names it among
    /// its callers, whatever other roles it holds, and the refusal names the method, never the
    /// services that may call it. Any other principal needs one of the method's roles, as before.
    package static func check(_ principal: Principal, may method: MethodInfo) throws(RPCError) {
        if principal.roles.contains(Role.service.rawValue) {
            guard method.roles.contains(Role.service.rawValue), method.callers.contains(principal.name) else {
                throw RPCError(.permissionDenied, "\(principal.name) may not call \(method.name): it is not one of the services that call it")
            }
            return
        }
        guard !principal.roles.isDisjoint(with: method.roles) else {
            throw RPCError(
                .permissionDenied,
                "\(principal.name) (roles: \(principal.roles.sorted().joined(separator: ", "))) may not call \(method.name); it needs one of: \(method.roles.sorted().joined(separator: ", "))"
            )
        }
    }
}
