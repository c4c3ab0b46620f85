import Foundation
import Synchronization

/// Runs a handler against its deadline and answers at the deadline even when the handler does
/// not notice cancellation at once (a task group would wait for it). The handler is cancelled
/// and left to finish on its own; its late result is dropped.
enum DeadlineRace {
    static func run(
        until deadline: ContinuousClock.Instant, method: String, _ work: @escaping @Sendable () async throws -> Data
    ) async throws -> Data {
        let outcome = Outcome()
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Data, any Error>) in
                outcome.install(continuation)
                let worker = Task {
                    do {
                        outcome.finish(.success(try await work()))
                    } catch {
                        outcome.finish(.failure(error))
                    }
                }
                let timer = Task {
                    try? await Task.sleep(until: deadline, clock: .continuous)
                    outcome.finish(.failure(RPCError(.deadlineExceeded, "deadline exceeded before \(method) finished")))
                }
                outcome.onCancel {
                    worker.cancel(); timer.cancel()
                }
            }
        } onCancel: {
            outcome.cancel()
        }
    }

    /// The first result wins; later ones are dropped.
    private final class Outcome: Sendable {
        private struct State {
            var continuation: CheckedContinuation<Data, any Error>?
            var done = false
            var cancelled = false
            var cancelAction: (@Sendable () -> Void)?
        }
        private let state = Mutex(State())

        func install(_ continuation: CheckedContinuation<Data, any Error>) {
            state.withLock { $0.continuation = continuation }
        }

        /// Registers what cancelling does; runs it at once if already cancelled.
        func onCancel(_ action: @escaping @Sendable () -> Void) {
            let runNow = state.withLock { state -> Bool in
                state.cancelAction = action
                return state.cancelled
            }
            if runNow { action() }
        }

        func cancel() {
            let action = state.withLock { state -> (@Sendable () -> Void)? in
                state.cancelled = true
                return state.cancelAction
            }
            action?()
            finish(.failure(CancellationError()))
        }

        /// Resumes the caller with `result` if nothing did before; true if this one did.
        @discardableResult
        func finish(_ result: Result<Data, any Error>) -> Bool {
            let continuation = state.withLock { state -> CheckedContinuation<Data, any Error>? in
                guard !state.done, let continuation = state.continuation else { return nil }
                state.done = true
                state.continuation = nil
                return continuation
            }
            guard let continuation else { return false }
            continuation.resume(with: result)
            // The loser is no longer needed: stop the timer, or cancel the late worker.
            state.withLock { $0.cancelAction }?()
            return true
        }
    }
}
