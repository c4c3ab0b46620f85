import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// Issue 8, "Partition": intake, rapid-review and the gateway each in its own network namespace,
/// joined by a bridge; one link cut with `ip link set down` for a while, then restored.
@Suite("The stack across a network partition", .serialized)
struct PartitionTests {
    /// A gateway call while a stage is cut must return well inside its own deadline: within the
    /// stage's deadline in the fan-out plus this much.
    static let gatewayCallDeadline: Duration = .seconds(10)
    static let gatewayBound: Duration = PartitionStack.gatewayStageTimeout + .milliseconds(1500)
    /// A direct call to a cut service, with a short deadline, must fail within this.
    static let directDeadline: Duration = .milliseconds(500)
    static let directBound: Duration = .milliseconds(1500)
    /// How long each link stays down.
    static let cutFor: Duration = .seconds(3)
    /// How long the stack may take to flow again once a link is back.
    static let recoveryBound: Duration = .seconds(20)

    /// Obviously fictional children (letters only: intake recognises a child by name).
    static let before = ["Netsplit Alderbeam", "Netsplit Birchwhistle", "Netsplit Cedarquill"]
    static let during = ["Netsplit Damsonfly", "Netsplit Elderwisp", "Netsplit Firthistle", "Netsplit Gorsebloom"]

