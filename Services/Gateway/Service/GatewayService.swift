import Foundation
import H2
import RPC
import ServiceKit

/// The gateway as a ServiceKit service: the executable and the tests build it the same way.
package enum GatewayService {
    /// The gateway configured by `environment` (see `GatewaySettings`); a bad value names its
    /// variable. Its tables are the merged view of every case (`ViewSchema`) and ServiceKit's
    /// audit trail of who read what.
    package static func definition(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ServiceDefinition {
        // The stages asked are the peers, so the settings are read here rather than at start.
        let settings = try GatewaySettings.load(environment: environment)
        return ServiceDefinition(
            identity: .gateway, peers: settings.stages, migrations: ViewSchema.migrations, settings: { _ in settings },
            state: { context, settings in GatewayState(gateway: makeGateway(settings: settings, context: context), context: context) },
            routes: { state in GatewayRoutes.make(state.gateway) },
            pages: { state in
                Dashboard(gateway: state.gateway, tokens: state.context.tokens, database: state.context.database, logger: state.context.logger)
            })
    }

    /// The gateway of a started service: clients for its stages with a short reconnect backoff,
    /// so a stage that comes back is asked again within about a second.
    package static func makeGateway(settings: GatewaySettings, context: ServiceContext) -> Gateway {
        var clientConfiguration = ClientConfiguration()
        clientConfiguration.connectTimeout = settings.stageTimeout
        clientConfiguration.initialBackoff = .milliseconds(100)
        clientConfiguration.maxBackoff = .seconds(1)
        let peers = settings.stages.compactMap { stage -> StageFeeds.Peer? in
            guard let address = context.configuration.peers[stage.name] else { return nil }
            return StageFeeds.Peer(stage: stage, client: RPCClient(host: address.host, port: address.port, configuration: clientConfiguration))
        }
        if context.serviceToken == nil {
            context.logger.warning("no token of principal gateway with role service in the tokens file: the stages will refuse GetStatuses")
        }
        context.logger.info(
            "asking stages",
            [
                "stages": .string(peers.map { "\($0.stage.name)=\($0.client.transport.host):\($0.client.transport.port)" }.joined(separator: ",")),
                "cacheMs": .int(Int(settings.cacheFor.components.seconds * 1000 + settings.cacheFor.components.attoseconds / 1_000_000_000_000_000)),
            ])
        let feeds = StageFeeds(peers: peers, timeout: settings.stageTimeout, metadata: context.peerMetadata(), logger: context.logger)
        let gateway = Gateway(
            settings: settings, feeds: feeds, view: context.database, outages: OutageTracker(logger: context.logger), today: context.today,
            calendar: context.calendar)
        gateway.startRefreshing()
        return gateway
    }
}

/// What the gateway's calls and its dashboard share: one gateway (its view and outage record)
/// and the running context.
struct GatewayState: Sendable {
    let gateway: Gateway
    let context: ServiceContext
}
