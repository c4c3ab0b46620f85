import Dispatch
import Synchronization

/// A blocking first-in-first-out queue from async callers to the dedicated SQLite threads.
///
/// Callers push and never block; SQLite threads block in `pop` while there is nothing to do.
/// The semaphore counts jobs pushed; each job is pushed before it is signalled, so a thread
/// woken by the semaphore always finds at least one job under the lock.
final class JobQueue<Job: Sendable>: Sendable {
    private struct State {
        var jobs: [Job] = []
        var isClosed = false
    }

    private let state = Mutex(State())
    private let available = DispatchSemaphore(value: 0)

    /// Appends a job; false when the queue is closed and the job will never run.
    func push(_ job: Job) -> Bool {
        let accepted = state.withLock { state in
            guard !state.isClosed else { return false }
            state.jobs.append(job)
            return true
        }
        if accepted { available.signal() }
        return accepted
    }

    /// Refuses further jobs and appends `finalJobs` (stop orders) behind those already queued.
    /// False when the queue was already closed, in which case nothing is appended.
    func close(appending finalJobs: [Job]) -> Bool {
        let closed = state.withLock { state in
            guard !state.isClosed else { return false }
            state.isClosed = true
            state.jobs.append(contentsOf: finalJobs)
            return true
        }
        if closed { for _ in finalJobs { available.signal() } }
        return closed
    }

    /// Waits for the next job and takes it.
    func pop() -> Job? {
        available.wait()
        return state.withLock { $0.jobs.isEmpty ? nil : $0.jobs.removeFirst() }
    }

    /// Waits for at least one job, then takes every job queued, up to `limit`: for one consumer only.
    func popAll(limit: Int) -> [Job] {
        available.wait()
        let taken = state.withLock { state in
            let count = min(max(1, limit), state.jobs.count)
            let taken = Array(state.jobs.prefix(count))
            state.jobs.removeFirst(count)
            return taken
        }
        // One signal was consumed above; consume the others' too (each was or is about to be sent).
        for _ in taken.dropFirst() { available.wait() }
        return taken
    }

    /// Jobs waiting to be taken.
    var count: Int { state.withLock { $0.jobs.count } }
}
