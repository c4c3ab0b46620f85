import Contract
import Foundation
import RPC

/// One stage's answer to `GetStatuses`, or why there was none.
package struct StageAnswer: Sendable {
    /// The stage asked.
    package var stage: ServiceIdentity
    /// Its statuses, or the error of the call (UNAVAILABLE, DEADLINE_EXCEEDED, ...).
    package var result: Result<[CaseStatus], RPCError>

    package init(stage: ServiceIdentity, result: Result<[CaseStatus], RPCError>) {
        self.stage = stage
        self.result = result
    }
}

/// Asks every configured stage for `GetStatuses` at once, each with its own deadline, so a
/// slow or dead stage costs at most its deadline and never fails the others.
package struct StageFanOut: Sendable {
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

    private let peers: [Peer]
    private let timeout: Duration
    private let metadata: Metadata

    /// Asks `peers` with `timeout` each, sending `metadata` (the gateway's service token).
    package init(peers: [Peer], timeout: Duration, metadata: Metadata) {
        self.peers = peers
        self.timeout = timeout
        self.metadata = metadata
    }

    /// Every stage's answer, in workflow order.
    package func ask() async -> [StageAnswer] {
        let timeout = self.timeout
        let metadata = self.metadata
        return await withTaskGroup(of: (Int, StageAnswer).self) { group in
            for (index, peer) in peers.enumerated() {
                group.addTask {
                    do throws(RPCError) {
                        let response = try await peer.client.call(
                            peer.stage.getStatuses, GetStatusesRequest(), deadline: timeout, metadata: metadata)
                        return (index, StageAnswer(stage: peer.stage, result: .success(response.statuses)))
                    } catch {
                        return (index, StageAnswer(stage: peer.stage, result: .failure(error)))
                    }
                }
            }
            var answers: [(Int, StageAnswer)] = []
            for await answer in group { answers.append(answer) }
            return answers.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
