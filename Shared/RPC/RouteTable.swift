import Foundation

/// The methods a server answers, registered before it starts.
package struct RouteTable: Sendable {
    struct Route: Sendable {
        let info: MethodInfo
        let handler: RawHandler
    }

    private(set) var routes: [String: Route] = [:]

    package init() {}

    /// Registers a typed handler: the request is decoded (INVALID_ARGUMENT naming the field on
    /// failure), the response encoded.
    package mutating func register<Request, Response>(
        _ method: Method<Request, Response>,
        _ handler: @escaping @Sendable (Request, CallContext) async throws -> Response
    ) {
        register(method) { request, context, _ in try await handler(request, context) }
    }

    /// Registers a typed handler that also sees the request's bytes as received (a receiver
    /// that knows a retry by them); decoded and encoded as `register(_:_:)` does.
    package mutating func register<Request, Response>(
        _ method: Method<Request, Response>,
        _ handler: @escaping @Sendable (Request, CallContext, Data) async throws -> Response
    ) {
        routes[method.path] = Route(info: method.info) { context, body in
            let request = try JSONCodec.decodeRequest(Request.self, from: body)
            let response = try await handler(request, context, body)
            do {
                return try JSONCodec.encode(response)
            } catch {
                throw RPCError(.internal, "the response could not be encoded")
            }
        }
    }

    /// Registers a handler on raw JSON bytes (hand-overs relayed as stored payloads).
    package mutating func registerRaw(_ info: MethodInfo, _ handler: @escaping RawHandler) {
        routes[info.path] = Route(info: info, handler: handler)
    }

    /// The paths registered.
    package var paths: [String] { routes.keys.sorted() }

    /// The service names (`cspr.intake.v1.Intake`) registered, for health checks.
    var serviceNames: Set<String> {
        Set(routes.keys.compactMap { path in path.split(separator: "/").first.map(String.init) })
    }
}
