import Dispatch

/// The writer thread's loop: takes the jobs that have queued up and commits the writes among
/// them together (`GroupCommit`), running exclusive jobs between batches.
///
/// Gathering. While one batch fsyncs, the callers of the previous one are being answered and
/// cannot queue their next write yet, so with n steady writers the batches can settle at n/2
/// each, alternating (an earlier version of this loop did exactly that). So after taking what
/// is queued the loop waits up to `window` for the writers it has reason to expect: those
/// answered with the last transaction plus those already queued before that answer (the rest
/// of the queue may be the answered callers returning). A lone writer is never expected back
/// while queued, so it never waits. How much the window adds depends on the scheduler; see
/// Tests/Benchmarks/README-storage.md.
struct WriterLoop {
    /// The writer connection.
    let connection: Connection
    /// The jobs.
    let queue: JobQueue<WriterJob>
    /// Runs batches of writes.
    let groupCommit: GroupCommit
    /// The most writes in one transaction.
    let maxBatchSize: Int
    /// The longest wait for expected writers; zero turns gathering off.
    let window: Duration

    /// Runs until a stop job; returns its callback.
    func run() -> (@Sendable () -> Void)? {
        var lastBatchSize = 0
        while true {
            let jobs = queue.take(claimBatch(expecting: lastBatchSize))
            var batch: [any PendingWrite] = []
            for job in jobs {
                switch job {
                case .write(let write):
                    batch.append(write)
                case .exclusive(let work):
                    groupCommit.run(batch)
                    batch = []
                    work(connection)
                case .stop(let onStopped):
                    groupCommit.run(batch)
                    return onStopped
                }
            }
            groupCommit.run(batch)
            lastBatchSize = batch.count
        }
    }

    /// Waits for work, then claims what is queued and, within the window, the writers expected.
    private func claimBatch(expecting lastBatchSize: Int) -> Int {
        _ = queue.claim()
        var claimed = 1
        while claimed < maxBatchSize, queue.claim(until: .now()) { claimed += 1 }
        guard window > .zero, lastBatchSize > 0 else { return claimed }
        let answered = groupCommit.statistics.answeredTransactions
        let queuedBeforeAnswer = queue.peek(claimed) { jobs in
            jobs.reduce(0) { count, job in
                guard case .write(let write) = job else { return count }
                return write.queuedAfter < answered ? count + 1 : count
            }
        }
        let expected = min(maxBatchSize, lastBatchSize + queuedBeforeAnswer)
        let (seconds, attoseconds) = window.components
        let deadline = DispatchTime.now() + .nanoseconds(Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000))
        while claimed < expected, queue.claim(until: deadline) { claimed += 1 }
        return claimed
    }
}
