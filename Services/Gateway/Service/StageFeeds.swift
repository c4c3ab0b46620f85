import Contract
import Foundation
import RPC
import ServiceKit

/// How reading one stage's changes went: how many statuses were read, or why none could be.
package struct StageAnswer: Sendable {
    /// The stage asked.
    package var stage: ServiceIdentity
    /// The changes read (statuses, and a restarted feed; 0 when nothing changed), or the error
    /// of the call (UNAVAILABLE, DEADLINE_EXCEEDED, ...).
    package var result: Result<Int, RPCError>
    /// False when the stage had more changes than were read in the time given.
    package var caughtUp: Bool

    package init(stage: ServiceIdentity, result: Result<Int, RPCError>, caughtUp: Bool = true) {
        self.stage = stage
        self.result = result
        self.caughtUp = caughtUp
    }
}

/// Reads every configured stage's changes into the view, all stages at once, each call with
/// its own deadline, so a slow or dead stage costs at most its deadline and never holds up the
/// others. A stage is asked from where its feed was last read (`GetStatuses` with `since`); a
/// stage that keeps no feed (its answer has no cursor) gives its whole part each time.
package struct StageFeeds: Sendable {
    /// A stage and the client of its address.
    package struct Peer: Sendable {
        /// The stage.
        package var stage: ServiceIdentity
        /// A client of its address.
        package var client: RPCClient
        package init(stage: ServiceIdentity, client: RPCClient) {
            self.stage = stage
            self.client = client
        }
    }

    /// Statuses asked for per call: about 0.7 MB.
    static let pageSize = 1000

    private let peers: [Peer]
    private let timeout: Duration
    private let metadata: Metadata
    private let logger: Logger?

    /// Asks `peers` with `timeout` per call, sending `metadata` (the gateway's service token).
    package init(peers: [Peer], timeout: Duration, metadata: Metadata, logger: Logger? = nil) {
        self.peers = peers
        self.timeout = timeout
        self.metadata = metadata
        self.logger = logger
    }

    /// Reads each stage's changes into `view` until it has none left, or until `budget` has
    /// passed (then that stage is not `caughtUp`, and the next round goes on from there).
    /// Answers in workflow order.
    func read(into view: CaseView, budget: Duration?) async -> [StageAnswer] {
        await withTaskGroup(of: (Int, StageAnswer).self) { group in
            for (index, peer) in peers.enumerated() {
                group.addTask { (index, await read(peer, into: view, budget: budget)) }
            }
            var answers: [(Int, StageAnswer)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }

    private func read(_ peer: Peer, into view: CaseView, budget: Duration?) async -> StageAnswer {
        let started = ContinuousClock.now
        var read = 0
        do {
            var cursor = try await view.cursor(of: peer.stage)
            while true {
                let response: GetStatusesResponse
                do throws(RPCError) {
                    response = try await peer.client.call(
                        peer.stage.getStatuses, GetStatusesRequest(since: cursor, pageSize: Self.pageSize), deadline: timeout, metadata: metadata)
                } catch {
                    return StageAnswer(stage: peer.stage, result: .failure(error))
                }
                read += response.statuses.count
                guard let next = response.next else {
                    try await view.replace(peer.stage, with: response.statuses)
                    return StageAnswer(stage: peer.stage, result: .success(read))
                }
                try await view.apply(peer.stage, response.statuses, next: next, restarted: response.restarted == true)
                if response.restarted == true {
                    // Dropping the stage's part changed the view even when the new feed is empty.
                    read += 1
                    logger?.info("stage's feed restarted; its part is read again", ["stage": .string(peer.stage.name)])
                }
                cursor = next
                guard response.more == true else { return StageAnswer(stage: peer.stage, result: .success(read)) }
                if let budget, ContinuousClock.now - started > budget {
                    return StageAnswer(stage: peer.stage, result: .success(read), caughtUp: false)
                }
            }
        } catch {
            // The gateway's own database failed, not the stage: logged as such, and the stage's
            // part stays as it was.
            logger?.error("the case view could not be written", ["stage": .string(peer.stage.name), "errorType": .string("\(type(of: error))")])
            return StageAnswer(stage: peer.stage, result: .failure(RPCError(.internal, "the gateway's view could not be written")))
        }
    }
}
