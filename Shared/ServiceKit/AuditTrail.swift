import Contract
import Foundation
import RPC
import Storage
import Synchronization

/// The append-only audit table every service keeps (DESIGN.md, Security): triggers refuse any
/// UPDATE or DELETE, so an entry once written stays as written.
package enum AuditTrail {
    /// The annotation key a handler sets to name the case a call concerns.
    package static let caseReferenceKey = "caseReference"
    /// The annotation key authentication sets to the caller's principal (also when it refuses
    /// the call), so that the audit entry around it names who tried.
    package static let principalKey = "principal"
    /// The annotation key for the `x-request-id` the caller sent (issue 17, item 4).
    package static let correlationKey = "correlationId"

    /// The audit table; include in every service's migrations.
    package static let migrations = [
        Migration(
            "audit trail",
            sql: """
                CREATE TABLE audit_trail (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    principal TEXT NOT NULL,
                    method TEXT NOT NULL,
                    case_reference TEXT,
                    outcome TEXT NOT NULL,
                    request_id TEXT NOT NULL
                ) STRICT;
                CREATE INDEX audit_trail_case ON audit_trail(case_reference);
                CREATE TRIGGER audit_trail_no_update BEFORE UPDATE ON audit_trail
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_trail_no_delete BEFORE DELETE ON audit_trail
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """),
        // Issue 17, item 4: the caller's x-request-id is its correlation id; request_id is the
        // server's own.
        Migration("audit trail correlation id", sql: "ALTER TABLE audit_trail ADD COLUMN correlation_id TEXT;"),
        // Issue 17, item 3: calls refused for want of a known token, one count per source and
        // minute instead of a row each. A count only grows; nothing is deleted.
        Migration(
            "audit refusals",
            sql: """
                CREATE TABLE audit_refusals (
                    minute TEXT NOT NULL,
                    source TEXT NOT NULL,
                    count INTEGER NOT NULL CHECK (count > 0),
                    PRIMARY KEY (minute, source)
                ) STRICT;
                CREATE TRIGGER audit_refusals_only_grow BEFORE UPDATE ON audit_refusals
                    WHEN NEW.minute != OLD.minute OR NEW.source != OLD.source OR NEW.count < OLD.count
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                CREATE TRIGGER audit_refusals_no_delete BEFORE DELETE ON audit_refusals
                    BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
                """),
    ]

    /// Appends an entry.
    package static func append(
        _ tx: WriteTransaction, principal: String, method: String, caseReference: String?, outcome: String, requestID: String,
        correlationID: String? = nil, at: Date = Date()
    ) throws {
        try tx.execute(
            "INSERT INTO audit_trail (at, principal, method, case_reference, outcome, request_id, correlation_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
            at, principal, method, caseReference, outcome, requestID, correlationID)
    }

    /// Adds counts of calls refused for want of a known token (`RefusalTally`).
    package static func recordRefusals(_ tx: WriteTransaction, _ counts: [RefusalCount]) throws {
        for count in counts {
            try tx.execute(
                """
                INSERT INTO audit_refusals (minute, source, count) VALUES (?, ?, ?)
                ON CONFLICT (minute, source) DO UPDATE SET count = count + excluded.count
                """, count.minute, count.source, count.count)
        }
    }

    /// The counts of refused calls, newest minute first.
    package static func refusals(_ db: some DatabaseAccess, limit: Int = 200) throws -> [RefusalCount] {
        try db.query("SELECT minute, source, count FROM audit_refusals ORDER BY minute DESC, source LIMIT ?", limit).map { row in
            RefusalCount(minute: try row["minute"], source: try row["source"], count: try row["count"])
        }
    }

    /// Entries, newest first, optionally for one case.
    package static func entries(_ db: some DatabaseAccess, caseReference: String? = nil, limit: Int = 200) throws -> [AuditEntry] {
        let rows: [Row]
        if let caseReference {
            rows = try db.query("SELECT * FROM audit_trail WHERE case_reference = ? ORDER BY id DESC LIMIT ?", caseReference, limit)
        } else {
            rows = try db.query("SELECT * FROM audit_trail ORDER BY id DESC LIMIT ?", limit)
        }
        return try rows.map { row in
            AuditEntry(
                id: try row["id"], at: try row["at"], principal: try row["principal"], method: try row["method"],
                caseReference: try row["case_reference"], outcome: try row["outcome"], requestID: try row["request_id"],
                correlationID: try row["correlation_id"])
        }
    }
}

