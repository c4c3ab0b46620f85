import Foundation
import ServiceKit
import Storage

/// Deletes rows a service's pages keep only for a while (a form's double-submit guard, old
/// drafts): once when it starts, then every day, for as long as its database is open.
package enum DailyPurge {
    /// How often it runs after the first time.
    package static let day: Duration = .seconds(24 * 3600)

    /// Starts the purge in the background. `purge` runs in one write transaction with the time
    /// now and returns how many rows it deleted; the count is logged under `name`. It holds the
    /// database weakly: once the service that opened it has let it go, the purge ends.
    @discardableResult
    package static func start(
        _ name: String, database: Database, logger: Logger, every interval: Duration = day,
        _ purge: @escaping @Sendable (WriteTransaction, Date) throws -> Int
    ) -> Task<Void, Never> {
        Task { [weak database] in
            while !Task.isCancelled {
                guard await once(name, database, logger, purge) else { return }
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// One run; false when the database is gone.
    private static func once(
        _ name: String, _ database: Database?, _ logger: Logger, _ purge: @escaping @Sendable (WriteTransaction, Date) throws -> Int
    ) async -> Bool {
        guard let database else { return false }
        do {
            let deleted = try await database.write { tx in try purge(tx, Date()) }
            if deleted > 0 { logger.info("purged", ["rows": .string(name), "deleted": .int(deleted)]) }
        } catch {
            // The next day's run tries again; nothing depends on these rows going today.
            logger.warning("purge failed; tried again tomorrow", ["rows": .string(name)])
        }
        return true
    }
}
