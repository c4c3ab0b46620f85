import Foundation
import RPC

/// `cspr.admin.v1.Admin`: the calls every service answers on its own port (DESIGN.md,
/// Security: role `admin`): an online backup, an integrity check, the dead letters of the
/// outbox, and the audit trail (also for `auditor`). ServiceKit registers them on every
/// service; golden/admin-*.json pin their wire names.
package enum AdminAPI {
    /// The service name; the same on every service (each has its own port).
    package static let name = "cspr.admin.v1.Admin"

    /// `Backup`: an online backup into the data directory's `backups/`.
    package static let backup = Method<BackupRequest, BackupResponse>(service: name, name: "Backup", roles: .roles(.admin))
    /// `IntegrityCheck`: SQLite's integrity check of the service's database.
    package static let integrityCheck = Method<Empty, IntegrityResponse>(service: name, name: "IntegrityCheck", roles: .roles(.admin))
    /// `ListDeadLetters`: the hand-overs the outbox parked after too many failures.
    package static let listDeadLetters = Method<Empty, DeadLettersResponse>(service: name, name: "ListDeadLetters", roles: .roles(.admin))
    /// `RetryDeadLetter`: puts one parked hand-over back in the outbox.
    package static let retryDeadLetter = Method<RetryRequest, RetryResponse>(service: name, name: "RetryDeadLetter", roles: .roles(.admin))
    /// `GetAuditTrail`: who did what, newest first, for the administrator and the auditor.
    package static let getAuditTrail = Method<AuditTrailRequest, AuditTrailResponse>(
        service: name, name: "GetAuditTrail", roles: .roles(.admin, .auditor))

    /// An empty request.
    package struct Empty: Codable, Sendable, Equatable {
        package init() {}
    }

    /// `Backup`'s request: no fields.
    package struct BackupRequest: Codable, Sendable, Equatable {
        package init() {}
    }

    /// Where the backup went.
    package struct BackupResponse: Codable, Sendable, Equatable {
        /// The backup file.
        package var path: String
        /// Its size.
        package var bytes: Int

        package init(path: String, bytes: Int) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// `IntegrityCheck`'s answer.
    package struct IntegrityResponse: Codable, Sendable, Equatable {
        /// True when SQLite found no problem.
        package var ok: Bool
        /// What it found.
        package var problems: [String]

        package init(ok: Bool, problems: [String]) {
            self.ok = ok
            self.problems = problems
        }
    }

    /// A parked hand-over.
    package struct DeadLetter: Codable, Sendable, Equatable {
        /// The outbox id, for `RetryDeadLetter`.
        package var id: Int64
        /// The service it was for, e.g. `rapid-review`.
        package var destination: String
        /// The method's path.
        package var method: String
        /// How many times delivery was tried.
        package var attempts: Int
        /// The last failure, if one was recorded.
        package var lastError: String?
        /// When it was enqueued.
        package var createdAt: Date

        package init(id: Int64, destination: String, method: String, attempts: Int, lastError: String?, createdAt: Date) {
            self.id = id
            self.destination = destination
            self.method = method
            self.attempts = attempts
            self.lastError = lastError
            self.createdAt = createdAt
        }
    }

    /// `ListDeadLetters`' answer.
    package struct DeadLettersResponse: Codable, Sendable, Equatable {
        /// Every parked hand-over.
        package var deadLetters: [DeadLetter]

        package init(deadLetters: [DeadLetter]) { self.deadLetters = deadLetters }
    }

    /// `RetryDeadLetter`'s request.
    package struct RetryRequest: Codable, Sendable, Equatable {
        /// The dead letter's outbox id.
        package var id: Int64

        package init(id: Int64) { self.id = id }
    }

    /// `RetryDeadLetter`'s answer.
    package struct RetryResponse: Codable, Sendable, Equatable {
        /// True: the hand-over is back in the outbox (an unknown id is NOT_FOUND).
        package var retried: Bool

        package init(retried: Bool) { self.retried = retried }
    }

    /// `GetAuditTrail`'s request.
    package struct AuditTrailRequest: Codable, Sendable, Equatable {
        /// Only the entries of this case.
        package var caseReference: String?
        /// At most this many entries (1-5000, 200 when absent).
        package var limit: Int?

        package init(caseReference: String? = nil, limit: Int? = nil) {
            self.caseReference = caseReference
            self.limit = limit
        }
    }

    /// `GetAuditTrail`'s answer, newest first.
    package struct AuditTrailResponse: Codable, Sendable, Equatable {
        /// The entries.
        package var entries: [AuditEntry]
        /// Calls refused for want of a known token, counted per source and minute, newest first
        /// (issue 17, item 3); absent when a case was named or there were none.
        package var refusals: [RefusalCount]?

        package init(entries: [AuditEntry], refusals: [RefusalCount]? = nil) {
            self.entries = entries
            self.refusals = refusals
        }
    }
}

/// One entry of the audit trail: who did what to which case, when, and how it ended.
package struct AuditEntry: Sendable, Equatable, Codable {
    /// Sequence number.
    package var id: Int64
    /// When (RFC 3339 UTC).
    package var at: Date
    /// The principal's name, or "anonymous".
    package var principal: String
    /// The method's short name.
    package var method: String
    /// The case, when the call concerned one.
    package var caseReference: String?
    /// The status code name, e.g. `OK`, `PERMISSION_DENIED`.
    package var outcome: String
    /// The call's request id, the server's own, to find its log line.
    package var requestID: String
    /// The `x-request-id` the caller sent, kept as its correlation id (issue 17, item 4).
    package var correlationID: String?

    package init(
        id: Int64, at: Date, principal: String, method: String, caseReference: String?, outcome: String, requestID: String,
        correlationID: String? = nil
    ) {
        self.correlationID = correlationID
        self.id = id
        self.at = at
        self.principal = principal
        self.method = method
        self.caseReference = caseReference
        self.outcome = outcome
        self.requestID = requestID
    }
}

/// Calls refused for want of a known token from one source in one minute (issue 17, item 3).
package struct RefusalCount: Sendable, Equatable, Codable {
    /// The minute, `2026-12-05T06:01` (UTC).
    package var minute: String
    /// Where the calls came from: the caller's address when the transport gives it, else `unknown`.
    package var source: String
    /// How many were refused.
    package var count: Int

    package init(minute: String, source: String, count: Int) {
        self.minute = minute
        self.source = source
        self.count = count
    }
}
