import Contract
import Foundation
import RPC
import Storage

/// The admin calls every service answers (DESIGN.md, Security: role `admin`): backup, integrity
/// check, dead letters, and the audit trail (also for `auditor`).
package enum AdminService {
    /// The service name; the same on every service (each has its own port).
    package static let name = "cspr.admin.v1.Admin"

    /// `Backup`: an online backup into the data directory's `backups/`.
    package struct BackupRequest: Codable, Sendable, Equatable {
        package init() {}
    }
    /// Where the backup went.
    package struct BackupResponse: Codable, Sendable, Equatable {
        /// The backup file.
        package var path: String
        /// Its size.
        package var bytes: Int
    }
    /// `IntegrityCheck`'s answer.
    package struct IntegrityResponse: Codable, Sendable, Equatable {
        /// True when SQLite found no problem.
        package var ok: Bool
        /// What it found.
        package var problems: [String]
    }
    /// A parked hand-over.
    package struct DeadLetter: Codable, Sendable, Equatable {
        package var id: Int64
        package var destination: String
        package var method: String
        package var attempts: Int
        package var lastError: String?
        package var createdAt: Date
    }
    /// `ListDeadLetters`' answer.
    package struct DeadLettersResponse: Codable, Sendable, Equatable {
        package var deadLetters: [DeadLetter]
    }
    /// `RetryDeadLetter`'s request.
    package struct RetryRequest: Codable, Sendable, Equatable {
        package var id: Int64
        package init(id: Int64) { self.id = id }
    }
    /// `RetryDeadLetter`'s answer.
    package struct RetryResponse: Codable, Sendable, Equatable {
        package var retried: Bool
    }
    /// `GetAuditTrail`'s request.
    package struct AuditTrailRequest: Codable, Sendable, Equatable {
        package var caseReference: String?
        package var limit: Int?
        package init(caseReference: String? = nil, limit: Int? = nil) {
            self.caseReference = caseReference
            self.limit = limit
        }
    }
    /// `GetAuditTrail`'s answer, newest first.
    package struct AuditTrailResponse: Codable, Sendable, Equatable {
        package var entries: [AuditEntry]
    }
    /// An empty request.
    package struct Empty: Codable, Sendable, Equatable {
        package init() {}
    }

    package static let backup = Method<BackupRequest, BackupResponse>(service: name, name: "Backup", roles: .roles(.admin))
    package static let integrityCheck = Method<Empty, IntegrityResponse>(service: name, name: "IntegrityCheck", roles: .roles(.admin))
    package static let listDeadLetters = Method<Empty, DeadLettersResponse>(service: name, name: "ListDeadLetters", roles: .roles(.admin))
    package static let retryDeadLetter = Method<RetryRequest, RetryResponse>(service: name, name: "RetryDeadLetter", roles: .roles(.admin))
    package static let getAuditTrail = Method<AuditTrailRequest, AuditTrailResponse>(
        service: name, name: "GetAuditTrail", roles: .roles(.admin, .auditor))

    /// Registers the admin calls on `routes`.
    package static func register(on routes: inout RouteTable, database: Database, dataDirectory: URL, serviceName: String, relay: OutboxRelay?) {
        routes.register(backup) { _, _ in
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
            return BackupResponse(path: file.path, bytes: size)
        }
        routes.register(integrityCheck) { _, _ in
            let problems = try await database.integrityCheck()
            return IntegrityResponse(ok: problems.isEmpty, problems: problems)
        }
        routes.register(listDeadLetters) { _, _ in
            let messages = try await database.read { try Outbox.deadLetters($0) }
            return DeadLettersResponse(
                deadLetters: messages.map {
                    DeadLetter(
                        id: $0.id, destination: $0.destination, method: $0.method, attempts: $0.attempts, lastError: $0.lastError,
                        createdAt: $0.createdAt)
                })
        }
        routes.register(retryDeadLetter) { request, _ in
            let id = request.id
            let retried = try await database.write { tx in try Outbox.retryDeadLetter(tx, id: id) }
            guard retried else { throw RPCError(.notFound, "id: no dead letter \(id)") }
            relay?.poke()
            return RetryResponse(retried: true)
        }
        routes.register(getAuditTrail) { request, _ in
            let limit = min(max(request.limit ?? 200, 1), 5000)
            let reference = request.caseReference
            let entries = try await database.read { try AuditTrail.entries($0, caseReference: reference, limit: limit) }
            return AuditTrailResponse(entries: entries)
        }
    }
}
