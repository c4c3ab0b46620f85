/// Runs a batch of writes that arrived together in one transaction, so they share one fsync.
///
/// Each caller's closure runs in its own SAVEPOINT inside one `BEGIN IMMEDIATE ... COMMIT`.
/// A closure that throws is rolled back to its savepoint and only its caller gets the error;
/// the others carry on. No caller is answered before the COMMIT covering it succeeded, and
/// if that COMMIT fails every caller in the batch gets the error, because none of it is durable.
struct GroupCommit {
    /// The writer connection.
    let connection: Connection
    /// Where committed and failed writes are counted.
    let statistics: WriterStatistics

    /// Runs every write of `batch`, in order, and answers each caller.
    func run(_ batch: [any PendingWrite]) {
        var remaining = batch[...]
        while !remaining.isEmpty {
            remaining = runTransaction(remaining)
        }
    }

    /// Runs writes in one transaction; returns those left for a fresh transaction when SQLite
    /// abandoned this one part way through.
    private func runTransaction(_ writes: ArraySlice<any PendingWrite>) -> ArraySlice<any PendingWrite> {
        do {
            try run("BEGIN IMMEDIATE")
        } catch {
            answer(succeeded: [], failed: writes.map { ($0, error) }, batchError: error)
            return []
        }
        var succeeded: [(write: any PendingWrite, acknowledge: @Sendable () -> Void)] = []
        var failed: [(write: any PendingWrite, error: any Error)] = []
        for index in writes.indices {
            let write = writes[index]
            do {
                try run("SAVEPOINT cspr_write")
                let acknowledge = try write.perform(WriteTransaction(connection: connection))
                try run("RELEASE cspr_write")
                succeeded.append((write, acknowledge))
            } catch {
                if undoSavepoint() {
                    failed.append((write, error))
                    continue
                }
                // SQLite rolled back the whole transaction (disk full, I/O error), or the savepoint
                // could not be undone: the earlier callers' work went with it, so they share this
                // error; the writes not yet run get a fresh transaction.
                rollBack()
                failed.append((write, error))
                answer(succeeded: succeeded, failed: failed, batchError: error)
                return writes[(index + 1)...]
            }
        }
        do {
            try run("COMMIT")
        } catch {
            rollBack()
            answer(succeeded: succeeded, failed: failed, batchError: error)
            return []
        }
        answer(succeeded: succeeded, failed: failed, batchError: nil)
        return []
    }

    /// Answers every caller: successes with their value, or with `batchError` when the transaction was lost.
    private func answer(
        succeeded: [(write: any PendingWrite, acknowledge: @Sendable () -> Void)],
        failed: [(write: any PendingWrite, error: any Error)], batchError: (any Error)?
    ) {
        statistics.record(
            committed: batchError == nil ? succeeded.count : 0,
            failed: failed.count + (batchError == nil ? 0 : succeeded.count),
            commits: batchError == nil && !succeeded.isEmpty ? 1 : 0)
        for (write, acknowledge) in succeeded {
            if let batchError { write.fail(batchError) } else { acknowledge() }
        }
        for (write, error) in failed { write.fail(error) }
    }

    /// Rolls back to the caller's savepoint and leaves it; false when the outer transaction is gone.
    private func undoSavepoint() -> Bool {
        guard connection.isInTransaction else { return false }
        do {
            try run("ROLLBACK TO cspr_write")
            try run("RELEASE cspr_write")
            return true
        } catch {
            return false
        }
    }

    private func rollBack() {
        if connection.isInTransaction { try? run("ROLLBACK") }
    }

    private func run(_ sql: String) throws {
        // Cached: these few statements run for every write; parsing them each time is wasted work.
        try connection.cachedStatement(sql).execute([])
    }
}