    @Test(
        "Partition: a cut link fails calls fast (UNAVAILABLE or DEADLINE_EXCEEDED), the gateway answers without the cut stage, hand-overs queued during the cut arrive exactly once after it",
        .enabled(if: NetworkNamespaces.permitted, "needs network namespaces: root (CAP_SYS_ADMIN, CAP_NET_ADMIN) and iproute2"),
        .timeLimit(.minutes(2)))
    func partition() async throws {
        let began = ContinuousClock.now
        var network: PartitionNetwork?
        try await withPartitionStack { stack in
            network = stack.network
            print(
                "partition: namespaces \(stack.network.switchNamespace) (bridge br0), "
                    + PartitionHost.allCases.map { "\(stack.network.namespace($0)) \(stack.network.address($0)):\($0.port)" }
                    .joined(separator: ", ") + "; the test at \(stack.network.testAddress) on \(stack.network.rootLink)")
            async let rapidReview: Void = stack.start(.rapidReview)
            async let intake: Void = stack.start(.intake)
            async let gateway: Void = stack.start(.gateway)
            _ = try await (rapidReview, intake, gateway)
            print("partition: network and services up in \(seconds(ContinuousClock.now - began))")
            let gatewayClient = stack.client(.gateway)

            // 1. Connected: hand-overs go intake -> rapid-review; the gateway sees both stages.
            var opened: [CaseReference] = []
            for child in Self.before { opened.append(try await stack.openCase(child: child)) }
            #expect(await eventually(within: .seconds(10)) { await stack.rapidReviewHas(opened) }, "the hand-overs did not reach rapid-review")
            let connected = try await stack.listCases(gatewayClient).answer
            #expect(connected.unavailable.isEmpty, "\(connected.unavailable)")
            #expect(Set(connected.cases.map(\.reference)) == Set(opened))

            // 2. intake cut off: the gateway answers fast without it; intake itself fails fast.
            try await partitionPhase(stack, cut: .intake, gateway: gatewayClient, expectedCases: opened)

            // Nothing stuck in intake's outbox after its cut.
            #expect(await eventually(within: Self.recoveryBound) { (try? await stack.metrics(.intake)["cspr_outbox_depth"]) == 0 })

            // 3. rapid-review cut off: referrals and scoping requests still go to intake, whose
            // hand-overs wait in its outbox; they arrive, once each, after the link is back.
            var queued: [CaseReference] = []
            let restoredAt = try await partitionPhase(
                stack, cut: .rapidReview, gateway: gatewayClient, expectedCases: nil,
                during: {
                    for child in Self.during { queued.append(try await stack.openCase(child: child)) }
                    let outbox = try await stack.metrics(.intake)
                    #expect(outbox["cspr_outbox_depth"] == Double(Self.during.count), "intake's outbox during the cut: \(outbox)")
                    let listed = try await stack.listCases(gatewayClient).answer
                    #expect(Set(listed.cases.map(\.reference)) == Set(opened + queued), "intake's cases while rapid-review is cut")
                },
                beforeRestore: {
                    // Still queued at the end of the cut: not delivered through a cut link, not parked.
                    let outbox = try await stack.metrics(.intake)
                    #expect(outbox["cspr_outbox_depth"] == Double(Self.during.count), "intake's outbox at the end of the cut: \(outbox)")
                    #expect(outbox["cspr_outbox_dead_letters"] == 0)
                })
            let everything = opened + queued
            #expect(await eventually(within: Self.recoveryBound) { await stack.rapidReviewHas(everything) }, "queued hand-overs were lost")
            print(
                "partition: the \(queued.count) queued hand-overs were all at rapid-review by \(seconds(ContinuousClock.now - restoredAt)) after the restore (looked for once the gateway had recovered)"
            )

            // Exactly once: one Rapid Review per case, opened once, every outbox message delivered once.
            let statuses = try await stack.client(.rapidReview).call(
                RapidReviewAPI.getStatuses, .init(), deadline: .seconds(5), metadata: bearer(TestTokens.viewer)
            ).statuses
            #expect(statuses.map(\.reference).sorted() == everything.sorted())
            for reference in everything {
                let review = try await stack.client(.rapidReview).call(
                    RapidReviewAPI.getRapidReview, .init(caseReference: reference), deadline: .seconds(5), metadata: bearer(TestTokens.panel))
                #expect(review.handOver.caseReference == reference)
            }
            let rapidReviewLog = stack.log(.rapidReview)
            let openedLines = rapidReviewLog.filter { $0["message"] as? String == "Rapid Review opened" }.compactMap {
                $0["caseReference"] as? String
            }
            #expect(openedLines.sorted() == everything.map(\.description).sorted(), "Rapid Reviews opened: \(openedLines)")
            let deliveries = rapidReviewLog.filter { ($0["method"] as? String)?.hasSuffix("/OpenRapidReview") == true }.count
            let outbox = try await stack.metrics(.intake)
            #expect(outbox["cspr_outbox_depth"] == 0)
            #expect(outbox["cspr_outbox_delivered_total"] == Double(everything.count))
            #expect(outbox["cspr_outbox_dead_letters"] == 0)
            let deadLetters = try await stack.client(.intake).call(
                AdminAPI.listDeadLetters, .init(), deadline: .seconds(5), metadata: bearer(TestTokens.admin))
            #expect(deadLetters.deadLetters.isEmpty)
            print(
                "partition: \(everything.count) hand-overs, \(deliveries) OpenRapidReview deliveries seen by rapid-review, "
                    + "\(openedLines.count) Rapid Reviews opened; intake's failed attempts: \(Int(outbox["cspr_outbox_failed_attempts_total"] ?? -1))"
            )

            // The gateway shows every case from both stages again.
            let healed = try await stack.listCases(gatewayClient).answer
            #expect(healed.unavailable.isEmpty)
            #expect(Set(healed.cases.map(\.reference)) == Set(everything))
            #expect(healed.cases.allSatisfy { $0.reportedBy == ["intake", "rapid-review"] }, "\(healed.cases.map(\.reportedBy))")
        }
        if let network { #expect(network.remains().isEmpty, "left behind: \(network.remains())") }
        print("partition: whole test \(seconds(ContinuousClock.now - began)), tear-down included")
    }

    /// Cuts `host`'s link; checks that the gateway still answers, fast, naming `host` as
    /// unavailable (and, with `expectedCases`, listing exactly those), and that a direct call to
    /// `host` with a short deadline fails fast; runs `during`; keeps the link down for `cutFor`;
    /// runs `beforeRestore`; restores it and waits until the gateway and `host` answer again.
    /// Returns when the link was restored.
    @discardableResult
    func partitionPhase(
        _ stack: PartitionStack, cut host: PartitionHost, gateway: RPCClient, expectedCases: [CaseReference]?,
        during: () async throws -> Void = {}, beforeRestore: () async throws -> Void = {}
    ) async throws -> ContinuousClock.Instant {
        try stack.network.cut(host)
        let cutAt = ContinuousClock.now
        var gatewayTimes: [Duration] = []
        var outageCodes = Set<String>()
        for _ in 0..<3 {
            let (answer, elapsed) = try await stack.listCases(gateway)
            gatewayTimes.append(elapsed)
            outageCodes.formUnion(answer.unavailable.map(\.code))
            #expect(elapsed < Self.gatewayBound, "the gateway took \(seconds(elapsed)) with \(host.rawValue) cut")
            #expect(answer.unavailable.map(\.stage) == [host.rawValue], "\(answer.unavailable)")
            #expect(answer.unavailable.allSatisfy { ["UNAVAILABLE", "DEADLINE_EXCEEDED"].contains($0.code) }, "\(answer.unavailable)")
            if let expectedCases { #expect(Set(answer.cases.map(\.reference)) == Set(expectedCases)) }
        }
        let direct = await stack.timedDirectCall(host, deadline: Self.directDeadline)
        #expect(direct.error.map { [.unavailable, .deadlineExceeded].contains($0.code) } == true, "\(String(describing: direct.error))")
        #expect(direct.elapsed < Self.directBound, "a direct call to the cut \(host.rawValue) took \(seconds(direct.elapsed))")
        try await during()
        let held = ContinuousClock.now - cutAt
        if held < Self.cutFor { try await Task.sleep(for: Self.cutFor - held) }
        try await beforeRestore()

        try stack.network.restore(host)
        let restoredAt = ContinuousClock.now
        let answersDirectly = await eventually(within: Self.recoveryBound) { await stack.timedDirectCall(host, deadline: .seconds(1)).error == nil }
        let directBack = ContinuousClock.now - restoredAt
        let gatewayBack = await eventually(within: Self.recoveryBound) {
            guard let answer = try? await stack.listCases(gateway).answer else { return false }
            return answer.unavailable.isEmpty
        }
        let recovered = ContinuousClock.now - restoredAt
        #expect(answersDirectly, "\(host.rawValue) did not answer again after its link was restored")
        #expect(gatewayBack, "the gateway still reports \(host.rawValue) unavailable \(seconds(Self.recoveryBound)) after the link was restored")
        print(
            "partition: \(host.rawValue) cut for \(seconds(restoredAt - cutAt)); gateway ListCases answered in "
                + gatewayTimes.map(seconds).joined(separator: ", ") + " with \(host.rawValue) unavailable: "
                + outageCodes.sorted().joined(separator: ", ") + " (stage deadline \(seconds(PartitionStack.gatewayStageTimeout)), "
                + "call deadline \(seconds(Self.gatewayCallDeadline))); direct call failed with "
                + "\(direct.error.map { $0.code.name } ?? "nothing") in \(seconds(direct.elapsed)) (deadline \(seconds(Self.directDeadline))); "
                + "after restore: answers directly in \(seconds(directBack)), gateway shows it available in \(seconds(recovered))")
        return restoredAt
    }
}

extension PartitionStack {
    /// Submits a referral for `child` and sends its scoping request, so intake queues the
    /// OpenRapidReview hand-over.
    func openCase(child: String) async throws -> CaseReference {
        let intake = client(.intake)
        var metadata = bearer(TestTokens.staff)
        metadata.add("idempotency-key", "partition-\(child)")
        let submitted = try await intake.call(
            IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: child)), deadline: .seconds(5), metadata: metadata)
        let draft = IntakeAPI.ScopingRequestDraft(
            agency: Agency(name: "Testshire Police", kind: .police),
            contact: Contact(name: "Safeguarding Lead", agencyAndDesignation: "Testshire Police, DSL"), dateSent: StackFixture.date("2025-03-25"))
        _ = try await intake.call(
            IntakeAPI.sendScopingRequests, .init(caseReference: submitted.caseReference, requests: [draft]), deadline: .seconds(5),
            metadata: bearer(TestTokens.staff))
        return submitted.caseReference
    }

