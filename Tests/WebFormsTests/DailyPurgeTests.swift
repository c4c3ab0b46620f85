import Foundation
import ServiceKit
import ServiceTestSupport
import Storage
import Synchronization
import TestSupport
import Testing

@testable import WebForms

@Suite("The pages' daily purge")
struct DailyPurgeTests {
    @Test("it runs at once, then again every interval, each run in a write transaction; it ends when cancelled")
    func runsAtStartAndAgain() async throws {
        let directory = try TestDirectory()
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("purge.sqlite").path)
        try await database.write { try $0.execute("CREATE TABLE kept_for_a_while (posted INTEGER NOT NULL) STRICT") }
        let runs = Mutex(0)
        let task = DailyPurge.start("kept_for_a_while", database: database, logger: Logger(service: "test"), every: .milliseconds(50)) { tx, now in
            runs.withLock { $0 += 1 }
            try tx.execute("INSERT INTO kept_for_a_while (posted) VALUES (?)", Int64(now.timeIntervalSince1970))
            return 0
        }
        #expect(await eventually(within: .seconds(5)) { runs.withLock { $0 } >= 1 }, "no run at start")
        #expect(await eventually(within: .seconds(5)) { runs.withLock { $0 } >= 3 }, "no run after the interval")
        task.cancel()
        await task.value
        let rows: Int64 = try await database.read { try $0.value("SELECT count(*) FROM kept_for_a_while") } ?? 0
        #expect(rows == Int64(runs.withLock { $0 }), "each run wrote in its transaction")
    }
}
