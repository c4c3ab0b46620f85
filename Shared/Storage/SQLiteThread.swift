import Foundation

/// Starts the dedicated threads SQLite runs on, so it never blocks a caller's (perhaps event-loop) thread.
enum SQLiteThread {
    /// Starts a thread that opens its connection, then runs `loop` on it until `loop` returns.
    ///
    /// Returns once the connection is open, or throws why it could not be. The connection is
    /// made, used and closed on the thread itself; it never crosses to another. `loop` returns
    /// a stop callback, which runs after the connection has been closed.
    static func start(
        named name: String, open: @escaping @Sendable () throws -> Connection,
        loop: @escaping @Sendable (Connection) -> (@Sendable () -> Void)?
    ) async throws {
        try await withCheckedThrowingContinuation { (opened: CheckedContinuation<Void, any Error>) in
            let thread = Thread {
                // Named from inside: on Linux, Foundation does not apply a name set before `start()`
                // (and Linux keeps at most 15 characters of it).
                Thread.nameSQLiteThread(name)
                let onStopped: (@Sendable () -> Void)?
                do {
                    let connection = try open()
                    opened.resume()
                    onStopped = loop(connection)
                } catch {
                    opened.resume(throwing: error)
                    return
                }
                // The connection went out of scope with the do block above: it is closed now.
                onStopped?()
            }
            thread.start()
        }
    }
}