    /// True when rapid-review's `GetStatuses` lists every one of `references`.
    func rapidReviewHas(_ references: [CaseReference]) async -> Bool {
        guard
            let statuses = try? await client(.rapidReview).call(
                RapidReviewAPI.getStatuses, .init(), deadline: .seconds(2), metadata: bearer(TestTokens.viewer)
            ).statuses
        else { return false }
        return Set(references).isSubset(of: Set(statuses.map(\.reference)))
    }

    /// The gateway's `ListCases` and how long it took.
    func listCases(_ gateway: RPCClient) async throws -> (answer: GatewayAPI.ListCasesResponse, elapsed: Duration) {
        let started = ContinuousClock.now
        let answer = try await gateway.call(
            GatewayAPI.listCases, .init(), deadline: PartitionTests.gatewayCallDeadline, metadata: bearer(TestTokens.viewer))
        return (answer, ContinuousClock.now - started)
    }

    /// A `GetStatuses` call straight to `host` on a new connection: its error, if any, and how
    /// long it took.
    func timedDirectCall(_ host: PartitionHost, deadline: Duration) async -> (error: RPCError?, elapsed: Duration) {
        let method = host == .intake ? IntakeAPI.getStatuses : RapidReviewAPI.getStatuses
        let started = ContinuousClock.now
        do {
            _ = try await client(host).call(method, .init(), deadline: deadline, metadata: bearer(TestTokens.viewer))
            return (nil, ContinuousClock.now - started)
        } catch {
            return (error, ContinuousClock.now - started)
        }
    }
}

/// `1.234 s`.
func seconds(_ duration: Duration) -> String {
    let value = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    return String(format: "%.3f s", value)
}
