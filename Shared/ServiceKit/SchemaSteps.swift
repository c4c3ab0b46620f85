import Foundation
import Storage

/// A service's schema is two lists that grow apart: ServiceKit's own tables (outbox, inbox,
/// audit trail) and the service's. Numbering them together (one `user_version`) would break
/// every existing database the day either list grows, so each step is recorded by name
/// (`servicekit/outbox`, `intake/cases`) and applied once, in order, each in its own
/// transaction. A database holding a step this code does not know was written by newer code
/// and is refused.
enum SchemaSteps {
    static let table = """
        CREATE TABLE IF NOT EXISTS schema_steps (
            name TEXT PRIMARY KEY,
            applied_at TEXT NOT NULL
        ) STRICT;
        """

    /// The steps of `service`: ServiceKit's first, then the service's own.
    static func steps(service: String, own: [Migration]) -> [(name: String, sql: String)] {
        let kit = (Outbox.migrations + Inbox.migrations + AuditTrail.migrations).map { (name: "servicekit/\($0.name)", sql: $0.sql) }
        return kit + own.map { (name: "\(service)/\($0.name)", sql: $0.sql) }
    }

    /// Applies the steps not applied yet; returns how many were applied and how many exist.
    static func apply(_ database: Database, steps: [(name: String, sql: String)], path: String) async throws -> (applied: Int, total: Int) {
        try await database.write { tx in try tx.executeScript(table) }
        let done = Set(try await database.read { db in try db.query("SELECT name FROM schema_steps").map { try $0["name"] as String } })
        let known = Set(steps.map(\.name))
        let unknown = done.subtracting(known)
        guard unknown.isEmpty else {
            throw ConfigurationError(
                variable: "CSPR_DATA_DIR",
                problem:
                    "\(path) has schema steps this code does not know (\(unknown.sorted().joined(separator: ", "))): it was written by newer code")
        }
        var applied = 0
        for step in steps where !done.contains(step.name) {
            try await database.write { tx in
                try tx.executeScript(step.sql)
                try tx.execute("INSERT INTO schema_steps (name, applied_at) VALUES (?, ?)", step.name, Date())
            }
            applied += 1
        }
        return (applied, steps.count)
    }
}
