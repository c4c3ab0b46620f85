import Dispatch
import Synchronization

/// A blocking first-in-first-out queue from async callers to the dedicated SQLite threads.
///
/// Callers push and never block; SQLite threads block while there is nothing to do. The
/// semaphore counts jobs pushed: each job is appended and signalled under the lock, so a
/// consumer that has claimed n signals always finds at least n jobs, and every job `count`
/// reports can be claimed at once.
final class JobQueue<Job: Sendable>: Sendable {
    private struct State {
        var jobs: [Job] = []
        var isClosed = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    /// Appends a job; false when the queue is closed and the job will never run.
    func push(_ job: Job) -> Bool {
        state.withLock { state in
            guard !state.isClosed else { return false }
            state.jobs.append(job)
            available.signal()
            return true
        }
    }

    /// Refuses further jobs and appends `finalJobs` (stop orders) behind those already queued.
    /// False when the queue was already closed, in which case nothing is appended.
    func close(appending finalJobs: [Job]) -> Bool {
        state.withLock { state in
            guard !state.isClosed else { return false }
            state.isClosed = true
            state.jobs.append(contentsOf: finalJobs)
            for _ in finalJobs { available.signal() }
            return true
        }
    }

    /// Waits for the next job and takes it; for any number of consumers.
    func pop() -> Job? {
        available.wait()
        return take(1).first
    }

    /// Claims one more job, waiting until `deadline` at most; false if none came. The claimed
    /// jobs are taken with `take`. For a single consumer, which must take what it claims.
    func claim(until deadline: DispatchTime = .distantFuture) -> Bool {
        available.wait(timeout: deadline) == .success
    }

    /// Looks at the first `count` jobs without taking them.
    func peek<Result>(_ count: Int, _ body: (ArraySlice<Job>) -> Result) -> Result {
        state.withLock { body($0.jobs.prefix(count)) }
    }

    /// Takes the first `count` jobs, which the caller has claimed.
    func take(_ count: Int) -> [Job] {
        state.withLock { state in
            let taken = Array(state.jobs.prefix(count))
            state.jobs.removeFirst(taken.count)
            return taken
        }
    }

    /// Jobs waiting to be taken.
    var count: Int { state.withLock { $0.jobs.count } }
}
