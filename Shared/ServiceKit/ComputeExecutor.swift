import Foundation
import H2
import Synchronization

/// A few threads of its own for CPU-heavy work: rendering a document, scanning a case file.
///
/// An async handler runs on the event loop that received its call (the loop is its task
/// executor), so a long computation there stalls every other connection on that loop; and a
/// SQLite reader thread borrowed for it is one fewer for reads. Work handed to `run` goes to
/// one of these threads instead, at most `threadCount` at a time, while the caller suspends.
package final class ComputeExecutor: Sendable {
    /// How many pieces of work can run at once.
    package let threadCount: Int
    private let jobs: ComputeJobs

    /// Starts `threadCount` threads named `name.0`, `name.1`, ...; by default one per core, two to four.
    package init(threadCount: Int = min(4, max(2, ProcessInfo.processInfo.activeProcessorCount)), name: String = "cspr.compute") {
        self.threadCount = max(1, threadCount)
        let jobs = ComputeJobs()
        self.jobs = jobs
        for index in 0..<self.threadCount {
            // The threads hold the job list, not the executor, so the executor's deinit can stop them.
            let threadName = "\(name).\(index)"
            // Named from inside: on Linux, Foundation does not apply a name set before `start()`.
            Thread {
                Thread.nameCurrent(threadName)
                jobs.work()
            }.start()
        }
    }

    deinit {
        for _ in 0..<threadCount { jobs.push(nil) }
    }

    /// Runs `work` on one of the executor's threads and returns its value, or rethrows its error.
    ///
    /// The caller suspends meanwhile. Not cancellable once queued: the work runs to the end and
    /// its result is returned even if the calling task was cancelled.
    package func run<T: Sendable, Failure: Error>(_ work: @escaping @Sendable () throws(Failure) -> T) async throws(Failure) -> T {
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, Failure>, Never>) in
            jobs.push { continuation.resume(returning: Result(catching: work)) }
        }
        return try result.get()
    }
}

/// The executor's queue: work waiting for a thread, and a semaphore counting it.
private final class ComputeJobs: Sendable {
    private let pending = Mutex<[(@Sendable () -> Void)?]>([])
    private let available = DispatchSemaphore(value: 0)

    /// Queues `job`; nil stops one thread.
    func push(_ job: (@Sendable () -> Void)?) {
        pending.withLock { $0.append(job) }
        available.signal()
    }

    /// A thread's life: runs jobs in arrival order until it takes a stop.
    func work() {
        while true {
            available.wait()
            guard let job = pending.withLock({ $0.removeFirst() }) else { return }
            job()
        }
    }
}
