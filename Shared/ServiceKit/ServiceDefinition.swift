import Contract
import Foundation
import H2
import RPC
import Storage

/// What a service declares; everything else (config, logs, auth, audit, relay, health, metrics,
/// shutdown) the runner does the same way for all.
///
/// A service reads its own settings from the environment in one typed step (a bad value stops
/// it at start with exit status 2, naming the variable, like ServiceKit's own), builds one
/// state object from them and the running context, and gives that same state to its calls
/// and its pages. Handlers read the state, never `ProcessInfo`, so tests set a service's
/// settings in process through the environment they start it with.
package struct ServiceDefinition: Sendable {
    /// Who it is: name (logs, data directory), default port, RPC service, stage.
    package var identity: ServiceIdentity
    /// The peers it calls (each found at its `CSPR_<PEER>_URL`), for hand-overs and queries.
    package var peers: [ServiceIdentity]
    /// Its schema, in order; the outbox, inbox and audit tables are added by the runner.
    package var migrations: [Migration]
    /// How it works out a stored case's status, for cases written before statuses were kept
    /// (`StatusFeed`); nil for a service that keeps no case statuses.
    package var statuses: StatusBackfill?
    /// Whether it serves web pages (the gateway's dashboard).
    package let hasPages: Bool
    /// Reads the settings from an environment and returns what builds the calls and pages
    /// from the running context with them.
    private let prepare: @Sendable ([String: String]) throws(ConfigurationError) -> Assembly

    /// A service with settings of its own and one state shared by its calls and pages.
    /// - Parameters:
    ///   - settings: reads the service's own variables; throws naming the bad one.
    ///   - state: what the calls and pages share, made once at start.
    ///   - statuses: how to work out a case's status from what is stored (a stage service).
    ///   - routes: its methods.
    ///   - pages: its web pages, if any: GET and HEAD requests for paths other than health,
    ///     readiness and metrics, and HTML forms' POSTs. They authenticate themselves, with
    ///     `ServiceContext.tokens` (WebForms' sessions).
    package init<Settings: Sendable, State: Sendable>(
        identity: ServiceIdentity, peers: [ServiceIdentity] = [], migrations: [Migration],
        settings: @escaping @Sendable (_ environment: [String: String]) throws(ConfigurationError) -> Settings,
        state: @escaping @Sendable (ServiceContext, Settings) -> State, statuses: StatusBackfill? = nil,
        routes: @escaping @Sendable (State) -> RouteTable,
        pages: (@Sendable (State) -> any HTTPHandler)? = nil
    ) {
        self.identity = identity
        self.peers = peers
        self.migrations = migrations
        self.statuses = statuses
        self.hasPages = pages != nil
        self.prepare = { environment throws(ConfigurationError) in
            let read = try settings(environment)
            return Assembly { context in
                let shared = state(context, read)
                return (routes(shared), pages.map { $0(shared) })
            }
        }
    }

    /// A service with no settings of its own, whose calls need only the context.
    package init(
        identity: ServiceIdentity, peers: [ServiceIdentity] = [], migrations: [Migration], statuses: StatusBackfill? = nil,
        routes: @escaping @Sendable (ServiceContext) -> RouteTable, pages: (@Sendable (ServiceContext) -> any HTTPHandler)? = nil
    ) {
        self.init(
            identity: identity, peers: peers, migrations: migrations, settings: { _ in () }, state: { context, _ in context }, statuses: statuses,
            routes: routes, pages: pages)
    }

    /// The service's name, `intake`.
    package var name: String { identity.name }

    /// Checks the service's own settings in `environment`; throws naming the bad variable.
    package func checkSettings(_ environment: [String: String]) throws(ConfigurationError) {
        _ = try prepare(environment)
    }

    /// Reads the settings from `environment`, before anything is opened, and returns what
    /// builds the calls and pages once the service's context exists.
    func settings(from environment: [String: String]) throws(ConfigurationError) -> Assembly {
        try prepare(environment)
    }
}

/// A service's calls and pages, built over its one state from the running context.
struct Assembly: Sendable {
    let build: @Sendable (ServiceContext) -> (routes: RouteTable, pages: (any HTTPHandler)?)
}
