/// Work for the writer thread, in arrival order.
enum WriterJob: Sendable {
    /// A `Database.write` closure, grouped with its neighbours into one COMMIT.
    case write(any PendingWrite)
    /// Work that needs the writer connection to itself, outside any transaction (migrations).
    case exclusive(@Sendable (Connection) -> Void)
    /// Stop after the jobs before this one; the callback runs once the connection is closed.
    case stop((@Sendable () -> Void)?)
}

/// Work for one of the reader threads.
enum ReaderJob: Sendable {
    /// A read, a backup or an integrity check on that thread's connection.
    case run(@Sendable (Connection) -> Void)
    /// Stop this thread; the callback runs once its connection is closed.
    case stop((@Sendable () -> Void)?)
}
