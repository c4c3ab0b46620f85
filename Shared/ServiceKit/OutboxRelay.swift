import Foundation
import RPC
import Storage
import Synchronization

/// Delivers the outbox: each destination's messages in order, through the RPC client, with
/// the `idempotency-key` header, exponential backoff with jitter between failed attempts, and
/// dead-lettering by the retry policy. Started by the service runner; `poke()` after a write
/// that enqueued a message delivers it at once instead of at the next poll.
package final class OutboxRelay: Sendable {
    private let database: Database
    private let peers: [String: RPCClient]
    private let token: String?
    private let policy: RetryPolicy
    private let logger: Logger
    private let pollInterval: Duration
    private let callTimeout: Duration
    private let wake = Wakeup()
    private let task = Mutex<Task<Void, Never>?>(nil)

    /// - Parameters:
    ///   - peers: an RPC client per destination name used in `Outbox.enqueue`.
    ///   - token: this service's bearer token for its calls to peers (role `service`).
    package init(
        database: Database, peers: [String: RPCClient], token: String?, policy: RetryPolicy = RetryPolicy(), logger: Logger,
        pollInterval: Duration = .seconds(1), callTimeout: Duration = .seconds(10)
    ) {
        self.database = database
        self.peers = peers
        self.token = token
        self.policy = policy
        self.logger = logger
        self.pollInterval = pollInterval
        self.callTimeout = callTimeout
    }

    /// Starts delivering in the background.
    package func start() {
        task.withLock { task in
            guard task == nil else { return }
            task = Task { [self] in await run() }
        }
    }

    /// Stops after the attempt in progress.
    package func stop() async {
        let running = task.withLock { task -> Task<Void, Never>? in
            defer { task = nil }
            return task
        }
        running?.cancel()
        wake.signal()
        await running?.value
    }

    /// Something was enqueued: look now.
    package func poke() { wake.signal() }

    /// False only for the codes by which the receiver refuses the message itself, which trying
    /// again cannot change; everything else is retried until the attempt limit.
    ///
    /// A hand-over must never be parked because its receiver was away (issue 17): while it is
    /// down, another server may answer on its port. A server that does not have the method says
    /// UNIMPLEMENTED (gRPC) or HTTP 404 (mapped to UNIMPLEMENTED), and one that does not know our
    /// token UNAUTHENTICATED or PERMISSION_DENIED, so those are retried, as is a receiver still
    /// being deployed or configured. NOT_FOUND comes only from a server that routed the method,
    /// the expected service, about something the message names, and so is a refusal.
    package static func isRetryable(_ code: RPCCode) -> Bool {
        switch code {
        case .invalidArgument, .failedPrecondition, .notFound, .alreadyExists, .outOfRange:
            return false
        default:
            return true
        }
    }

    private func run() async {
        while !Task.isCancelled {
            do {
                let due = try await database.read { try Outbox.due($0, now: Date()) }
                // One task per destination: in order within it, in parallel across them.
                await withTaskGroup(of: Void.self) { group in
                    for message in due {
                        group.addTask { await self.deliver(message) }
                    }
                }
                if !due.isEmpty { continue }
                let next = try await database.read { try Outbox.nextAttemptAt($0) }
                var wait = pollInterval
                if let next {
                    let seconds = max(0, next.timeIntervalSinceNow)
                    wait = min(pollInterval, .milliseconds(Int64(seconds * 1000) + 1))
                }
                await wake.wait(upTo: wait)
            } catch {
                logger.error("outbox relay could not read the outbox", ["error": .string(String(describing: type(of: error)))])
                await wake.wait(upTo: pollInterval)
            }
        }
    }

    /// Sends `message`, read as due, unless it is no longer its destination's next one: a dead
    /// letter an admin retried since the read is older, and goes first (its original order).
    package func deliver(_ message: OutboxMessage) async {
        do {
            guard try await database.read({ try Outbox.isNext($0, message) }) else { return }
        } catch {
            logger.error("outbox relay could not read the outbox", ["outboxId": .int(Int(message.id))])
            return
        }
        guard let peer = peers[message.destination] else {
            await record(message, error: "no peer configured for destination \(message.destination)", retryable: true)
            return
        }
        var metadata = Metadata()
        metadata.add("idempotency-key", message.idempotencyKey)
        if let token { metadata.add("authorization", "Bearer \(token)") }
        do {
            _ = try await peer.callRaw(path: message.method, json: message.payload, deadline: callTimeout, metadata: metadata)
            _ = try await database.write { tx in try Outbox.markDelivered(tx, id: message.id) }
            logger.info(
                "hand-over delivered",
                ["destination": .string(message.destination), "method": .string(message.method), "outboxId": .int(Int(message.id))])
        } catch let error as RPCError {
            await record(message, error: "\(error.code.name): \(error.message)", retryable: Self.isRetryable(error.code))
        } catch {
            logger.error("outbox relay could not record a delivery", ["outboxId": .int(Int(message.id))])
        }
    }

    private func record(_ message: OutboxMessage, error: String, retryable: Bool) async {
        let policy = self.policy
        do {
            let outcome = try await database.write { tx in
                try Outbox.recordFailure(tx, id: message.id, error: error, retryable: retryable, policy: policy)
            }
            let fields: [String: LogValue] = [
                "destination": .string(message.destination), "method": .string(message.method), "outboxId": .int(Int(message.id)),
                "attempt": .int(message.attempts + 1), "retryable": .bool(retryable),
                // The status code only: the peer's message stays in the outbox row for an operator.
                "code": .string(String(error.prefix { $0 != ":" })),
            ]
            if case .deadLettered = outcome {
                logger.error("hand-over parked as a dead letter", fields)
            } else {
                logger.warning("hand-over failed; will retry", fields)
            }
        } catch {
            logger.error("outbox relay could not record a failure", ["outboxId": .int(Int(message.id))])
        }
    }
}

/// A wake-up signal for one waiting task, remembered if it comes before the wait.
final class Wakeup: Sendable {
    private struct State {
        var signalled = false
        var waiter: CheckedContinuation<Void, Never>?
    }
    private let state = Mutex(State())

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.signalled = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns on a signal or after `duration`, whichever is first.
    func wait(upTo duration: Duration) async {
        let timer = Task { [self] in
            try? await Task.sleep(for: duration)
            if !Task.isCancelled { signal() }
        }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state -> Bool in
                if state.signalled {
                    state.signalled = false
                    return true
                }
                state.waiter = continuation
                return false
            }
            if resumeNow { continuation.resume() }
        }
        timer.cancel()
        state.withLock { $0.signalled = false }
    }
}
