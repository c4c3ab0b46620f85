import Foundation

extension Thread {
    /// Names the calling thread as the system sees it (its `comm`, 15 characters on Linux);
    /// Foundation's `Thread.current.name` setter, called as a thread starts, sometimes misses.
    /// (H2 has the same helper: Storage depends on neither H2 nor anything but SQLite.)
    static func nameSQLiteThread(_ name: String) {
        if (try? name.write(toFile: "/proc/thread-self/comm", atomically: false, encoding: .utf8)) == nil {
            Thread.current.name = name
        }
    }
}
