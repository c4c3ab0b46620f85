import Foundation
import H2

/// A router served on an `HTTPServer`, with the transport's gauges in `/metrics`.
package final class RPCServer: Sendable {
    /// The HTTP server.
    package let http: HTTPServer
    /// The router it serves.
    package let router: RPCRouter

    /// Binds and starts serving.
    package init(configuration: ServerConfiguration, router: RPCRouter) throws {
        let stats = TransportStats()
        router.metrics.addSource {
            """
            # HELP cspr_open_connections Connections open now.
            # TYPE cspr_open_connections gauge
            cspr_open_connections \(stats.openConnections.load(ordering: .relaxed))
            # HELP cspr_open_streams Requests being handled now.
            # TYPE cspr_open_streams gauge
            cspr_open_streams \(stats.openStreams.load(ordering: .relaxed))
            # HELP cspr_connections_accepted_total Connections accepted since start.
            # TYPE cspr_connections_accepted_total counter
            cspr_connections_accepted_total \(stats.acceptedConnections.load(ordering: .relaxed))
            # HELP cspr_connections_refused_total Connections closed at once because the limit was reached.
            # TYPE cspr_connections_refused_total counter
            cspr_connections_refused_total \(stats.refusedConnections.load(ordering: .relaxed))
            # HELP cspr_requests_rejected_total Requests refused by a transport limit.
            # TYPE cspr_requests_rejected_total counter
            cspr_requests_rejected_total \(stats.rejectedRequests.load(ordering: .relaxed))
            # HELP cspr_connections_refused_per_address_total Connections closed at once because their address had its limit open.
            # TYPE cspr_connections_refused_per_address_total counter
            cspr_connections_refused_per_address_total \(stats.refusedPerAddress.load(ordering: .relaxed))
            # HELP cspr_connections_shed_total Idle connections without a trusted request closed to make room for a new one.
            # TYPE cspr_connections_shed_total counter
            cspr_connections_shed_total \(stats.shedConnections.load(ordering: .relaxed))
            # HELP cspr_request_body_bytes Request body bytes held now, across every connection.
            # TYPE cspr_request_body_bytes gauge
            cspr_request_body_bytes \(stats.bufferedBodyBytes.load(ordering: .relaxed))
            # HELP cspr_request_bodies_refused_total Requests whose body was refused from their headers (no known token).
            # TYPE cspr_request_bodies_refused_total counter
            cspr_request_bodies_refused_total \(stats.refusedBodies.load(ordering: .relaxed))

            """
        }
        self.router = router
        router.messageLimit.store(configuration.maxMessageBytes, ordering: .relaxed)
        var transport = configuration
        transport.maxMessageBytes = configuration.maxMessageBytes + 5  // the gRPC length prefix
        self.http = try HTTPServer(configuration: transport, handler: router, stats: stats)
    }

    /// The bound port.
    package var port: Int { http.port }

    /// Graceful stop (GOAWAY, drain, then close).
    package func shutdown(grace: Duration = .seconds(10)) async {
        await http.shutdown(grace: grace)
    }
}
