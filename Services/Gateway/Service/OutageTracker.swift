import Contract
import Foundation
import RPC
import ServiceKit
import Synchronization

/// Remembers since when each stage has been unavailable: from the first failed call after its
/// last answer, until it answers again. Logs each change once, not each failed call.
package final class OutageTracker: Sendable {
    private struct Outage {
        var since: Date
        var code: RPCCode
    }

    private let outages = Mutex<[String: Outage]>([:])
    private let logger: Logger?

    package init(logger: Logger?) {
        self.logger = logger
    }

    /// Records `answers`, received at `now`, and returns the stages now unavailable.
    package func record(_ answers: [StageAnswer], at now: Date) -> [GatewayAPI.StageOutage] {
        var changes: [(ServiceIdentity, RPCError?)] = []
        let current = outages.withLock { outages -> [GatewayAPI.StageOutage] in
            var unavailable: [GatewayAPI.StageOutage] = []
            for answer in answers {
                switch answer.result {
                case .success:
                    if outages.removeValue(forKey: answer.stage.name) != nil { changes.append((answer.stage, nil)) }
                case .failure(let error):
                    if outages[answer.stage.name] == nil { changes.append((answer.stage, error)) }
                    let since = outages[answer.stage.name]?.since ?? now
                    outages[answer.stage.name] = Outage(since: since, code: error.code)
                    unavailable.append(
                        GatewayAPI.StageOutage(stage: answer.stage.name, service: answer.stage.rpcService, since: since, code: error.code.name))
                }
            }
            return unavailable
        }
        for (stage, error) in changes {
            if let error {
                // The message is the transport's or the stage's own, never case data.
                logger?.warning(
                    "stage unavailable; its part stays as it last sent it",
                    ["stage": .string(stage.name), "status": .string(error.code.name), "reason": .string(error.message)])
            } else {
                logger?.info("stage available again", ["stage": .string(stage.name)])
            }
        }
        return current
    }
}
