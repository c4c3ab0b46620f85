import Contract
import Foundation
import RPC
import Storage

/// The admin calls every service answers (the contract's `AdminAPI`), served from the
/// service's own database, data directory and outbox.
package enum AdminService {
    /// Registers the admin calls on `routes`.
    package static func register(
        on routes: inout RouteTable, database: Database, dataDirectory: URL, serviceName: String, relay: OutboxRelay?,
        refusals: RefusalTally? = nil
    ) {
        routes.register(AdminAPI.backup) { _, _ in
            let directory = dataDirectory.appendingPathComponent("backups")
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            } catch {
                throw RPCError(.internal, "the backup directory could not be created")
            }
            let stamp = Date().formatted(
                .iso8601.year().month().day().dateSeparator(.omitted).time(includingFractionalSeconds: false).timeSeparator(.omitted))
            let file = directory.appendingPathComponent("\(serviceName)-\(stamp)-\(UInt32.random(in: 0...UInt32.max)).sqlite")
            try await database.backup(to: file.path)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            return AdminAPI.BackupResponse(path: file.path, bytes: size)
        }
        routes.register(AdminAPI.integrityCheck) { _, _ in
            let problems = try await database.integrityCheck()
            return AdminAPI.IntegrityResponse(ok: problems.isEmpty, problems: problems)
        }
        routes.register(AdminAPI.listDeadLetters) { _, _ in
            let messages = try await database.read { try Outbox.deadLetters($0) }
            return AdminAPI.DeadLettersResponse(
                deadLetters: messages.map {
                    AdminAPI.DeadLetter(
                        id: $0.id, destination: $0.destination, method: $0.method, attempts: $0.attempts, lastError: $0.lastError,
                        createdAt: $0.createdAt)
                })
        }
        routes.register(AdminAPI.retryDeadLetter) { request, _ in
            let id = request.id
            let retried = try await database.write { tx in try Outbox.retryDeadLetter(tx, id: id) }
            guard retried else { throw RPCError(.notFound, "id: no dead letter \(id)") }
            relay?.poke()
            return AdminAPI.RetryResponse(retried: true)
        }
        routes.register(AdminAPI.getAuditTrail) { request, _ in
            let limit = min(max(request.limit ?? 200, 1), 5000)
            let reference = request.caseReference
            let entries = try await database.read { try AuditTrail.entries($0, caseReference: reference, limit: limit) }
            guard reference == nil else { return AdminAPI.AuditTrailResponse(entries: entries) }
            // The refusals counted so far, the current minute's included.
            try await refusals?.flush(database, all: true)
            let counted = try await database.read { try AuditTrail.refusals($0, limit: limit) }
            return AdminAPI.AuditTrailResponse(entries: entries, refusals: counted.isEmpty ? nil : counted)
        }
    }
}
