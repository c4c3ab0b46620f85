import Contract
import Foundation
import H2
import RPC
import Storage
import Synchronization
import WorkingDays

#if canImport(Glibc)
    import Glibc
#endif

/// What handlers get: the database, the clock, the calendar, the peers, the logger, the relay.
package final class ServiceContext: Sendable {
    /// The configuration read at start.
    package let configuration: ServiceConfiguration
    /// The service's own database.
    package let database: Database
    /// Structured logs.
    package let logger: Logger
    /// "Today", from the one clock (`CSPR_TODAY` or Europe/London).
    package let today: Today
    /// England and Wales working days, with any extra bank holidays.
    package let calendar: WorkingCalendar
    /// An RPC client per peer.
    package let peers: [String: RPCClient]
    /// This service's token for calls to its peers.
    package let serviceToken: String?
    /// Delivers the outbox; `poke()` it after enqueueing.
    package let relay: OutboxRelay
    /// The bearer tokens, for requests that do not pass the RPC interceptors (web pages).
    package let tokens: TokensFile
    /// Threads for CPU-heavy work (rendering, scanning), so that it runs off the event loops.
    package let compute = ComputeExecutor()
    /// Each principal's writes a second (`CSPR_WRITE_RATE`), shared by the RPC calls and the
    /// forms that post through them.
    package let writeRate: TokenBuckets

    init(
        configuration: ServiceConfiguration, database: Database, logger: Logger, today: Today, calendar: WorkingCalendar,
        peers: [String: RPCClient], serviceToken: String?, relay: OutboxRelay, tokens: TokensFile
    ) {
        self.configuration = configuration
        self.database = database
        self.logger = logger
        self.today = today
        self.calendar = calendar
        self.peers = peers
        self.serviceToken = serviceToken
        self.relay = relay
        self.tokens = tokens
        self.writeRate = TokenBuckets(rate: configuration.writeRate)
    }

    /// Today and the calendar, read once per call.
    package var clock: CaseClock { CaseClock(today: today.date, calendar: calendar) }

    /// Every kept status, in reference order, judged on today.
    package func everyStatus() async throws -> [CaseStatus] {
        let clock = clock
        return try await database.read { try StatusFeed.every($0, clock: clock) }
    }

    /// `GetStatuses` from the kept statuses (`StatusFeed`), judged on today.
    package func statuses(_ request: GetStatusesRequest) async throws -> GetStatusesResponse {
        let clock = clock
        return try await database.read { try StatusFeed.answer($0, request, clock: clock) }
    }

    /// Metadata for a call to a peer: this service's token and the request id passed on.
    package func peerMetadata(requestID: String? = nil) -> Metadata {
        var metadata = Metadata()
        if let serviceToken { metadata.add("authorization", "Bearer \(serviceToken)") }
        if let requestID { metadata.add("x-request-id", requestID) }
        return metadata
    }
}

/// A started service: its server and context.
package final class RunningService: Sendable {
    /// The RPC server.
    package let server: RPCServer
    /// The handlers' context.
    package let context: ServiceContext
    private let ready: ReadyFlag
    private let refusals: RefusalTally

    init(server: RPCServer, context: ServiceContext, ready: ReadyFlag, refusals: RefusalTally) {
        self.server = server
        self.context = context
        self.ready = ready
        self.refusals = refusals
    }

    /// The bound port.
    package var port: Int { server.port }

    /// Graceful stop: not ready, GOAWAY and drain within `grace`, relay stopped, database closed.
    package func stop(grace: Duration) async {
        ready.set(false)
        await server.shutdown(grace: grace)
        await context.relay.stop()
        // The refusals counted and not yet written (the current minute's) go into the trail.
        try? await refusals.flush(context.database, all: true)
        await context.database.close()
        context.logger.info("stopped")
    }
}

