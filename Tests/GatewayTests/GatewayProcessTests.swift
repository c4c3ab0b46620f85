import Contract
import Foundation
import GatewayStandIns
import H2
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// The gateway, intake and rapid-review as real processes (the stages are stand-ins until the
/// real services land): issue 7's "gateway over real processes".
@Suite("The gateway over real processes")
struct GatewayProcessTests {
    /// A running stack: the two stage processes and the gateway.
    final class Stack: @unchecked Sendable {
        let directory: TestDirectory
        let intakePort: Int
        let rapidReviewPort: Int
        let gatewayPort: Int
        var intake: ChildProcess
        var rapidReview: ChildProcess
        let gateway: ChildProcess
        let client: RPCClient

        init() async throws {
            directory = try TestDirectory.gateway()
            intakePort = try freePort()
            rapidReviewPort = try freePort()
            gatewayPort = try freePort()
            intake = try await startStandInProcess(.intake, directory, port: intakePort, statuses: Fixtures.intake)
            rapidReview = try await startStandInProcess(.rapidReview, directory, port: rapidReviewPort, statuses: Fixtures.rapidReview)
            gateway = try await startGatewayProcess(directory, port: gatewayPort, stages: [.intake: intakePort, .rapidReview: rapidReviewPort])
            client = RPCClient(host: "127.0.0.1", port: gatewayPort, configuration: ClientConfigurationForTests.fastBackoff)
        }

        func list(_ request: GatewayAPI.ListCasesRequest = .init(), token: String = TestTokens.panel) async throws -> GatewayAPI.ListCasesResponse {
            try await client.call(GatewayAPI.listCases, request, as: token, deadline: .seconds(10))
        }

        func restartRapidReview() async throws {
            rapidReview = try await startStandInProcess(.rapidReview, directory, port: rapidReviewPort, statuses: Fixtures.rapidReview)
        }

        func stop() async throws {
            for process in [intake, rapidReview, gateway] where process.isRunning { process.send(SIGTERM) }
            for process in [intake, rapidReview, gateway] { _ = try await process.waitForExit() }
        }
    }

    @Test("cases at different stages appear with the right stage, deadlines and states")
    func stagesDeadlinesStates() async throws {
        let stack = try await Stack()
        let list = try await stack.list()
        #expect(list.unavailable.isEmpty)
        #expect(list.today == Fixtures.date(Fixtures.today))
        #expect(list.cases.map(\.reference.description) == Fixtures.expectedOrder)
        let byReference = Dictionary(uniqueKeysWithValues: list.cases.map { ($0.reference.description, $0) })
        #expect(byReference["TESTSHIRE-2025-0001"]?.stage == .intake)
        #expect(byReference["TESTSHIRE-2025-0002"]?.stage == .rapidReview)
        #expect(byReference["TESTSHIRE-2024-0042"]?.stage == .closed)
        // T3 overdue by 5 working days; T3 due soon; T6 met from rapid-review, not intake's open one.
        #expect(byReference["TESTSHIRE-2025-0003"]?.nextDeadline?.rule == .t3)
        #expect(byReference["TESTSHIRE-2025-0003"]?.nextDeadline?.status == .overdue)
        #expect(byReference["TESTSHIRE-2025-0003"]?.nextDeadline?.workingDaysLeft == -5)
        #expect(byReference["TESTSHIRE-2025-0005"]?.urgency == .dueSoon)
        let t6 = byReference["TESTSHIRE-2025-0002"]?.deadlines.filter { $0.rule == .t6 }
        #expect(t6?.map(\.status) == [.met])
        #expect(t6?.map(\.reportedBy) == ["rapid-review"])
        #expect(byReference["TESTSHIRE-2025-0002"]?.reportedBy == ["intake", "rapid-review"])

        let overdue = try await stack.list(GatewayAPI.ListCasesRequest(overdueOnly: true), token: TestTokens.viewer)
        #expect(overdue.cases.map(\.reference.description) == ["TESTSHIRE-2025-0003"])

        let found = try await stack.client.call(
            GatewayAPI.getCase, .init(caseReference: Fixtures.reference("TESTSHIRE-2025-0002")), as: TestTokens.panel, deadline: .seconds(10))
        #expect(found.case.milestones.map(\.event) == ["referralReceived", "scopingRequestsSent", "meetingHeld", "outcomeRatified"])
        let missing = await stack.client.refusal(
            GatewayAPI.getCase, .init(caseReference: Fixtures.reference("TESTSHIRE-2025-0999")), as: TestTokens.panel, deadline: .seconds(10))
        #expect(missing?.code == .notFound)

        let summary = try await stack.client.call(GatewayAPI.getSummary, .init(), as: TestTokens.panel, deadline: .seconds(10))
        #expect(summary.totalCases == 5)
        #expect(summary.overdueByRule == [GatewayAPI.RuleCount(rule: .t3, count: 1)])
        #expect(summary.rapidReviewTimeliness.map(\.share) == [1.0, 0.5])
        try await stack.stop()
    }

