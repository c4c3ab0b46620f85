import Contract
import Foundation
import RPC
import Storage
import WorkingDays

/// A stage's statuses, kept: one row per case, rewritten in the transaction of the change that
/// alters it, so a status never shows a change its case does not hold, or the other way round.
///
/// Each rewrite takes the next change version, and `GetStatuses` pages through the rows in
/// version order: a reader that keeps asking from the last version it read sees every change
/// once, at its latest, and costs what changed rather than what exists. Rows are never
/// deleted, so versions only grow. Deadline states that depend only on today (due soon,
/// overdue) are judged when read, from the stored due dates; a stored status changes only when
/// the case does.
package enum StatusFeed {
    /// The status table and the feed's identifier; ServiceKit adds it to every service.
    package static let migrations = [
        Migration(
            "status feed",
            sql: """
                CREATE TABLE case_status (
                    version INTEGER PRIMARY KEY,
                    reference TEXT NOT NULL UNIQUE,
                    status TEXT NOT NULL
                );
                CREATE TABLE status_feed (id TEXT NOT NULL);
                INSERT INTO status_feed (id) VALUES (lower(hex(randomblob(8))));
                """)
    ]

    /// Records `status` as its case's, in the caller's transaction, with the next change version;
    /// a status equal to the one stored changes nothing (no new version, nothing to page).
    package static func record(_ tx: WriteTransaction, _ status: CaseStatus) throws {
        // An unmet deadline's state is judged when read, so it is stored as open: a status worked
        // out on another day, the case unchanged, is then the same row (no version for a new day).
        var stored = status
        stored.deadlines = status.deadlines.map { deadline in
            var kept = deadline
            if kept.metOn == nil { kept.status = .open }
            return kept
        }
        try tx.execute(
            """
            INSERT INTO case_status (version, reference, status)
            VALUES ((SELECT coalesce(max(version), 0) + 1 FROM case_status), ?, ?)
            ON CONFLICT (reference) DO UPDATE SET version = excluded.version, status = excluded.status
            WHERE case_status.status IS NOT excluded.status
            """, stored.reference, try JSONColumn.text(stored))
    }

    /// The answer to `request`, judged on `clock`'s today: the statuses of its references, or a
    /// page of the feed after its cursor.
    package static func answer(_ db: Connection, _ request: GetStatusesRequest, clock: CaseClock) throws -> GetStatusesResponse {
        let judge = { [judge = DeadlineJudge(today: clock.today, calendar: clock.calendar)] (status: CaseStatus) in status.judged(by: judge) }
        if !request.references.isEmpty {
            let statuses = try Set(request.references).sorted().compactMap { reference -> CaseStatus? in
                try db.queryOne("SELECT status FROM case_status WHERE reference = ?", reference).map(decode)
            }
            return GetStatusesResponse(statuses: statuses.map(judge))
        }
        let page = try Page(db, request)
        return GetStatusesResponse(
            statuses: try page.rows.map(decode).map(judge), next: page.next, more: page.more, restarted: page.restarted ? true : nil)
    }

    /// The rows of the page after a request's cursor, and what the answer says about them.
    private struct Page {
        let rows: ArraySlice<Row>
        let next: StatusCursor
        let more: Bool
        let restarted: Bool

        init(_ db: Connection, _ request: GetStatusesRequest) throws {
            guard let feed: String = try db.value("SELECT id FROM status_feed") else { throw StoredValueError(table: "status_feed", column: "id") }
            // A cursor of another feed (the database was replaced or restored from a backup) starts
            // again from the beginning and says so, rather than skipping what the new feed numbered lower.
            restarted = request.since.map { $0.feed != feed } ?? false
            let after = restarted ? 0 : request.since?.version ?? 0
            let size = request.effectivePageSize
            // One more row than the page says whether more are waiting.
            let found = try db.query("SELECT version, status FROM case_status WHERE version > ? ORDER BY version LIMIT ?", after, size + 1)
            rows = found.prefix(size)
            more = found.count > size
            next = StatusCursor(feed: feed, version: try rows.last?[0] ?? after)
        }
    }

    /// A page of the feed after `request`'s cursor, as the JSON of its `GetStatusesResponse`,
    /// judged on `clock`'s today: the kept statuses are sent as stored, each deadline not met
    /// judged in place (`StoredStatusJSON`), without decoding and encoding every status again.
    /// The same bytes as `JSONCodec.encode(answer(...))` (a test holds the two to that).
    package static func page(_ db: Connection, _ request: GetStatusesRequest, clock: CaseClock) throws -> Data {
        let page = try Page(db, request)
        let judge = DeadlineJudge(today: clock.today, calendar: clock.calendar)
        // The keys in JSONCodec's order (sorted): more, next, restarted, statuses.
        var json = Array(#"{"more":\#(page.more),"next":"\#(page.next)","#.utf8)
        if page.restarted { json.append(contentsOf: #""restarted":true,"#.utf8) }
        json.append(contentsOf: #""statuses":["#.utf8)
        for (index, row) in page.rows.enumerated() {
            guard let text: String = try row["status"] else { throw StoredValueError(table: "case_status", column: "status") }
            if index > 0 { json.append(UInt8(ascii: ",")) }
            StoredStatusJSON.appendJudged(text.utf8, by: judge, to: &json)
        }
        json.append(contentsOf: "]}".utf8)
        return Data(json)
    }

    /// Every kept status, in reference order, judged on `clock`'s today: for a stage's own list
    /// of its cases (a decode per case, no case loaded).
    package static func every(_ db: Connection, clock: CaseClock) throws -> [CaseStatus] {
        let judge = DeadlineJudge(today: clock.today, calendar: clock.calendar)
        return try db.query("SELECT status FROM case_status ORDER BY reference").map { try decode($0).judged(by: judge) }
    }

    /// The references of `table` (its `column`) after `after`, in order, that have no status row
    /// yet: cases written before statuses were kept, or by a step that did not record one.
    package static func unrecorded(
        _ db: some DatabaseAccess, table: String, column: String, after: String = "", limit: Int
    ) throws -> [CaseReference] {
        try db.query(
            "SELECT \(column) FROM \(table) WHERE \(column) > ? AND \(column) NOT IN (SELECT reference FROM case_status) ORDER BY \(column) LIMIT ?",
            after, limit
        ).map { try $0[0] }
    }

    private static func decode(_ row: Row) throws -> CaseStatus {
        try JSONColumn.value(CaseStatus.self, row, "status", table: "case_status")
    }
}
