import Contract
import Foundation
import GatewayService
import GatewayStandIns
import IntakeService
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing

/// The gateway reads the real intake's change feed: across its own restarts nothing is lost or
/// read twice, and without its database it rebuilds the view by paging.
@Suite("The gateway's view from intake's change feed")
struct GatewayFeedTests {
    static func gateway(_ directory: TestDirectory, intake: RunningService) async throws -> RunningService {
        let extra = ["CSPR_GATEWAY_STAGES": "intake", "CSPR_GATEWAY_CACHE_SECONDS": "0", "CSPR_GATEWAY_STAGE_TIMEOUT_MS": "5000"]
        let environment = directory.environment("gateway", port: 0, peers: [.intake: intake.port], extra: extra)
        let definition = try GatewayService.definition(environment: environment)
        return try await startInProcess(definition, directory, peers: [.intake: intake.port], extra: extra)
    }

    static func submit(_ client: RPCClient, _ number: Int) async throws -> CaseReference {
        // Intake tells children apart by the letters of their names: each gets its own word.
        let words = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliett"]
        let identity = FictionalReferral.Identity(childName: "Testchild \(words[number % words.count]) Feedwell")
        return try await client.call(IntakeAPI.submitReferral, .init(referral: FictionalReferral.make(identity)), as: TestTokens.staff).caseReference
    }

    /// Every case in the gateway's view, by reference.
    static func listed(_ gateway: RunningService) async throws -> [CaseReference: GatewayAPI.CaseOverview] {
        let list = try await RPCClient(host: "127.0.0.1", port: gateway.port).call(
            GatewayAPI.listCases, .init(pageSize: 1000), as: TestTokens.panel, deadline: .seconds(10))
        #expect(list.unavailable.isEmpty)
        #expect(list.total == list.cases.count)
        return Dictionary(uniqueKeysWithValues: list.cases.map { ($0.reference, $0) })
    }

    /// What intake holds, read whole from its feed.
    static func held(_ intake: RunningService) async throws -> [CaseReference: CaseStatus] {
        let client = RPCClient(host: "127.0.0.1", port: intake.port)
        var statuses: [CaseReference: CaseStatus] = [:]
        var cursor: StatusCursor?
        while true {
            let page = try await client.call(ServiceIdentity.intake.getStatuses, .init(since: cursor, pageSize: 7), as: TestTokens.panel)
            for status in page.statuses { statuses[status.reference] = status }
            cursor = page.next
            if page.more != true { return statuses }
        }
    }

    @Test(
        "stopped, written to, restarted: the gateway reads only what changed and shows every case as intake holds it; without its database it rebuilds"
    )
    func restartAndRebuild() async throws {
        let directory = try TestDirectory.gateway()
        let intake = try await startInProcess(IntakeService.definition, directory)
        let writer = RPCClient(host: "127.0.0.1", port: intake.port)
        for number in 1...6 { _ = try await Self.submit(writer, number) }
        var gateway = try await Self.gateway(directory, intake: intake)
        #expect(try await Self.listed(gateway).count == 6)
        let view = CaseView(database: gateway.context.database)
        let before = try #require(try await view.cursor(of: .intake))

        await gateway.stop(grace: .seconds(1))
        for number in 7...9 { _ = try await Self.submit(writer, number) }
        // A change to a case the gateway already holds: its status gets a later version.
        let first = try #require(try await Self.held(intake).keys.min())
        _ = try await writer.call(
            IntakeAPI.sendScopingRequests,
            .init(
                caseReference: first,
                requests: [
                    .init(
                        agency: Agency(name: "Testshire Police", kind: .police),
                        contact: Contact(name: "Safeguarding Lead", agencyAndDesignation: "Testshire Police, DSL"),
                        dateSent: Fixtures.date("2025-03-21"))
                ]), as: TestTokens.staff)

        gateway = try await Self.gateway(directory, intake: intake)
        let listed = try await Self.listed(gateway)
        let held = try await Self.held(intake)
        #expect(Set(listed.keys) == Set(held.keys))
        #expect(listed.count == 9)
        #expect(listed[first]?.milestones.map(\.event).contains("scopingRequestsSent") == true)
        for (reference, status) in held { #expect(listed[reference]?.status.milestones == status.milestones) }
        let after = try #require(try await CaseView(database: gateway.context.database).cursor(of: .intake))
        // The cursor went on from where it was: 3 new cases and 1 changed case are 4 versions more.
        #expect(after.feed == before.feed)
        #expect(after.version == before.version + 4)

        // A gateway without its database pages through everything again.
        await gateway.stop(grace: .seconds(1))
        try FileManager.default.removeItem(at: directory.data("gateway"))
        gateway = try await Self.gateway(directory, intake: intake)
        #expect(Set(try await Self.listed(gateway).keys) == Set(held.keys))
        await gateway.stop(grace: .seconds(1))
        await intake.stop(grace: .seconds(1))
    }
}