/// Starts services the same way, from `main.swift` or from tests.
package enum ServiceRunner {
    /// The whole life of a service process: configuration (a bad value exits 2 naming the
    /// variable), start, serve until SIGTERM or SIGINT, drain, exit 0. `--describe` prints
    /// the service's identity and exits, before anything else is read.
    package static func main(_ definition: ServiceDefinition) -> Never {
        if CommandLine.arguments.dropFirst().contains("--describe") {
            FileHandle.standardOutput.write(Data(ServiceDescription(definition).text.utf8))
            exit(0)
        }
        let configuration: ServiceConfiguration
        do {
            configuration = try ServiceConfiguration.load(definition.identity, peers: definition.peers)
            try definition.checkSettings(configuration.environment)
        } catch {
            FileHandle.standardError.write(Data("\(definition.name): configuration error: \(error)\n".utf8))
            exit(2)
        }
        if CommandLine.arguments.dropFirst().contains("--health-check") {
            // For container health checks on an image without curl: GET /readyz on our own port.
            HealthProbe.run(configuration.listen)
        }
        signal(SIGTERM, SIG_IGN)
        signal(SIGINT, SIG_IGN)
        signal(SIGPIPE, SIG_IGN)
        MallocArenas.limit()
        let service = StartedService()
        // The sources live as long as this function, which never returns.
        let sources = [SIGTERM, SIGINT].map { signalNumber in
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .main)
            source.setEventHandler { service.stop(grace: configuration.grace) }
            source.resume()
            return source
        }
        Task {
            do {
                service.started(try await start(definition, configuration: configuration), grace: configuration.grace)
            } catch let error as ConfigurationError {
                // The tokens file and the database's schema are read at start: their errors are
                // configuration errors too, exit status 2 as the README says (issue 17, item 10).
                FileHandle.standardError.write(Data("\(definition.name): configuration error: \(error)\n".utf8))
                exit(2)
            } catch {
                FileHandle.standardError.write(Data("\(definition.name): cannot start: \(error)\n".utf8))
                exit(1)
            }
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }

    /// Opens the database, migrates, binds, starts the relay; ready when it returns.
    package static func start(_ definition: ServiceDefinition, configuration: ServiceConfiguration) async throws -> RunningService {
        // The service's own settings first: a bad one leaves nothing behind (no database made).
        let assembly = try definition.settings(from: configuration.environment)
        // The database, its WAL and the backups hold case data: the service's user only.
        umask(0o077)
        let logger = Logger(service: definition.name)
        let today: Today
        let calendar: WorkingCalendar
        var environment = ProcessInfo.processInfo.environment
        if let fixed = configuration.today { environment[Today.variable] = fixed } else { environment[Today.variable] = nil }
        if let extra = configuration.extraBankHolidays {
            environment["CSPR_EXTRA_BANK_HOLIDAYS"] = extra.path
        } else {
            environment["CSPR_EXTRA_BANK_HOLIDAYS"] = nil
        }
        do {
            today = try Today.fromEnvironment(environment)
            calendar = try WorkingCalendar.fromEnvironment(environment)
        } catch {
            throw ConfigurationError(variable: "CSPR_TODAY / CSPR_EXTRA_BANK_HOLIDAYS", problem: String(describing: error))
        }
        let tokens = try TokensFile.load(configuration.tokensFile)
        try FileManager.default.createDirectory(at: configuration.dataDirectory, withIntermediateDirectories: true)
        let databasePath = configuration.dataDirectory.appendingPathComponent("\(definition.name).sqlite").path
        let database = try await Database.open(atPath: databasePath)
        let schema = try await SchemaSteps.apply(
            database, steps: SchemaSteps.steps(service: definition.name, own: definition.migrations), path: databasePath)
        logger.info("database ready", ["path": .string(databasePath), "schemaSteps": .int(schema.total), "stepsApplied": .int(schema.applied)])

        let serviceToken = tokens.token(ofPrincipal: definition.name, role: "service")
        var peers: [String: RPCClient] = [:]
        // The relay backs off by its own policy; the clients' reconnect backoff stays short so that
        // it does not add to it once a peer is back.
        var clientConfiguration = ClientConfiguration()
        clientConfiguration.maxBackoff = .seconds(1)
        // Peers are on the same host or network: a connect that takes seconds is a partition.
        clientConfiguration.connectTimeout = .seconds(2)
        for (name, address) in configuration.peers {
            peers[name] = RPCClient(host: address.host, port: address.port, configuration: clientConfiguration)
        }
        // Patient: a short maximum wait (tests set 1 s) retries sooner, not for less time.
        let retryPolicy = RetryPolicy.patient(baseDelay: min(1, configuration.outboxRetryMaxSeconds), maxDelay: configuration.outboxRetryMaxSeconds)
        let relay = OutboxRelay(database: database, peers: peers, token: serviceToken, policy: retryPolicy, logger: logger)
        let context = ServiceContext(
            configuration: configuration, database: database, logger: logger, today: today, calendar: calendar, peers: peers,
            serviceToken: serviceToken, relay: relay, tokens: tokens)

        if let backfill = definition.statuses {
            let recorded = try await backfill.run(context)
            if recorded > 0 { logger.info("statuses recorded for earlier cases", ["cases": .int(recorded), "done": .bool(true)]) }
        }
        let (serviceRoutes, pages) = assembly.build(context)
        var routes = serviceRoutes
        let refusals = RefusalTally()
        AdminService.register(
            on: &routes, database: database, dataDirectory: configuration.dataDirectory, serviceName: definition.name, relay: relay,
            refusals: refusals)
        let ready = ReadyFlag()
        let metrics = RPCMetrics()
        metrics.addSource { await OutboxMetricsText.render(database: database) }
        metrics.addSource {
            "# HELP cspr_refused_without_token_total Calls refused for want of a known token (audited per source and minute).\n"
                + "# TYPE cspr_refused_without_token_total counter\ncspr_refused_without_token_total \(refusals.total)\n"
        }
        let authentication = AuthInterceptor(tokens: tokens)
        let router = RPCRouter(
            routes: routes,
            interceptors: [
                // Audit outside authentication: a refused attempt at case data is recorded too.
                CorrelationInterceptor(), LoggingInterceptor(logger: logger),
                AuditInterceptor(database: database, logger: logger, refusals: refusals), authentication,
                WriteRateInterceptor(buckets: context.writeRate),
                // Innermost: a domain's refusal becomes its RPC status before the others see it.
                DomainErrorInterceptor(logger: logger),
            ],
            metrics: metrics, readiness: { ready.isSet }, pages: pages,
            reportUnexpected: { callContext, error in
                var fields: [String: LogValue] = [
                    "method": .string(callContext.method.path), "requestId": .string(callContext.requestID),
                    "errorType": .string(String(describing: type(of: error))),
                ]
                // SQLite's code, message and statement say what failed; the bound arguments,
                // which may hold personal data, are left out.
                if let database = error as? DatabaseError {
                    fields["sqliteCode"] = .int(Int(database.extendedCode))
                    fields["sqliteMessage"] = .string(database.message)
                    fields["sql"] = .string(database.sql ?? "")
                }
                logger.error("unexpected error", fields)
            },
            // The token is checked on the headers too, so nobody without one makes us hold a body.
            callerGate: { method, metadata in authentication.check(method, metadata: metadata) })
        var serverConfiguration = ServerConfiguration()
        serverConfiguration.host = configuration.listen.host
        serverConfiguration.port = configuration.listen.port
        if let loops = configuration.loops { serverConfiguration.loopCount = loops }
        let server = try RPCServer(configuration: serverConfiguration, router: router)
        relay.start()
        ready.set(true)
        logger.info(
            "ready",
            [
                "listen": .string("\(configuration.listen.host):\(server.port)"), "partnership": .string(configuration.partnership),
                "ruleSet": .string(configuration.ruleSet), "today": .string(today.date.description), "principals": .int(tokens.principals.count),
            ])
        return RunningService(server: server, context: context, ready: ready, refusals: refusals)
    }
}

