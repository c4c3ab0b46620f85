import Foundation

/// One named step of a schema: SQL applied once, recorded by its name in `schema_steps`.
///
/// Append-only: never edit or rename a landed step, because its name is what a database
/// remembers. Lists owned by different code (ServiceKit's tables and a service's own) can each
/// grow without renumbering the other, which one counter (`PRAGMA user_version`) could not.
package struct Migration: Sendable, Equatable {
    /// The name recorded in `schema_steps`, unique within a list, e.g. "servicekit/outbox".
    package let name: String
    /// One or more `;`-separated statements; tables should be STRICT.
    package let sql: String

    /// A step named `name` running `sql`.
    package init(_ name: String, sql: String) {
        self.name = name
        self.sql = sql
    }
}

/// What `Database.migrate` did.
package struct MigrationResult: Sendable, Equatable {
    /// The names of the steps this call applied, in order; empty when the file was up to date.
    package let applied: [String]
    /// How many steps the code knows; all of them are applied now.
    package let total: Int

    /// A result that applied `applied` out of `total` known steps.
    package init(applied: [String], total: Int) {
        self.applied = applied
        self.total = total
    }
}

extension Database {
    /// Applies the steps the file has not had yet, in list order, as one job on the writer.
    ///
    /// Each step runs in its own `BEGIN IMMEDIATE` transaction that first reads which steps are
    /// applied: the write lock is held from that read to the step's COMMIT, so two processes
    /// opening the same file at once cannot both apply a step. A file holding a step this list
    /// does not know was written by newer code and is refused with
    /// `StorageError.schemaNewerThanCode`, changing nothing. A step that fails is rolled back and
    /// reported with its name (`StorageError.migrationFailed`); earlier steps stay applied.
    @discardableResult
    package func migrate(_ steps: [Migration]) async throws -> MigrationResult {
        precondition(Set(steps.map(\.name)).count == steps.count, "two schema steps share a name")
        return try await onWriter { connection in try Migrator(connection: connection).apply(steps) }
    }

    /// The names of the steps applied to the file, in the order they were applied; empty for a new file.
    package func appliedSteps() async throws -> [String] {
        try await read { connection in try Migrator.appliedSteps(connection) }
    }
}

/// Applies named schema steps on the writer connection.
struct Migrator {
    /// The table of applied steps; its name and columns are what existing databases hold.
    static let table = "CREATE TABLE IF NOT EXISTS schema_steps (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT"

    /// The writer connection, outside any transaction.
    let connection: Connection

    /// Applies the missing steps; see `Database.migrate`.
    func apply(_ steps: [Migration]) throws -> MigrationResult {
        let known = Set(steps.map(\.name))
        var applied: [String] = []
        while true {
            try connection.executeScript("BEGIN IMMEDIATE")
            do {
                // Created inside the transaction, so a refused file is left exactly as it was.
                try connection.executeScript(Self.table)
                // Read under the write lock: another process may have applied steps meanwhile.
                let done = Set(try Self.appliedSteps(connection))
                let unknown = done.subtracting(known)
                guard unknown.isEmpty else { throw StorageError.schemaNewerThanCode(unknownSteps: unknown.sorted()) }
                guard let step = steps.first(where: { !done.contains($0.name) }) else {
                    try connection.executeScript("COMMIT")
                    return MigrationResult(applied: applied, total: steps.count)
                }
                do {
                    try connection.executeScript(step.sql)
                } catch let error as DatabaseError {
                    throw StorageError.migrationFailed(step: step.name, cause: error)
                }
                try connection.execute("INSERT INTO schema_steps (name, applied_at) VALUES (?, ?)", step.name, Date())
                try connection.executeScript("COMMIT")
                applied.append(step.name)
            } catch {
                if connection.isInTransaction { try? connection.executeScript("ROLLBACK") }
                throw error
            }
        }
    }

    /// The applied steps' names in the order they were recorded; empty when there is no table yet.
    static func appliedSteps(_ connection: Connection) throws -> [String] {
        let exists: Int? = try connection.value("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_steps'")
        guard exists != nil else { return [] }
        return try connection.query("SELECT name FROM schema_steps ORDER BY rowid").map { try $0["name"] }
    }
}