/// Writes an audit entry for every call of an audited method, before the reply goes out: a
/// read of case data that could not be audited is not answered. It runs outside
/// authentication, so refused attempts (UNAUTHENTICATED, PERMISSION_DENIED) are recorded too.
///
/// A call that writes has its entry written in its own write transaction (`WriteCompanion`),
/// so the change and its entry commit together or not at all: no crash can leave a change
/// unaudited, and a write that rolls back leaves no "OK" entry. A call that made no write (a
/// read, a refusal) gets its entry in a transaction of its own, after the call.
package struct AuditInterceptor: ServerInterceptor {
    private let database: Database
    private let isAudited: @Sendable (MethodInfo) -> Bool
    private let logger: Logger
    private let refusals: RefusalTally

    /// Audits the methods for which `isAudited` is true (by default every method with roles);
    /// calls refused for want of a known token are counted in `refusals`.
    package init(
        database: Database, logger: Logger, refusals: RefusalTally = RefusalTally(),
        isAudited: @escaping @Sendable (MethodInfo) -> Bool = { !$0.roles.isEmpty }
    ) {
        self.database = database
        self.logger = logger
        self.refusals = refusals
        self.isAudited = isAudited
    }

    package func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        guard isAudited(context.method) else { return try await next(context, request) }
        // The minutes of refusals closed since are written before this call's entry.
        if refusals.hasClosedMinutes { try? await refusals.flush(database) }
        let method = context.method.name
        let requestID = context.requestID
        let correlationID = context.annotations.get(AuditTrail.correlationKey)
        // Read when the entry is written: authentication and the handler annotate the call.
        let principal: @Sendable () -> String = { context.principal?.name ?? context.annotations.get(AuditTrail.principalKey) ?? "anonymous" }
        let written = WrittenFlag()
        let companion = WriteCompanion(
            database: database,
            alongside: { tx, value in
                guard !written.isSet else { return }
                // A call that opens a case names it in what its write returns.
                let caseReference =
                    context.annotations.get(AuditTrail.caseReferenceKey) ?? (value as? any CaseScoped)?.caseReference.description
                try AuditTrail.append(
                    tx, principal: principal(), method: method, caseReference: caseReference, outcome: RPCCode.ok.name,
                    requestID: requestID, correlationID: correlationID)
            },
            committed: { written.set() })
        let outcome: RPCCode
        let result: Result<Data, any Error>
        do {
            result = .success(try await WriteCompanion.$current.withValue(companion) { try await next(context, request) })
            outcome = .ok
        } catch {
            result = .failure(error)
            outcome = (error as? RPCError)?.code ?? .internal
        }
        // Its entry committed with its write; a call that failed after a committed write gets a
        // second entry with the failure.
        if outcome == .ok, written.isSet { return try result.get() }
        // Anyone who can reach the port can be refused for want of a token: counted per source
        // and minute, not a row each (issue 17, item 3).
        if outcome == .unauthenticated {
            refusals.count(source: context.client ?? "unknown")
            return try result.get()
        }
        // A call refused before its handler named its case (authentication, the write rate, a
        // body that does not decode) is audited with the case its request names (item 11).
        let caseReference = context.annotations.get(AuditTrail.caseReferenceKey) ?? Self.caseNamed(in: request)
        let name = principal()
        do {
            try await database.write { tx in
                try AuditTrail.append(
                    tx, principal: name, method: method, caseReference: caseReference, outcome: outcome.name, requestID: requestID,
                    correlationID: correlationID)
            }
        } catch {
            logger.error("audit entry could not be written; the call is refused", ["requestId": .string(requestID), "method": .string(method)])
            throw RPCError(.unavailable, "the call could not be audited; try again")
        }
        return try result.get()
    }
}

extension AuditInterceptor {
    /// The case reference a JSON request names at its top level (`caseReference`), if it is one.
    static func caseNamed(in request: Data) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: request) as? [String: Any],
            let text = object["caseReference"] as? String, let reference = CaseReference(text)
        else { return nil }
        return reference.description
    }
}

/// Whether a call's audit entry has committed with one of its writes.
private final class WrittenFlag: Sendable {
    private let value = Mutex(false)
    var isSet: Bool { value.withLock { $0 } }
    func set() { value.withLock { $0 = true } }
}
