import Foundation
import Synchronization

/// A SQLite database file: one writer connection with group commit, and a pool of readers.
///
/// WAL mode lets readers run while the writer writes. Every connection lives on its own
/// thread, so SQLite never runs on the caller's thread, and the async `read` and `write`
/// suspend the caller instead. Writes are serialised on the one writer; those that arrive
/// together are committed with one fsync (see `GroupCommit`). With `synchronous=FULL`, a
/// `write` that returns has reached the disk.
package final class Database: Sendable {
    /// The file's path.
    package let path: String
    /// How it was opened.
    let configuration: DatabaseConfiguration
    private let writer: JobQueue<WriterJob>
    private let readers: JobQueue<ReaderJob>
    private let statistics: WriterStatistics

    private init(
        path: String, configuration: DatabaseConfiguration, writer: JobQueue<WriterJob>, readers: JobQueue<ReaderJob>,
        statistics: WriterStatistics
    ) {
        self.path = path
        self.configuration = configuration
        self.writer = writer
        self.readers = readers
        self.statistics = statistics
    }

    /// Opens (creating if needed) the database at `path`, in WAL mode with `synchronous=FULL`,
    /// foreign keys on and a busy timeout. Run `migrate` next.
    package static func open(
        atPath path: String, configuration: DatabaseConfiguration = DatabaseConfiguration()
    ) async throws -> Database {
        let writer = JobQueue<WriterJob>()
        let readers = JobQueue<ReaderJob>()
        let statistics = WriterStatistics()
        let timeout = configuration.busyTimeoutMilliseconds
        let cacheCapacity = configuration.statementCacheCapacity
        // The writer first: it switches the file to WAL, which the readers then find.
        try await SQLiteThread.start(
            named: "sqlite-writer",
            open: {
                try Connection(
                    path: path, role: .writer, busyTimeoutMilliseconds: timeout,
                    statementCacheCapacity: cacheCapacity)
            },
            loop: { connection in
                WriterLoop(
                    connection: connection, queue: writer,
                    groupCommit: GroupCommit(connection: connection, statistics: statistics),
                    maxBatchSize: configuration.maxBatchSize, window: configuration.groupCommitWindow
                ).run()
            })
        let database = Database(
            path: path, configuration: configuration, writer: writer, readers: readers, statistics: statistics)
        for index in 0..<configuration.readerCount {
            // On failure `database` is released here, and its deinit stops the threads already started.
            try await SQLiteThread.start(
                named: "sqlite-reader-\(index)",
                open: {
                    try Connection(
                        path: path, role: .reader, busyTimeoutMilliseconds: timeout,
                        statementCacheCapacity: cacheCapacity)
                },
                loop: { connection in readerLoop(connection, readers) })
        }
        return database
    }

    deinit {
        _ = writer.close(appending: [.stop(nil)])
        _ = readers.close(appending: Array(repeating: .stop(nil), count: configuration.readerCount))
    }

    /// Runs `body` in a write transaction and returns its value once the transaction is durable.
    ///
    /// If `body` throws, its changes are rolled back and the error is rethrown; writes grouped
    /// with it are unaffected. If the COMMIT fails, the write is not durable and this throws.
    /// The write is not cancellable once queued: cancellation cannot undo a COMMIT. The task's
    /// `WriteCompanion` for this database, if any, runs in the same transaction after `body`.
    @discardableResult
    package func write<T: Sendable>(_ body: @escaping @Sendable (WriteTransaction) throws -> T) async throws -> T {
        guard let companion = WriteCompanion.current, companion.database === self else { return try await enqueue(body) }
        let value = try await enqueue { tx in
            let value = try body(tx)
            try companion.alongside(tx, value)
            return value
        }
        companion.committed()
        return value
    }

    private func enqueue<T: Sendable>(_ body: @escaping @Sendable (WriteTransaction) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let pending = TypedPendingWrite(
                body: body, continuation: continuation, queuedAfter: statistics.answeredTransactions)
            if !writer.push(.write(pending)) { continuation.resume(throwing: StorageError.closed) }
        }
    }

    /// Runs `body` on a reader connection inside one read transaction, so every query in it sees
    /// the same committed snapshot, and returns its value. Writing through the connection fails.
    package func read<T: Sendable>(_ body: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await onReader { connection in
            try connection.cachedStatement("BEGIN DEFERRED").execute([])
            do {
                let value = try body(connection)
                try connection.cachedStatement("COMMIT").execute([])
                return value
            } catch {
                if connection.isInTransaction { try? connection.cachedStatement("ROLLBACK").execute([]) }
                throw error
            }
        }
    }

    /// What the writer has done so far, and how many writes wait for it.
    package var writeStatistics: WriteStatistics {
        var snapshot = statistics.snapshot
        snapshot.queuedWrites = writer.count
        return snapshot
    }

    /// Finishes the queued work, then closes every connection. Later calls throw `StorageError.closed`.
    package func close() async {
        await withCheckedContinuation { (stopped: CheckedContinuation<Void, Never>) in
            let remaining = Countdown(configuration.readerCount + 1) { stopped.resume() }
            let writerStopping = writer.close(appending: [.stop(remaining.signal)])
            let readersStopping = readers.close(
                appending: Array(repeating: .stop(remaining.signal), count: configuration.readerCount))
            // Already closed: nothing was queued that would ever signal.
            if !writerStopping || !readersStopping { stopped.resume() }
        }
    }

    /// Runs `work` on the writer connection alone, between batches and outside any transaction.
    func onWriter<T: Sendable>(_ work: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = WriterJob.exclusive { connection in continuation.resume(with: Result { try work(connection) }) }
            if !writer.push(job) { continuation.resume(throwing: StorageError.closed) }
        }
    }

    /// Runs `work` on a reader connection, outside any transaction.
    func onReader<T: Sendable>(_ work: @escaping @Sendable (Connection) throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let job = ReaderJob.run { connection in continuation.resume(with: Result { try work(connection) }) }
            if !readers.push(job) { continuation.resume(throwing: StorageError.closed) }
        }
    }

    /// A reader thread: runs reads one after another on its connection.
    private static func readerLoop(_ connection: Connection, _ queue: JobQueue<ReaderJob>) -> (@Sendable () -> Void)? {
        while true {
            switch queue.pop() {
            case .run(let work): work(connection)
            case .stop(let onStopped): return onStopped
            case nil: continue
            }
        }
    }
}

/// Runs an action when it has been signalled a given number of times: "every thread has stopped".
final class Countdown: Sendable {
    private let remaining: Mutex<Int>
    private let action: @Sendable () -> Void

    /// Runs `action` on the `count`th signal.
    init(_ count: Int, action: @escaping @Sendable () -> Void) {
        remaining = Mutex(count)
        self.action = action
    }

    /// One more done.
    @Sendable func signal() {
        if remaining.withLock({
            $0 -= 1; return $0 == 0
        }) {
            action()
        }
    }
}
