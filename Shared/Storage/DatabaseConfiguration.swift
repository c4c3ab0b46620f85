/// How a `Database` is opened: threads, waits and batch sizes. The defaults suit one service on one machine.
package struct DatabaseConfiguration: Sendable {
    /// Reader connections, each on its own thread; reads beyond this many wait their turn.
    package var readerCount: Int
    /// How long a connection waits for a lock another process holds before failing with `.busy`.
    package var busyTimeout: Duration
    /// The most writes committed together in one transaction, bounding one batch's latency.
    package var maxBatchSize: Int
    /// Compiled statements kept per connection.
    package var statementCacheCapacity: Int
    /// How long the writer may wait for concurrent writers it expects, to commit them together;
    /// zero disables the wait. A lone writer never waits. See `WriterLoop`.
    package var groupCommitWindow: Duration

    /// A configuration; every parameter has a working default.
    package init(
        readerCount: Int = 4, busyTimeout: Duration = .seconds(5), maxBatchSize: Int = 256,
        statementCacheCapacity: Int = 64, groupCommitWindow: Duration = .microseconds(250)
    ) {
        self.readerCount = max(1, readerCount)
        self.busyTimeout = busyTimeout
        self.maxBatchSize = max(1, maxBatchSize)
        self.statementCacheCapacity = max(1, statementCacheCapacity)
        self.groupCommitWindow = max(.zero, groupCommitWindow)
    }

    /// The busy timeout in whole milliseconds, as `sqlite3_busy_timeout` takes it.
    var busyTimeoutMilliseconds: Int32 {
        let (seconds, attoseconds) = busyTimeout.components
        let milliseconds = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        return Int32(clamping: max(0, milliseconds))
    }
}
