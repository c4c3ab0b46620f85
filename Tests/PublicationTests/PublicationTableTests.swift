import Contract
import Storage
import Testing

@testable import PublicationService

/// The tables the writer adds records to are named by `PublicationTable`: each must be a table
/// the schema creates, with the columns `add` writes, and kept as written (no UPDATE or DELETE).
@Suite("The writer's tables")
struct PublicationTableTests {
    @Test("every PublicationTable is a table of the schema with case_reference and record, kept as written", arguments: PublicationTable.allCases)
    func tableExists(_ table: PublicationTable) async throws {
        try await withHarness { harness in
            let (columns, triggers) = try await harness.service.context.database.read { db in
                let columns: [String] = try db.query("SELECT name FROM pragma_table_info(?)", table.rawValue).map { try $0[0] }
                let triggers: [String] = try db.query("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", table.rawValue).map {
                    try $0[0]
                }
                return (Set(columns), Set(triggers))
            }
            #expect(columns.isSuperset(of: ["case_reference", "record"]), "\(table.rawValue): \(columns.sorted())")
            #expect(triggers.count >= 2, "\(table.rawValue) is not kept as written: \(triggers.sorted())")
        }
    }
}
