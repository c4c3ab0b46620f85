import Contract
import Foundation
import ServiceKit
import Storage
import WorkingDays

/// The merged view of every case, in the gateway's database: written as each stage's changes
/// arrive, read by `ListCases`, `GetCase`, `GetSummary` and the dashboard. A change costs the
/// cases it touches; a read costs the page it returns.
package struct CaseView: Sendable {
    let database: Database

    /// The view kept in `database` (with `ViewSchema`'s tables).
    package init(database: Database) { self.database = database }

    // MARK: writing what the stages send

    /// Where `stage`'s feed was read to, if it was.
    package func cursor(of stage: ServiceIdentity) async throws -> StatusCursor? {
        try await database.read { db in
            let text: String? = try db.value("SELECT cursor FROM stage_cursors WHERE stage = ?", stage.name)
            return text.flatMap(StatusCursor.init)
        }
    }

    /// A page of `stage`'s change feed: its statuses replace the stage's earlier ones, the cases
    /// they touch are merged again, and the cursor moves to `next`, in one transaction. When the
    /// stage's feed `restarted` (its database was replaced), what the view held of the stage goes
    /// first.
    package func apply(_ stage: ServiceIdentity, _ statuses: [CaseStatus], next: StatusCursor, restarted: Bool) async throws {
        try await database.write { tx in
            var touched = Set(statuses.map(\.reference))
            if restarted { touched.formUnion(try Self.forget(tx, stage)) }
            for status in statuses {
                try tx.execute(
                    """
                    INSERT INTO stage_statuses (reference, stage, status) VALUES (?, ?, ?)
                    ON CONFLICT (reference, stage) DO UPDATE SET status = excluded.status
                    """, status.reference, stage.name, try JSONColumn.text(status))
            }
            for reference in touched.sorted() { try Self.merge(tx, reference) }
            try tx.execute(
                "INSERT INTO stage_cursors (stage, cursor) VALUES (?, ?) ON CONFLICT (stage) DO UPDATE SET cursor = excluded.cursor",
                stage.name, next.description)
        }
    }

    /// The whole part of a stage that keeps no change feed (it answered without a cursor): its
    /// statuses replace the stage's earlier ones, and cases it no longer reports lose its part.
    /// Only what differs is written.
    package func replace(_ stage: ServiceIdentity, with statuses: [CaseStatus]) async throws {
        try await database.write { tx in
            var stored: [CaseReference: String] = [:]
            for row in try tx.query("SELECT reference, status FROM stage_statuses WHERE stage = ?", stage.name) {
                stored[try row[0]] = try row[1]
            }
            var touched: Set<CaseReference> = []
            for status in statuses {
                let text = try JSONColumn.text(status)
                if stored.removeValue(forKey: status.reference) == text { continue }
                try tx.execute(
                    """
                    INSERT INTO stage_statuses (reference, stage, status) VALUES (?, ?, ?)
                    ON CONFLICT (reference, stage) DO UPDATE SET status = excluded.status
                    """, status.reference, stage.name, text)
                touched.insert(status.reference)
            }
            for reference in stored.keys {
                try tx.execute("DELETE FROM stage_statuses WHERE reference = ? AND stage = ?", reference, stage.name)
                touched.insert(reference)
            }
            for reference in touched.sorted() { try Self.merge(tx, reference) }
            try tx.execute("DELETE FROM stage_cursors WHERE stage = ?", stage.name)
        }
    }

    /// Drops everything of `stage`; returns the cases it reported.
    private static func forget(_ tx: WriteTransaction, _ stage: ServiceIdentity) throws -> [CaseReference] {
        let references: [CaseReference] = try tx.query("SELECT reference FROM stage_statuses WHERE stage = ?", stage.name).map { try $0[0] }
        try tx.execute("DELETE FROM stage_statuses WHERE stage = ?", stage.name)
        return references
    }

    /// Merges the case of `reference` again from every stage's status of it, and rewrites its
    /// row and its deadlines; removes them when no stage reports it any more.
    static func merge(_ tx: WriteTransaction, _ reference: CaseReference) throws {
        let reports = try tx.query("SELECT stage, status FROM stage_statuses WHERE reference = ?", reference).compactMap {
            row -> (stage: ServiceIdentity, statuses: [CaseStatus])? in
            guard let stage = ServiceIdentity.named(try row[0]) else { return nil }
            return (stage, [try JSONColumn.value(CaseStatus.self, row, "status", table: "stage_statuses")])
        }
        try tx.execute("DELETE FROM view_deadlines WHERE reference = ?", reference)
        guard let merged = StatusMerge.merge(reports).first else {
            try tx.execute("DELETE FROM case_view WHERE reference = ?", reference)
            return
        }
        try tx.execute(
            """
            INSERT INTO case_view (reference, stage, next_due, merged) VALUES (?, ?, ?, ?)
            ON CONFLICT (reference) DO UPDATE SET stage = excluded.stage, next_due = excluded.next_due, merged = excluded.merged
            """, reference, merged.stage.rawValue, merged.nextDue?.description ?? ViewSchema.nothingDue,
            try JSONColumn.text(StoredMergedCase(merged)))
        for reported in merged.deadlines {
            let deadline = reported.deadline
            try tx.execute(
                "INSERT INTO view_deadlines (reference, rule, due, met_on, met_in_time) VALUES (?, ?, ?, ?, ?)", reference,
                deadline.rule.rawValue, deadline.due, deadline.metOn, deadline.status == .met)
        }
    }
}
