import Contract
import ServiceKit
import ServiceTestSupport
import Storage
import Testing

@Suite("Case references in SQLite")
struct CaseReferenceColumnTests {
    @Test("a case reference binds as its wire text and reads back equal")
    func roundTrip() async throws {
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("references.sqlite").path)
        let reference = try #require(CaseReference("SURREY-2025-0007"))
        try await database.write { tx in
            try tx.execute("CREATE TABLE cases (case_reference TEXT PRIMARY KEY) STRICT")
            try tx.execute("INSERT INTO cases (case_reference) VALUES (?)", reference)
        }
        let stored: String? = try await database.read { try $0.value("SELECT case_reference FROM cases") }
        let found: CaseReference? = try await database.read { try $0.value("SELECT case_reference FROM cases WHERE case_reference = ?", reference) }
        await database.close()
        #expect(stored == "SURREY-2025-0007")
        #expect(found == reference)
    }

    @Test(
        "a column that does not hold a case reference is refused, not read",
        arguments: [
            SQLiteValue.text("SURREY-25-7"), .text("surrey-2025-0007"), .text(""), .integer(7), .null,
        ])
    func refused(value: SQLiteValue) {
        #expect(CaseReference(sqliteValue: value) == nil)
    }
}
