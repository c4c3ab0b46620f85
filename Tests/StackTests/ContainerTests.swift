import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The stack in real containers (issue 16): docker-compose.yml under podman, started by
/// deploy/containers.sh. Skipped, saying why, where containers cannot run.
@Suite(
    "The stack in containers", .serialized, .enabled(if: Containers.available, "needs root, podman and the image deploy/containers.sh build makes"))
struct ContainerTests {
    /// Obviously fictional children (letters only: intake recognises a child by name).
    static let children = ["Boxed Alderfinch", "Boxed Brambleowl", "Boxed Cloverwren", "Boxed Dewberrykit", "Boxed Elmsparrow"]

    /// Submits a referral and sends its scoping request: intake hands the case to rapid-review.
    static func refer(_ child: String, key: String, to intake: RPCClient, as staff: String) async throws -> CaseReference {
        var metadata = bearer(staff)
        metadata.add("idempotency-key", key)
        let reference = try await intake.call(
            IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: child)), deadline: .seconds(10), metadata: metadata
        ).caseReference
        _ = try await intake.call(
            IntakeAPI.sendScopingRequests, StackFixture.scopingRequestToPolice(reference), deadline: .seconds(10), metadata: bearer(staff))
        return reference
    }

    /// The gateway's list of cases, and the stages it says are missing.
    static func listed(_ stack: ContainerStack, as panel: String) async throws -> GatewayAPI.ListCasesResponse {
        try await stack.gateway.call(GatewayAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(panel))
    }

    @Test(
        "a referral in through intake's container shows in the gateway's ListCases at rapid-review; every service runs as uid 10001 on a read-only root filesystem; compose down then up keeps every case"
    )
    func walkAndVolumes() async throws {
        try await withContainerStack { stack in
            let up = try await stack.up()
            #expect(up.contains("dashboard:   http://127.0.0.1:\(stack.gatewayPort)/"), "\(up)")
            let staff = try stack.token("partnership-support")
            let panel = try stack.token("case-review-panel")
            let reference = try await Self.refer(Self.children[0], key: "walk-0", to: try await stack.client("intake"), as: staff)
            let handedOver = try await eventually(within: .seconds(20)) {
                try await Self.listed(stack, as: panel).cases.contains { $0.reference == reference && $0.stage == .rapidReview }
            }
            #expect(handedOver, "the gateway never showed \(reference) at rapid-review")

            for service in ["intake", "rapid-review", "review-management", "publication", "gateway"] {
                let container = stack.container(service)
                let uid = try await stack.podman("exec", container, "id", "-u")
                #expect(uid == "10001", "\(service) runs as uid \(uid)")
                #expect(try await stack.podman("inspect", "-f", "{{.HostConfig.ReadonlyRootfs}}", container) == "true", "\(service)")
                let write = try await runCommand(
                    "/bin/bash",
                    [stack.root.appendingPathComponent("deploy/containers.sh").path, "podman", "exec", container, "touch", "/usr/local/bin/x"],
                    environment: stack.environment)
                #expect(
                    write.status != 0 && write.output.contains("Read-only file system"), "\(service) wrote to its root filesystem: \(write.output)")
                // Its data volume and its scratch space are writable; its tokens readable by it alone.
                #expect(
                    try await stack.podman("exec", container, "sh", "-c", "touch /data/probe /tmp/probe && rm /data/probe /tmp/probe && echo ok")
                        == "ok")
                #expect(try await stack.podman("exec", container, "stat", "-c", "%u %a", "/run/secrets/tokens") == "10001 600", "\(service)")
            }
            // Only the gateway is published.
            let published = try await stack.podman(
                "ps", "--filter", "label=com.docker.compose.project=\(stack.project)", "--format", "{{.Names}} {{.Ports}}")
            for line in published.split(separator: "\n") {
                #expect(line.contains("7100/tcp") == line.hasPrefix(stack.container("gateway")), "\(line)")
            }

            try await stack.down()
            #expect(try await stack.podman("ps", "-a", "-q", "--filter", "label=com.docker.compose.project=\(stack.project)").isEmpty)
            _ = try await stack.up()
            let kept = try await eventually(within: .seconds(20)) {
                try await Self.listed(stack, as: panel).cases.contains { $0.reference == reference && $0.stage == .rapidReview }
            }
            #expect(kept, "compose down then up lost \(reference)")
            let stored = try await (try await stack.client("intake")).call(
                IntakeAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(staff)
            ).cases
            #expect(stored.map(\.caseReference) == [reference])
        }
    }

    /// The cases rapid-review holds, by reference.
    static func rapidReviewCases(_ stack: ContainerStack, as viewer: Metadata) async throws -> [CaseReference] {
        let statuses = try await (try await stack.client("rapid-review")).call(
            RapidReviewAPI.getStatuses, .init(), deadline: .seconds(5), metadata: viewer)
        return statuses.statuses.map(\.reference).sorted()
    }

    /// Sends SIGKILL to the service's process in its container and waits for the container to be restarted.
    static func killed(_ stack: ContainerStack, _ service: String) async throws {
        let old = try await stack.pid(service)
        #expect(old > 0, "\(service) is not running")
        kill(old, SIGKILL)
        let restarted = try await eventually(within: .seconds(30)) {
            let now = try await stack.pid(service)
            return now != 0 && now != old
        }
        #expect(restarted, "\(service)'s container was not restarted (restart: unless-stopped)")
    }

    @Test(
        "kill -9 of a stage container's process: the container is restarted with its volume and nothing acknowledged is lost; hand-overs queued in intake's outbox while rapid-review is stopped survive intake's kill -9 and arrive exactly once"
    )
    func killAndRestart() async throws {
        try await withContainerStack { stack in
            _ = try await stack.up()
            let staff = try stack.token("partnership-support")
            let viewer = bearer(try stack.token("panel-viewer"))
            // One case handed over and acknowledged by rapid-review, which is then killed.
            let first = try await Self.refer(Self.children[0], key: "kill-0", to: try await stack.client("intake"), as: staff)
            let handedOver = await eventually(within: .seconds(20)) { (try? await Self.rapidReviewCases(stack, as: viewer)) == [first] }
            #expect(handedOver)
            try await Self.killed(stack, "rapid-review")
            let kept = await eventually(within: .seconds(20)) { (try? await Self.rapidReviewCases(stack, as: viewer)) == [first] }
            #expect(kept, "rapid-review lost \(first)")

            // rapid-review stopped: four more referrals, their hand-overs queued in intake's outbox.
            _ = try await stack.compose("stop", "rapid-review")
            var queuedReferences: [CaseReference] = []
            for index in 1..<Self.children.count {
                queuedReferences.append(
                    try await Self.refer(Self.children[index], key: "kill-\(index)", to: try await stack.client("intake"), as: staff))
            }
            let references = [first] + queuedReferences
            let queued = try await stack.metrics("intake")["cspr_outbox_depth"]
            #expect(queued == 4, "intake's outbox holds \(String(describing: queued)) hand-overs, not the four made while rapid-review was stopped")
            // intake killed with the hand-overs queued: its volume keeps the referrals and the outbox.
            try await Self.killed(stack, "intake")
            let stored = try await (try await stack.client("intake")).call(
                IntakeAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(staff)
            ).cases
            #expect(stored.map(\.caseReference).sorted() == references.sorted(), "an acknowledged referral was lost")

            _ = try await stack.compose("start", "rapid-review")
            let arrived = await eventually(within: .seconds(30)) { (try? await Self.rapidReviewCases(stack, as: viewer))?.count == references.count }
            #expect(arrived, "the queued hand-overs did not all arrive")
            // A little longer: a hand-over delivered twice would show as a second case by now.
            try await Task.sleep(for: .seconds(2))
            let opened = try await Self.rapidReviewCases(stack, as: viewer)
            #expect(opened == references.sorted(), "each case opened once")
            let depth = try await stack.metrics("intake")["cspr_outbox_depth"]
            #expect(depth == 0)
            let deadLetters = try await (try await stack.client("intake")).call(
                AdminAPI.listDeadLetters, .init(), deadline: .seconds(5), metadata: bearer(try stack.token("admin")))
            #expect(deadLetters.deadLetters.isEmpty)
        }
    }

    @Test("a stopped stage container: the others keep serving and the gateway names the missing stage")
    func stoppedStage() async throws {
        try await withContainerStack { stack in
            _ = try await stack.up()
            let staff = try stack.token("partnership-support")
            let panel = try stack.token("case-review-panel")
            _ = try await stack.compose("stop", "publication")
            let reference = try await Self.refer(Self.children[1], key: "stop-0", to: try await stack.client("intake"), as: staff)
            var answer: GatewayAPI.ListCasesResponse?
            let named = try await eventually(within: .seconds(20)) {
                answer = try await Self.listed(stack, as: panel)
                return answer?.unavailable.map(\.stage) == ["publication"] && answer?.cases.contains { $0.reference == reference } == true
            }
            #expect(named, "the gateway's answer: \(String(describing: answer?.unavailable)), \(String(describing: answer?.cases.map(\.reference)))")
            _ = try await stack.compose("start", "publication")
            let back = try await eventually(within: .seconds(20)) { try await Self.listed(stack, as: panel).unavailable.isEmpty }
            #expect(back, "the gateway still names a missing stage after publication started again")
        }
    }
}
