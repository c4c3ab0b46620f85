import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import Synchronization
import TestSupport
import Testing

/// A small service built the way a stage service is: its own setting, one state shared by its
/// calls, a domain error, a case-scoped request and an idempotent hand-over.
enum KitService {
    static let identity = ServiceIdentity(name: "test-kit", defaultPort: 7192, rpcService: "cspr.test.v1.Kit")

    struct Ask: Codable, Sendable, Equatable, CaseScoped {
        var caseReference: CaseReference
        var refuse: Bool
    }
    struct Answer: Codable, Sendable, Equatable {
        var greeting: String
        var stateNumber: Int
        var calls: Int
    }

    static let ask = Method<Ask, Answer>(service: identity.rpcService, name: "Ask", roles: .roles(.partnershipSupport))
    static let handOver = Method<Ask, Answer>(service: identity.rpcService, name: "HandOver", roles: .roles(.partnershipSupport))

    /// `TEST_KIT_GREETING`: must not be empty when set.
    struct Settings: Sendable {
        var greeting = "hello"
        static func load(_ environment: [String: String]) throws(ConfigurationError) -> Settings {
            guard let text = environment["TEST_KIT_GREETING"] else { return Settings() }
            guard !text.isEmpty else { throw ConfigurationError(variable: "TEST_KIT_GREETING", problem: "is empty") }
            return Settings(greeting: text)
        }
    }

    /// How many states were made, so a test sees that calls share one.
    static let statesMade = Atomic<Int>(0)

    final class State: Sendable {
        let settings: Settings
        let number: Int
        let calls = Atomic<Int>(0)
        let context: ServiceContext
        init(_ context: ServiceContext, _ settings: Settings) {
            self.context = context
            self.settings = settings
            number = KitService.statesMade.add(1, ordering: .relaxed).newValue
        }
        func answer() -> Answer {
            Answer(greeting: settings.greeting, stateNumber: number, calls: calls.add(1, ordering: .relaxed).newValue)
        }
    }

    enum Refusal: DomainError {
        case notNow(CaseReference)
        var rpcError: RPCError { RPCError(.failedPrecondition, "R1: \(caseReferenceText) is not ready") }
        private var caseReferenceText: String {
            switch self {
            case .notNow(let reference): reference.description
            }
        }
    }

    static let definition = ServiceDefinition(
        identity: identity, migrations: [], settings: Settings.load, state: { context, settings in State(context, settings) },
        routes: { state in
            var routes = RouteTable()
            routes.handle(ask) { request, _ in
                if request.refuse { throw Refusal.notNow(request.caseReference) }
                return state.answer()
            }
            routes.handle(handOver) { request, call in
                try await state.context.database.write { tx in
                    try Idempotency.receive(tx, call: call, request: request) { state.answer() }
                }
            }
            return routes
        })
}

@Suite("ServiceDefinition: settings, one state, domain errors, the case audited, hand-overs applied once")
struct ServiceDefinitionTests {
    static let reference = CaseReference("TESTSHIRE-2025-0042")!

    /// A started kit service, its client, and its directory (removed when released: keep it).
    static func start(_ extra: [String: String] = [:]) async throws -> (RunningService, RPCClient, TestDirectory) {
        let directory = try TestDirectory(tokens: TestTokens.file(services: [KitService.identity]))
        let service = try await startInProcess(KitService.definition, directory, extra: extra)
        return (service, RPCClient(host: "127.0.0.1", port: service.port), directory)
    }

    @Test("the service's own setting is read from the environment it is started with, and a bad value names its variable")
    func settings() async throws {
        let (service, client, directory) = try await Self.start(["TEST_KIT_GREETING": "good morning"])
        let answer = try await client.call(KitService.ask, .init(caseReference: Self.reference, refuse: false), metadata: bearer(TestTokens.staff))
        #expect(answer.greeting == "good morning")
        await service.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}

        #expect(throws: ConfigurationError.self) { try KitService.definition.checkSettings(["TEST_KIT_GREETING": ""]) }
        do {
            _ = try await Self.start(["TEST_KIT_GREETING": ""])
            Issue.record("a service with a bad setting started")
        } catch let error as ConfigurationError {
            #expect(error.variable == "TEST_KIT_GREETING")
        }
    }

    @Test("every call of a started service shares the one state made at start")
    func oneState() async throws {
        let (service, client, directory) = try await Self.start()
        var seen: [Int] = []
        for _ in 0..<3 {
            let answer = try await client.call(
                KitService.ask, .init(caseReference: Self.reference, refuse: false), metadata: bearer(TestTokens.staff))
            seen.append(answer.stateNumber)
            #expect(answer.calls == seen.count)
        }
        #expect(Set(seen).count == 1)
        await service.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
    }

    @Test("a domain error is answered with its RPC status, and the refused call is audited against the case its request names")
    func domainErrorAudited() async throws {
        let (service, client, directory) = try await Self.start()
        let refused = await captureRPCError {
            _ = try await client.call(KitService.ask, .init(caseReference: Self.reference, refuse: true), metadata: bearer(TestTokens.staff))
        }
        #expect(refused == RPCError(.failedPrecondition, "R1: TESTSHIRE-2025-0042 is not ready"))
        let trail = try await client.call(
            AdminAPI.getAuditTrail, .init(caseReference: Self.reference.description), metadata: bearer(TestTokens.admin))
        #expect(trail.entries.map(\.method) == ["Ask"])
        #expect(trail.entries.map(\.outcome) == ["FAILED_PRECONDITION"])
        await service.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
    }

    @Test(
        "a hand-over is applied once per key and request: a replay gets the first answer, another request with the key is refused, none without a key"
    )
    func handOverOnce() async throws {
        let (service, client, directory) = try await Self.start()
        var keyed = bearer(TestTokens.staff)
        keyed.add("idempotency-key", "kit/1")
        let request = KitService.Ask(caseReference: Self.reference, refuse: false)
        let first = try await client.call(KitService.handOver, request, metadata: keyed)
        let replay = try await client.call(KitService.handOver, request, metadata: keyed)
        #expect(replay == first)
        let other = await captureRPCError {
            _ = try await client.call(KitService.handOver, .init(caseReference: Self.reference, refuse: true), metadata: keyed)
        }
        #expect(other == RPCError(.invalidArgument, "idempotency-key: kit/1 was already used for a different request"))
        let unkeyed = await captureRPCError { _ = try await client.call(KitService.handOver, request, metadata: bearer(TestTokens.staff)) }
        #expect(unkeyed == RPCError(.invalidArgument, "idempotency-key: a hand-over carries an idempotency-key header"))
        await service.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
    }

    @Test(
        "a hand-over applied before ServiceKit kept them this way (its reply stored under the bare key) is answered with that reply, not applied again"
    )
    func handOverAppliedByEarlierCode() async throws {
        let (service, client, directory) = try await Self.start()
        let earlier = KitService.Answer(greeting: "applied by the earlier code", stateNumber: 0, calls: 1)
        try await service.context.database.write { tx in _ = try Inbox.applyOnce(tx, key: "kit/legacy") { try JSONCodec.encode(earlier) } }
        var keyed = bearer(TestTokens.staff)
        keyed.add("idempotency-key", "kit/legacy")
        let reply = try await client.call(KitService.handOver, .init(caseReference: Self.reference, refuse: false), metadata: keyed)
        #expect(reply == earlier)
        await service.stop(grace: .seconds(1))
        withExtendedLifetime(directory) {}
    }
}
