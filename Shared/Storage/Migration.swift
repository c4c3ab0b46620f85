/// One step of a schema: SQL applied once, in its own transaction. Append-only: never edit a landed step.
///
/// A step's schema version is its position in the list, counting from 1, recorded in
/// `PRAGMA user_version` in the same transaction. A service's list is its own steps with the
/// shared ones (`Outbox.migrations`, `Inbox.migrations`) placed where they were first added.
package struct Migration: Sendable, Equatable {
    /// A short name for errors and logs, e.g. "create referrals".
    package let name: String
    /// One or more `;`-separated statements; tables should be STRICT.
    package let sql: String

    /// A step named `name` running `sql`.
    package init(_ name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// The schema versions before and after `Database.migrate`.
package struct MigrationResult: Sendable, Equatable {
    /// The version the file had.
    package let previousVersion: Int
    /// The version it has now: the number of steps.
    package let currentVersion: Int

    /// A change from `previousVersion` to `currentVersion`.
    package init(previousVersion: Int, currentVersion: Int) {
        self.previousVersion = previousVersion
        self.currentVersion = currentVersion
    }
}

extension Database {
    /// Applies the steps the file has not had yet, each in its own transaction, in order.
    ///
    /// Refuses, changing nothing, a file whose version is higher than `migrations.count`: it
    /// was written by newer code whose schema this code does not know. A step that fails is
    /// rolled back and reported with its version and name; earlier steps stay applied.
    @discardableResult
    package func migrate(_ migrations: [Migration]) async throws -> MigrationResult {
        try await onWriter { connection in try Migrator(connection: connection).apply(migrations) }
    }

    /// The file's schema version, `PRAGMA user_version`.
    package func schemaVersion() async throws -> Int {
        try await read { connection in try connection.value("PRAGMA user_version") ?? 0 }
    }
}

/// Applies migration steps on the writer connection.
struct Migrator {
    /// The writer connection, outside any transaction.
    let connection: Connection

    /// Applies the missing steps; see `Database.migrate`.
    func apply(_ migrations: [Migration]) throws -> MigrationResult {
        let previous = try version()
        guard previous <= migrations.count else {
            throw StorageError.schemaNewerThanCode(databaseVersion: previous, codeVersion: migrations.count)
        }
        while true {
            try connection.executeScript("BEGIN IMMEDIATE")
            do {
                // Read again under the write lock: another process may have migrated meanwhile.
                let current = try version()
                guard current < migrations.count else {
                    try connection.executeScript("COMMIT")
                    guard current == migrations.count else {
                        throw StorageError.schemaNewerThanCode(databaseVersion: current, codeVersion: migrations.count)
                    }
                    return MigrationResult(previousVersion: previous, currentVersion: current)
                }
                let step = migrations[current]
                do {
                    try connection.executeScript(step.sql)
                } catch let error as DatabaseError {
                    throw StorageError.migrationFailed(version: current + 1, name: step.name, cause: error)
                }
                // PRAGMA takes no bound parameters; the value is an Int we computed.
                try connection.executeScript("PRAGMA user_version = \(current + 1); COMMIT")
            } catch {
                if connection.isInTransaction { try? connection.executeScript("ROLLBACK") }
                throw error
            }
        }
    }

    private func version() throws -> Int {
        try connection.value("PRAGMA user_version") ?? 0
    }
}
