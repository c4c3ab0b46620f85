import Contract
import Foundation
import H2
import IntakeService
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import Synchronization
import TestSupport
import WorkingDays

/// Obviously fictional intake data.
enum Fixture {
    static func date(_ text: String) -> CivilDate {
        guard let date = CivilDate(text) else { fatalError("bad fixture date \(text)") }
        return date
    }

    static let lead = Contact(name: "Dana Sample", agencyAndDesignation: "Testshire Police, Detective Inspector", email: "dana@police.example")

    static func child(name: String = "Zebedee Quillfeather", born: String = "2019-03-01") -> Person {
        Person(
            name: name, alsoKnownAs: ["Zeb Q"], dateOfBirth: date(born),
            addressHistory: [AddressEntry(address: "12 Imaginary Lane, Testtown", postcode: "TE5 7AA", from: date("2021-06-01"))])
    }

    static func referral(
        child: Person = child(), incident: String = "2025-03-20", referred: String = "2025-03-24", received: String = "2025-03-24",
        agencies: [String] = ["Testshire Children's Services", "Testshire Police"]
    ) -> Referral {
        Referral(
            child: ChildDetails(
                person: child, gender: "male", ethnicOrigin: "not recorded", lookedAfter: false,
                incident: Incident(kind: .seriousHarm, date: date(incident), location: "12 Imaginary Lane, Testtown", carerAtTime: "mother")),
            dateOfReferral: date(referred), dateReceived: date(received),
            referrer: Contact(name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, DSL"), safeguardingLeadConsulted: lead,
            familyMembers: [
                FamilyMember(
                    person: Person(
                        name: "Marigold Quillfeather", dateOfBirth: date("1990-07-08"),
                        addressHistory: [AddressEntry(address: "12 Imaginary Lane, Testtown", postcode: "TE5 7AA")]),
                    relationshipToChild: "mother", legalStatus: "parental responsibility")
            ],
            agenciesInvolved: agencies.map {
                AgencyInvolvement(
                    agency: Agency(name: $0, kind: $0.contains("Police") ? .police : .localAuthority), reasonForInvolvement: "known to the family",
                    current: true)
            },
            caseBackground: "fictional background", reasonForReferral: "fictional reason",
            keyEvents: [KeyEvent(date: date(incident), time: "14:30", event: "admitted to hospital")])
    }

    static func draft(_ agency: String, kind: PartnerKind, sent: String) -> IntakeAPI.ScopingRequestDraft {
        IntakeAPI.ScopingRequestDraft(
            agency: Agency(name: agency, kind: kind), contact: Contact(name: "Safeguarding Lead", agencyAndDesignation: "\(agency), DSL"),
            dateSent: date(sent))
    }

    static func scopingReturn(_ agency: String, kind: PartnerKind, received: String, known: Bool = true) -> ScopingReturn {
        ScopingReturn(
            agency: Agency(name: agency, kind: kind), completedBy: Contact(name: "Returning Officer", agencyAndDesignation: agency),
            dateCompleted: date(received), dateReceived: date(received), knownToAgency: known,
            involvementSummary: known ? "fictional involvement" : nil,
            recordsSecuredOn: date(received))
    }
}

/// A stand-in rapid-review: a real RPC server answering OpenRapidReview the way the real one
/// will (applied once per idempotency key), counting every delivery.
final class StandInRapidReview: Sendable {
    private let state = Mutex<(deliveries: Int, applied: [String: RapidReviewAPI.OpenRapidReviewRequest], order: [String])>((0, [:], []))
    private let server = Mutex<RPCServer?>(nil)
    let port: Int

    init(port: Int) { self.port = port }

    var deliveries: Int { state.withLock { $0.deliveries } }
    var applied: [RapidReviewAPI.OpenRapidReviewRequest] { state.withLock { state in state.order.compactMap { state.applied[$0] } } }
    private let updateState = Mutex<(deliveries: Int, applied: [(key: String, request: RapidReviewAPI.UpdateRapidReviewRequest)])>((0, []))
    /// The `UpdateRapidReview` hand-overs applied, once per key, in the order they arrived.
    var updates: [(key: String, request: RapidReviewAPI.UpdateRapidReviewRequest)] { updateState.withLock { $0.applied } }
    /// Every delivery of `UpdateRapidReview`, replays included.
    var updateDeliveries: Int { updateState.withLock { $0.deliveries } }

