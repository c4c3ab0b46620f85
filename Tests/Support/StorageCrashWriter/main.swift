// StorageCrashWriter: writes rows until it is killed, printing each row's id once its write is
// acknowledged (committed durably). The crash test SIGKILLs it at a random point, reopens the
// file and checks that every printed id is there.
//
// usage: StorageCrashWriter <database-path> <single|group> [concurrent-writers]
//   single  one write at a time, one transaction (one fsync) each
//   group   concurrent writers whose writes the database groups into shared commits
import Foundation
import Storage

/// The writer's table: each row's id is the id printed once it is acknowledged.
let schema = [
    Migration("acks", sql: "CREATE TABLE acks (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, payload BLOB NOT NULL) STRICT")
]

/// A safety stop, so an orphaned writer cannot run forever if its test dies before killing it.
let maximumWrites: Int64 = 200_000

/// Prints one acknowledged id with one write(2), unbuffered, so a kill cannot lose or tear a printed line.
func acknowledge(_ id: Int64) {
    FileHandle.standardOutput.write(Data("\(id)\n".utf8))
}

/// Writes ids `first`, `first + stride`, ... and acknowledges each after its write returns.
func writeForever(_ database: Database, writer: Int, first: Int64, stride: Int64) async throws {
    var id = first
    while id < first + maximumWrites * stride {
        let payload = Data((0..<Int.random(in: 16...2048)).map { _ in UInt8.random(in: 0...255) })
        try await database.write { [id] tx in
            try tx.execute("INSERT INTO acks (id, writer, payload) VALUES (?, ?, ?)", id, writer, payload)
        }
        acknowledge(id)
        id += stride
    }
}

let arguments = CommandLine.arguments
guard arguments.count >= 3, ["single", "group"].contains(arguments[2]) else {
    FileHandle.standardError.write(Data("usage: StorageCrashWriter <database-path> <single|group> [writers]\n".utf8))
    exit(64)
}
do {
    let database = try await Database.open(atPath: arguments[1])
    try await database.migrate(schema)
    // Continue above any ids a previous run left, so reruns on one file never collide.
    let start: Int64 = (try await database.read { conn in try conn.value("SELECT max(id) FROM acks") ?? 0 }) + 1
    if arguments[2] == "single" {
        try await writeForever(database, writer: 0, first: start, stride: 1)
    } else {
        let writers = arguments.count > 3 ? max(1, Int(arguments[3]) ?? 8) : 8
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<writers {
                group.addTask {
                    try await writeForever(
                        database, writer: writer, first: start + Int64(writer), stride: Int64(writers))
                }
            }
            try await group.waitForAll()
        }
    }
    await database.close()
} catch {
    FileHandle.standardError.write(Data("StorageCrashWriter: \(error)\n".utf8))
    exit(1)
}
