/// What the router and interceptors know of a method, whatever its message types.
package struct MethodInfo: Sendable, Hashable {
    /// The gRPC path, `/cspr.intake.v1.Intake/SubmitReferral`.
    package let path: String
    /// Roles allowed to call it (DESIGN.md, Security). Empty means no token is needed.
    package let roles: Set<String>
    /// The principals, by name, that may call it under the role `service` (the stack's own
    /// services, each calling as itself): a service principal not named here is refused.
    /// Empty for a method no service calls.
    package let callers: Set<String>

    package init(path: String, roles: Set<String>, callers: Set<String> = []) {
        self.path = path
        self.roles = roles
        self.callers = callers
    }

    /// The method's short name, `SubmitReferral`.
    package var name: String { path.split(separator: "/").last.map(String.init) ?? path }
}

/// A typed method: its path, the roles that may call it, and its message types.
package struct Method<Request: Codable & Sendable, Response: Codable & Sendable>: Sendable {
    /// Path and roles.
    package let info: MethodInfo

    /// A method of `service` (fully qualified, e.g. `cspr.intake.v1.Intake`) named `name`;
    /// `callers` name the service principals that may call it (`MethodInfo.callers`).
    package init(service: String, name: String, roles: Set<String>, callers: Set<String> = []) {
        info = MethodInfo(path: "/\(service)/\(name)", roles: roles, callers: callers)
    }

    /// The gRPC path.
    package var path: String { info.path }
}
