import Dispatch
import Storage

/// Holds the writer thread inside one write, so the test can queue writes behind it and know
/// they will be committed together as the next batch: group commit made deterministic.
struct WriterGate: Sendable {
    private let gate = DispatchSemaphore(value: 0)

    /// Starts a write that blocks the writer until `open()`, and returns once it is running.
    func close(_ database: Database) async -> Task<Void, any Error> {
        let (running, signal) = AsyncStream<Void>.makeStream()
        let blocker = Task {
            try await database.write { [gate] _ in
                signal.yield()
                signal.finish()
                gate.wait()
            }
        }
        for await _ in running {}
        return blocker
    }

    /// Waits until `count` writes are queued behind the gate, then lets the writer go.
    func open(_ database: Database, whenQueued count: Int) async throws {
        while database.writeStatistics.queuedWrites < count {
            try await Task.sleep(for: .milliseconds(1))
        }
        gate.signal()
    }
}
