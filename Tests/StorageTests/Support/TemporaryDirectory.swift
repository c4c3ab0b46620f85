import Foundation
import Storage
import TestSupport

/// A fresh directory for one test's files, removed when the test is done with it.
struct TemporaryDirectory: Sendable {
    /// The directory.
    let url: URL

    /// Creates a uniquely named directory under the system temporary directory.
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-storage-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// The path of a file named `name` inside the directory.
    func path(_ name: String) -> String {
        url.appendingPathComponent(name).path
    }

    /// Deletes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Opens a new database file in a temporary directory, migrated with `migrations`, hands it to
/// `body`, then closes it and deletes the directory whatever `body` did.
func withDatabase<T>(
    _ migrations: [Migration] = [], configuration: DatabaseConfiguration = DatabaseConfiguration(readerCount: 2),
    _ body: (Database, TemporaryDirectory) async throws -> T
) async throws -> T {
    let directory = try TemporaryDirectory()
    defer { directory.remove() }
    let database = try await Database.open(atPath: directory.path("test.sqlite"), configuration: configuration)
    return try await withStopping(database, stop: { await $0.close() }) { database in
        try await database.migrate(migrations)
        return try await body(database, directory)
    }
}

/// An error a test's write closure throws on purpose.
struct DeliberateFailure: Error, Equatable {
    /// Which caller threw it.
    var tag = 0
}
