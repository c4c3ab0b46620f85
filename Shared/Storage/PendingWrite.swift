/// One caller's write waiting for, or running in, a group-committed transaction.
protocol PendingWrite: Sendable {
    /// How many transactions had been answered when this write was queued (see `WriterLoop`).
    var queuedAfter: Int { get }
    /// Runs the caller's closure inside its savepoint and returns how to answer the caller
    /// with its value once the COMMIT has succeeded; throws the closure's error.
    func perform(_ transaction: WriteTransaction) throws -> @Sendable () -> Void
    /// Answers the caller with an error: its own, or the one that lost its batch.
    func fail(_ error: any Error)
}

/// A pending write whose closure returns a `T` to its caller.
struct TypedPendingWrite<T: Sendable>: PendingWrite {
    /// The caller's closure.
    let body: @Sendable (WriteTransaction) throws -> T
    /// The suspended caller.
    let continuation: CheckedContinuation<T, any Error>
    /// How many transactions had been answered when this write was queued.
    let queuedAfter: Int

    /// Runs the closure; the returned acknowledgement hands its value to the caller.
    func perform(_ transaction: WriteTransaction) throws -> @Sendable () -> Void {
        let value = try body(transaction)
        return { continuation.resume(returning: value) }
    }

    /// Resumes the caller with `error`.
    func fail(_ error: any Error) {
        continuation.resume(throwing: error)
    }
}
