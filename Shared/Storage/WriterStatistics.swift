import Synchronization

/// Counts of the writer's work, for metrics and for seeing group commit at work.
package struct WriteStatistics: Sendable, Equatable {
    /// Write closures whose COMMIT succeeded.
    package var committedWrites = 0
    /// Write closures that threw, or whose transaction was lost.
    package var failedWrites = 0
    /// Transactions committed: fsyncs of the WAL. Fewer than `committedWrites` means writes were grouped.
    package var commits = 0
    /// Transactions whose callers have been answered, committed or not.
    package var answeredTransactions = 0
    /// Writes (and other writer jobs) queued and not yet taken by the writer.
    package var queuedWrites = 0
}

/// The writer thread's running counts, readable from any thread.
final class WriterStatistics: Sendable {
    private let counts = Mutex(WriteStatistics())

    /// Adds one transaction's outcome; called before its callers are answered.
    func record(committed: Int, failed: Int, commits: Int) {
        counts.withLock {
            $0.committedWrites += committed
            $0.failedWrites += failed
            $0.commits += commits
            $0.answeredTransactions += 1
        }
    }

    /// Transactions answered so far.
    var answeredTransactions: Int { counts.withLock { $0.answeredTransactions } }

    /// The counts so far.
    var snapshot: WriteStatistics { counts.withLock { $0 } }
}