    func start() throws {
        var routes = RouteTable()
        routes.register(RapidReviewAPI.openRapidReview) { [self] request, call in
            guard call.metadata["authorization"] == "Bearer \(TestTokens.service(.intake))" else {
                throw RPCError(.unauthenticated, "the stand-in expects intake's service token")
            }
            guard let key = call.metadata["idempotency-key"] else { throw RPCError(.invalidArgument, "idempotency-key: missing") }
            let first = state.withLock { state -> Bool in
                state.deliveries += 1
                guard state.applied[key] == nil else { return false }
                state.applied[key] = request
                state.order.append(key)
                return true
            }
            return RapidReviewAPI.OpenRapidReviewResponse(caseReference: request.caseReference, opened: first)
        }
        routes.register(RapidReviewAPI.updateRapidReview) { [self] request, call in
            guard let key = call.metadata["idempotency-key"] else { throw RPCError(.invalidArgument, "idempotency-key: missing") }
            let first = updateState.withLock { state -> Bool in
                state.deliveries += 1
                guard !state.applied.contains(where: { $0.key == key }) else { return false }
                state.applied.append((key, request))
                return true
            }
            return RapidReviewAPI.UpdateRapidReviewResponse(caseReference: request.caseReference, applied: first)
        }
        var configuration = ServerConfiguration()
        configuration.port = port
        configuration.loopCount = 1
        let started = try RPCServer(configuration: configuration, router: RPCRouter(routes: routes))
        server.withLock { $0 = started }
    }

    func stop() async {
        let running = server.withLock { server -> RPCServer? in
            defer { server = nil }
            return server
        }
        await running?.shutdown(grace: .seconds(1))
    }
}

/// A running intake and a client for it: in this process (the rules and the calls), or as its
/// own process (what only a process shows: its log, its exit status).
struct RunningIntake {
    // Held so the folder (removed when the last reference goes) outlives the service using it.
    private let directory: TestDirectory
    private let process: ChildProcess?
    private let service: RunningService?
    let port: Int
    let client: RPCClient

    /// The process's output lines (a process intake only).
    var output: [String] { process?.output ?? [] }

    /// Starts intake in this process, with `extra` variables (its own settings among them).
    static func start(_ directory: TestDirectory, today: String = "2025-03-26", rapidReviewPort: Int? = nil, extra: [String: String] = [:])
        async throws
        -> RunningIntake
    {
        let peerPort = try rapidReviewPort ?? freePort()
        var environment = extra
        environment["CSPR_TODAY"] = today
        let service = try await startInProcess(
            IntakeService.definition, directory, port: 0, peers: [.rapidReview: peerPort], extra: environment)
        return RunningIntake(
            directory: directory, process: nil, service: service, port: service.port, client: RPCClient(host: "127.0.0.1", port: service.port))
    }

    /// Starts intake in this process in a fresh folder, runs `body` with it, and stops it even
    /// when `body` throws.
    static func with<T>(
        today: String = "2025-03-26", rapidReviewPort: Int? = nil, extra: [String: String] = [:], _ body: (RunningIntake) async throws -> T
    ) async throws -> T {
        let intake = try await start(TestDirectory(), today: today, rapidReviewPort: rapidReviewPort, extra: extra)
        return try await withStopping(intake, stop: { try await $0.stop() }, body)
    }

    /// Starts intake as its own process, the way deploy/local.sh does.
    static func startProcess(_ directory: TestDirectory, today: String = "2025-03-26", rapidReviewPort: Int? = nil) async throws -> RunningIntake {
        let port = try freePort()
        let peerPort = try rapidReviewPort ?? freePort()
        let process = try await startServiceProcess(
            "intake", service: .intake, directory, port: port, peers: [.rapidReview: peerPort], extra: ["CSPR_TODAY": today])
        return RunningIntake(directory: directory, process: process, service: nil, port: port, client: RPCClient(host: "127.0.0.1", port: port))
    }

    func submit(_ referral: Referral, as token: String = TestTokens.staff, key: String? = nil) async throws -> IntakeAPI.SubmitReferralResponse {
        var metadata = bearer(token)
        if let key { metadata.add("idempotency-key", key) }
        return try await client.call(IntakeAPI.submitReferral, .init(referral: referral), deadline: .seconds(10), metadata: metadata)
    }

    func cases() async throws -> [IntakeAPI.CaseSummary] {
        try await client.call(IntakeAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(TestTokens.staff)).cases
    }

    func stop() async throws {
        if let process {
            process.send(SIGTERM)
            _ = try await process.waitForExit()
        }
        await service?.stop(grace: .seconds(1))
    }
}
