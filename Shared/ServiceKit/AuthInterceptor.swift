import Foundation
import RPC

/// Authenticates every call to a method that declares roles, and checks the caller has one of
/// them: `UNAUTHENTICATED` without a known bearer token, `PERMISSION_DENIED` without the role.
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
        guard !principal.roles.isDisjoint(with: required) else {
            throw RPCError(
                .permissionDenied,
                "\(principal.name) (roles: \(principal.roles.sorted().joined(separator: ", "))) may not call \(context.method.name); it needs one of: \(required.sorted().joined(separator: ", "))"
            )
        }
        var context = context
        context.principal = principal
        return try await next(context, request)
    }
}
