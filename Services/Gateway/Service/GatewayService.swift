import Foundation
import H2
import RPC
import ServiceKit
import Synchronization

/// The gateway as a ServiceKit service: the executable and the tests build it the same way.
package enum GatewayService {
    /// The gateway configured by `environment` (see `GatewaySettings`); a bad value names its
    /// variable. Its only table is ServiceKit's audit trail of who read what.
    package static func definition(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws(ConfigurationError) -> ServiceDefinition {
        let settings = try GatewaySettings.load(environment: environment)
        let instances = GatewayInstances(settings: settings)
        return ServiceDefinition(
            identity: .gateway, peers: settings.stages, migrations: [],
            routes: { context in GatewayRoutes.make(instances.gateway(for: context)) },
            pages: { context in
                Dashboard(gateway: instances.gateway(for: context), tokens: context.tokens, database: context.database, logger: context.logger)
            })
    }

    /// The gateway of a started service: clients for its stages with a short reconnect backoff,
    /// so a stage that comes back is asked again within about a second.
    package static func makeGateway(settings: GatewaySettings, context: ServiceContext) -> Gateway {
        var clientConfiguration = ClientConfiguration()
        clientConfiguration.connectTimeout = settings.stageTimeout
        clientConfiguration.initialBackoff = .milliseconds(100)
        clientConfiguration.maxBackoff = .seconds(1)
        let peers = settings.stages.compactMap { stage -> StageFanOut.Peer? in
            guard let address = context.configuration.peers[stage.name] else { return nil }
            return StageFanOut.Peer(stage: stage, client: RPCClient(host: address.host, port: address.port, configuration: clientConfiguration))
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
        let fanOut = StageFanOut(peers: peers, timeout: settings.stageTimeout, metadata: context.peerMetadata())
        return Gateway(
            settings: settings, fanOut: fanOut, outages: OutageTracker(logger: context.logger), today: context.today, calendar: context.calendar)
    }
}

/// One gateway per started service, shared by its calls and its pages (the definition's two
/// closures are each given the same context).
final class GatewayInstances: Sendable {
    private let settings: GatewaySettings
    // The context is held, not only its identity, so a later context can never be taken for it.
    private let current = Mutex<(context: ServiceContext, gateway: Gateway)?>(nil)

    init(settings: GatewaySettings) {
        self.settings = settings
    }

    func gateway(for context: ServiceContext) -> Gateway {
        current.withLock { current in
            if let current, current.context === context { return current.gateway }
            let gateway = GatewayService.makeGateway(settings: settings, context: context)
            current = (context, gateway)
            return gateway
        }
    }
}