/// The running service of a process, and its stop on a signal (even one that arrives while
/// it is still starting: it stops as soon as it has started).
final class StartedService: Sendable {
    private struct State {
        var running: RunningService?
        var stopRequested = false
        var stopping = false
    }
    private let state = Mutex(State())

    func started(_ running: RunningService, grace: Duration) {
        let stopNow = state.withLock { state -> Bool in
            state.running = running
            return state.stopRequested
        }
        if stopNow { stop(grace: grace) }
    }

    func stop(grace: Duration) {
        let running = state.withLock { state -> RunningService? in
            state.stopRequested = true
            guard let running = state.running, !state.stopping else { return nil }
            state.stopping = true
            return running
        }
        guard let running else { return }
        running.context.logger.info("stopping: draining in-flight calls", ["graceMs": .int(Int(grace.components.seconds * 1000))])
        Task {
            await running.stop(grace: grace)
            exit(0)
        }
    }
}

/// The outbox's gauges for `/metrics`.
enum OutboxMetricsText {
    static func render(database: Database) async -> String {
        guard let metrics = try? await database.read({ try Outbox.metrics($0) }) else { return "" }
        return """
            # HELP cspr_outbox_depth Hand-overs waiting for delivery.
            # TYPE cspr_outbox_depth gauge
            cspr_outbox_depth \(metrics.depth)
            # HELP cspr_outbox_oldest_pending_seconds Age of the oldest waiting hand-over.
            # TYPE cspr_outbox_oldest_pending_seconds gauge
            cspr_outbox_oldest_pending_seconds \(metrics.oldestPendingAge ?? 0)
            # HELP cspr_outbox_delivered_total Hand-overs delivered.
            # TYPE cspr_outbox_delivered_total counter
            cspr_outbox_delivered_total \(metrics.delivered)
            # HELP cspr_outbox_failed_attempts_total Delivery attempts that failed.
            # TYPE cspr_outbox_failed_attempts_total counter
            cspr_outbox_failed_attempts_total \(metrics.failedAttempts)
            # HELP cspr_outbox_dead_letters Hand-overs parked as dead letters.
            # TYPE cspr_outbox_dead_letters gauge
            cspr_outbox_dead_letters \(metrics.deadLetters)

            """
    }
}

/// Readiness: set once migrations ran and the server listens; cleared when stopping.
final class ReadyFlag: Sendable {
    private let value = Atomic<Bool>(false)
    var isSet: Bool { value.load(ordering: .relaxed) }
    func set(_ ready: Bool) { value.store(ready, ordering: .relaxed) }
}
