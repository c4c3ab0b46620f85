import Foundation
import Storage
import Testing

private let numbers = [
    Migration(
        "numbers",
        sql: """
            CREATE TABLE numbers (n INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;
            INSERT INTO numbers VALUES (1, 'one'), (2, 'two'), (3, 'three');
            """)
]

@Suite("Statements")
struct StatementTests {
    @Test("a prepared statement steps through rows with typed column reads and can be rebound")
    func stepping() async throws {
        try await withDatabase(numbers) { database, _ in
            let pages = try await database.read { conn -> [[String]] in
                let statement = try conn.prepare("SELECT n, name FROM numbers WHERE n >= ? ORDER BY n")
                var pages: [[String]] = []
                for start in [2, 1] {
                    try statement.bind([.integer(Int64(start))])
                    var page: [String] = []
                    while try statement.step() {
                        let number: Int = try statement.column(0)
                        let name: String = try statement.column(1)
                        page.append("\(number) \(name)")
                    }
                    pages.append(page)
                }
                return pages
            }
            #expect(pages == [["2 two", "3 three"], ["1 one", "2 two", "3 three"]])
        }
    }

    @Test("more distinct statements than the cache holds still all run correctly")
    func cacheOverflow() async throws {
        let small = DatabaseConfiguration(readerCount: 1, statementCacheCapacity: 2)
        try await withDatabase(numbers, configuration: small) { database, _ in
            let names = try await database.read { conn -> [String] in
                var names: [String] = []
                for _ in 0..<3 {
                    for n in 1...3 {
                        // A distinct SQL text per number, so the cache must evict and re-prepare.
                        let name: String? = try conn.value("SELECT name FROM numbers WHERE n = \(n)")
                        names.append(name ?? "?")
                    }
                }
                return names
            }
            #expect(names == Array(repeating: ["one", "two", "three"], count: 3).flatMap { $0 })
        }
    }

    @Test("rows read by column name and by index agree, and an unknown column is named in the error")
    func rowAccess() async throws {
        try await withDatabase(numbers) { database, _ in
            let row = try await database.read { conn in try conn.queryOne("SELECT n, name FROM numbers WHERE n = 2") }
            let byName: String? = try row?["name"]
            let byIndex: String? = try row?[1]
            let differentCase: Int? = try row?["N"]
            #expect(byName == "two" && byIndex == "two" && differentCase == 2)
            #expect(throws: StorageError.noSuchColumn("missing", available: ["n", "name"])) {
                let _: Int? = try row?["missing"]
            }
        }
    }
}
