import Foundation
import ServiceKit
import ServiceTestSupport
import Storage
import Testing

@Suite("JSONColumn: values kept whole as JSON text")
struct JSONColumnTests {
    struct Form: Codable, Equatable {
        var name: String
    }

    @Test("a value reads back as written, NULL as nil, and text that no longer decodes is a stored-value defect naming its table and column")
    func readBack() async throws {
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("forms.sqlite").path)
        let rows = try await database.write { tx -> [Row] in
            try tx.executeScript("CREATE TABLE forms (id INTEGER PRIMARY KEY, form TEXT) STRICT;")
            try tx.execute("INSERT INTO forms (form) VALUES (?), (NULL), ('{\"nom\": 1}')", try JSONColumn.text(Form(name: "fictional")))
            return try tx.query("SELECT form FROM forms ORDER BY id")
        }
        #expect(try JSONColumn.value(Form.self, rows[0], "form", table: "forms") == Form(name: "fictional"))
        #expect(try JSONColumn.valueIfPresent(Form.self, rows[1], "form", table: "forms") == nil)
        #expect(throws: StoredValueError.self) { try JSONColumn.value(Form.self, rows[1], "form", table: "forms") }
        do {
            _ = try JSONColumn.value(Form.self, rows[2], "form", table: "forms")
            Issue.record("a form that no longer decodes was read")
        } catch let error as StoredValueError {
            #expect(error.description == "forms.form does not hold what was written")
        }
        await database.close()
        withExtendedLifetime(directory) {}
    }
}
