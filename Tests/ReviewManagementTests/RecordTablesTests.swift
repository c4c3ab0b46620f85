import Contract
import Storage
import Testing

@testable import ReviewManagementService

/// Every record of a review is kept as written: each of the service's tables but `reviews`
/// itself and `review_summaries` (derived from the records, rewritten by each change for the
/// lists) refuses UPDATE and DELETE, so versions, decisions and declarations stay readable (V2).
@Suite("The review's records are kept as written")
struct RecordTablesTests {
    @Test("every table but reviews and the derived summaries has the triggers refusing UPDATE and DELETE, and a refused DELETE says why")
    func keptTables() async throws {
        try await withHarness { harness in
            let database = harness.service.context.database
            let (tables, triggers) = try await database.read { db in
                let names = Set(Schema.migrations.map(\.name))
                let tables: [String] = try db.query("SELECT name FROM sqlite_master WHERE type = 'table'").map { try $0[0] }
                let triggers: [String] = try db.query("SELECT name FROM sqlite_master WHERE type = 'trigger'").map { try $0[0] }
                return (tables.filter { names.contains($0) || ["national_panel_decisions", "terms_of_reference"].contains($0) }, Set(triggers))
            }
            #expect(tables.count >= 20, "\(tables)")
            #expect(tables.contains("review_summaries"))
            for table in tables where !["reviews", "review_summaries"].contains(table) {
                #expect(triggers.contains("\(table)_kept") && triggers.contains("\(table)_not_deleted"), "\(table)")
            }
            // A row to refuse: a fictional review and a first team, written as SQL.
            try await database.write { tx in
                try tx.execute(
                    """
                    INSERT INTO reviews (case_reference, commission, review_kind, decision_date, rule_set, commissioned_on, idempotency_key)
                    VALUES ('TESTSHIRE-2025-0099', '{}', 'localReview', '2025-03-20', 'surrey-2019', '2025-03-21', 'k')
                    """)
                try tx.execute("INSERT INTO review_teams (case_reference, version, record) VALUES ('TESTSHIRE-2025-0099', 1, '{}')")
            }
            let refused = await #expect(throws: DatabaseError.self) {
                try await database.write { tx in try tx.execute("DELETE FROM review_teams") }
            }
            await #expect(throws: DatabaseError.self) {
                try await database.write { tx in try tx.execute("UPDATE review_teams SET record = '[]'") }
            }
            #expect("\(refused.map { "\($0)" } ?? "")".contains("every version of the review team is kept as set"))
        }
    }
}
