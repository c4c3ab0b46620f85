// storage-bench: durable single-row inserts per second through Storage's Database.
//
// usage: storage-bench <directory> [writes] [concurrent-writers] [group-commit-window-microseconds]
//
// Prints two lines, "single <writes> <seconds> <writes/s>" and "group ...", for
//   single  one write at a time, each its own transaction: one fsync per write;
//   group   <concurrent-writers> tasks writing at once, which the writer groups into shared commits.
// Driven by Tests/Benchmarks/storage-bench.sh, which also times the sqlite3 tool for comparison.
import Foundation
import Storage

/// One small row per write, as a hand-over or an audit entry would be.
let schema = [
    Migration("bench", sql: "CREATE TABLE bench (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload BLOB NOT NULL) STRICT")
]
let payload = Data(repeating: 0x5a, count: 100)

/// Opens a fresh database in `directory` named `name`, runs `body`, and returns its duration.
func timed(_ directory: String, _ name: String, _ body: @Sendable (Database) async throws -> Void) async throws -> (
    Duration, WriteStatistics
) {
    let database = try await Database.open(atPath: directory + "/" + name + ".sqlite", configuration: configuration)
    try await database.migrate(schema)
    let clock = ContinuousClock()
    let start = clock.now
    try await body(database)
    let elapsed = clock.now - start
    let statistics = database.writeStatistics
    await database.close()
    return (elapsed, statistics)
}

/// Seconds as a Double.
func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

/// Prints one result line.
func report(_ label: String, writes: Int, _ elapsed: Duration, _ statistics: WriteStatistics) {
    let elapsedSeconds = seconds(elapsed)
    let rate = Double(writes) / elapsedSeconds
    let perCommit = Double(statistics.committedWrites) / Double(max(1, statistics.commits))
    print(String(format: "%@ %d %.3f %.0f writes-per-commit=%.1f", label, writes, elapsedSeconds, rate, perCommit))
}

let arguments = CommandLine.arguments
guard arguments.count >= 2 else {
    let usage = "usage: storage-bench <directory> [writes] [concurrent-writers] [window-us]\n"
    FileHandle.standardError.write(Data(usage.utf8))
    exit(64)
}
let directory = arguments[1]
let writes = arguments.count > 2 ? max(1, Int(arguments[2]) ?? 2000) : 2000
let writers = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 16) : 16
/// The Database defaults, or another group-commit window to see what gathering is worth.
let configuration: DatabaseConfiguration = {
    var configuration = DatabaseConfiguration()
    if arguments.count > 4, let microseconds = Int(arguments[4]) {
        configuration.groupCommitWindow = .microseconds(microseconds)
    }
    return configuration
}()

do {
    let (singleTime, singleStatistics) = try await timed(directory, "single") { database in
        for _ in 0..<writes {
            try await database.write { tx in
                try tx.execute("INSERT INTO bench (writer, payload) VALUES (?, ?)", 0, payload)
            }
        }
    }
    report("single", writes: writes, singleTime, singleStatistics)

    let perWriter = (writes + writers - 1) / writers
    let (groupTime, groupStatistics) = try await timed(directory, "group") { database in
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    for _ in 0..<perWriter {
                        try await database.write { tx in
                            try tx.execute("INSERT INTO bench (writer, payload) VALUES (?, ?)", writer, payload)
                        }
                    }
                }
            }
            try await group.waitForAll()
        }
    }
    report("group", writes: perWriter * writers, groupTime, groupStatistics)
} catch {
    FileHandle.standardError.write(Data("storage-bench: \(error)\n".utf8))
    exit(1)
}
