import Foundation
import Storage

/// A service's schema is two lists that grow apart: ServiceKit's own tables (outbox, inbox,
/// audit trail) and the service's. Storage's migrator records each step by name, so the names
/// here (`servicekit/outbox`, `intake/cases`) are what every existing database holds: never
/// change them.
enum SchemaSteps {
    /// The steps of `service`: ServiceKit's first, then the service's own.
    static func steps(service: String, own: [Migration]) -> [Migration] {
        let kit = (Outbox.migrations + Inbox.migrations + AuditTrail.migrations + StatusFeed.migrations).map {
            Migration("servicekit/\($0.name)", sql: $0.sql)
        }
        return kit + own.map { Migration("\(service)/\($0.name)", sql: $0.sql) }
    }

    /// Applies the steps not applied yet; returns how many were applied and how many exist.
    /// A database written by newer code is a configuration error naming the file and the steps.
    static func apply(_ database: Database, steps: [Migration], path: String) async throws -> (applied: Int, total: Int) {
        do {
            let result = try await database.migrate(steps)
            return (result.applied.count, result.total)
        } catch StorageError.schemaNewerThanCode(let unknown) {
            throw ConfigurationError(
                variable: "CSPR_DATA_DIR",
                problem: "\(path) has schema steps this code does not know (\(unknown.joined(separator: ", "))): it was written by newer code")
        }
    }
}