    @Test("the calls need the panel's token and a viewer's role")
    func authentication() async throws {
        let stack = try await Stack()
        let none = await captureRPCError { _ = try await stack.client.call(GatewayAPI.listCases, .init(), deadline: .seconds(10)) }
        #expect(none?.code == .unauthenticated)
        let staff = await captureRPCError { _ = try await stack.list(token: TestTokens.staff) }
        #expect(staff?.code == .permissionDenied)
        #expect(staff?.message.contains("panel-viewer") == true)
        try await stack.stop()
    }

    @Test("killing rapid-review marks it unavailable, names it and since when, and keeps its part as last sent; bringing it back restores it")
    func stageDownAndBack() async throws {
        let stack = try await Stack()
        #expect(try await stack.list().cases.count == 5)

        let killedAt = Date()
        stack.rapidReview.send(SIGKILL)
        _ = try await stack.rapidReview.waitForExit()
        let partial = try await stack.list()
        #expect(partial.unavailable.map(\.stage) == ["rapid-review"])
        #expect(partial.unavailable.first?.service == ServiceIdentity.rapidReview.rpcService)
        #expect(partial.unavailable.first.map { $0.since >= killedAt.addingTimeInterval(-1) } == true)
        // The view keeps what rapid-review last sent: every case is still listed, at its stage.
        #expect(partial.cases.map(\.reference.description) == Fixtures.expectedOrder)
        let both = partial.cases.first { $0.reference.description == "TESTSHIRE-2025-0002" }
        #expect(both?.stage == .rapidReview)
        #expect(both?.reportedBy == ["intake", "rapid-review"])
        // The "since" stays the first failure's, not each call's.
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await stack.list().unavailable.first?.since == partial.unavailable.first?.since)

        // A case only rapid-review knows is still found, with rapid-review named as unavailable;
        // one nobody knows is UNAVAILABLE, not NOT_FOUND, while a stage that might know it is down.
        let closed = try await stack.client.call(
            GatewayAPI.getCase, .init(caseReference: Fixtures.reference("TESTSHIRE-2024-0042")), as: TestTokens.panel, deadline: .seconds(10))
        #expect(closed.case.stage == .closed)
        #expect(closed.unavailable.map(\.stage) == ["rapid-review"])
        let unknown = await stack.client.refusal(
            GatewayAPI.getCase, .init(caseReference: Fixtures.reference("TESTSHIRE-2024-0043")), as: TestTokens.panel, deadline: .seconds(10))
        #expect(unknown?.code == .unavailable)
        #expect(unknown?.message.contains("rapid-review") == true)
        // The gateway itself stays ready.
        let ready = try await getPage(port: stack.gatewayPort, "/readyz")
        #expect(ready.status == 200)

        try await stack.restartRapidReview()
        let restored = try await eventually(within: .seconds(15)) { try await stack.list().unavailable.isEmpty }
        #expect(restored, "rapid-review's part did not come back")
        let list = try await stack.list()
        #expect(list.cases.map(\.reference.description) == Fixtures.expectedOrder)
        #expect(list.cases.first { $0.reference.description == "TESTSHIRE-2025-0002" }?.stage == .rapidReview)
        #expect(stack.gateway.output.contains { $0.contains("stage unavailable") && $0.contains("rapid-review") })
        #expect(stack.gateway.output.contains { $0.contains("stage available again") })
        try await stack.stop()
    }
}
