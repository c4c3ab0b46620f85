import Foundation

extension Database {
    /// Copies the database, as of one committed snapshot, to `destination` while reads and
    /// writes go on. The copy is written beside it as `<destination>.partial` and renamed into
    /// place only when complete, so `destination` is never a half-written file; an existing
    /// file there is replaced.
    package func backup(to destination: String) async throws {
        let timeout = configuration.busyTimeoutMilliseconds
        try await onReader { connection in
            let partial = destination + ".partial"
            try? FileManager.default.removeItem(atPath: partial)
            do {
                try connection.backup(toNewFileAt: partial, busyTimeoutMilliseconds: timeout)
                guard rename(partial, destination) == 0 else {
                    throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: destination])
                }
            } catch {
                try? FileManager.default.removeItem(atPath: partial)
                throw error
            }
        }
    }

    /// Runs `PRAGMA integrity_check` and returns the problems it lists; empty means the file is sound.
    package func integrityCheck() async throws -> [String] {
        let rows = try await read { connection in try connection.query("PRAGMA integrity_check") }
        let messages = try rows.map { row -> String in try row[0] }
        return messages == ["ok"] ? [] : messages
    }
}
