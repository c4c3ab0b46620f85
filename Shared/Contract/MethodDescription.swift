import RPC

/// A call of the contract whatever its message types: path, roles, and the names of its request
/// and response types. Each service's API lists its calls this way (`IntakeAPI.methods`), so
/// `cspr` and the documentation learn a new service's calls from its identity.
package struct MethodDescription: Sendable, Equatable {
    /// Path and roles.
    package let info: MethodInfo
    /// The request type's name, e.g. `IntakeAPI.SubmitReferralRequest`.
    package let requestType: String
    /// The response type's name.
    package let responseType: String

    /// The description of `method`.
    package init<Request, Response>(_ method: Method<Request, Response>) {
        info = method.info
        requestType = Self.typeName(Request.self)
        responseType = Self.typeName(Response.self)
    }

    private static func typeName(_ type: Any.Type) -> String {
        String(reflecting: type).split(separator: ".").dropFirst().joined(separator: ".")
    }
}
