import Contract
import RPC
import ServiceKit

/// The gateway's calls (`cspr.gateway.v1.Gateway`) on the router.
package enum GatewayRoutes {
    /// `ListCases`, `GetCase` and `GetSummary`, answered by `gateway`.
    package static func make(_ gateway: Gateway) -> RouteTable {
        var routes = RouteTable()
        routes.handle(GatewayAPI.listCases) { request, _ in try await gateway.listCases(request) }
        routes.handle(GatewayAPI.getCase) { request, _ in try await gateway.getCase(request.caseReference) }
        routes.handle(GatewayAPI.getSummary) { _, _ in try await gateway.summary() }
        return routes
    }
}
