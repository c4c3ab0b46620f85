import Contract
import RPC
import ServiceKit

/// The gateway's calls (`cspr.gateway.v1.Gateway`) on the router.
package enum GatewayRoutes {
    /// `ListCases`, `GetCase` and `GetSummary`, answered by `gateway`.
    package static func make(_ gateway: Gateway) -> RouteTable {
        var routes = RouteTable()
        routes.register(GatewayAPI.listCases) { request, _ in try await gateway.listCases(request) }
        routes.register(GatewayAPI.getCase) { request, call in
            call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
            return try await gateway.getCase(request.caseReference)
        }
        routes.register(GatewayAPI.getSummary) { _, _ in await gateway.summary() }
        return routes
    }
}
