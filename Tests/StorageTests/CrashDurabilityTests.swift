import Foundation
import Storage
import Testing

@Suite("Crash durability")
struct CrashDurabilityTests {
    @Test(
        "every write acknowledged before a SIGKILL is in the reopened file, and the file is sound",
        arguments: ["single", "group"])
    func acknowledgedWritesSurviveKill(mode: String) async throws {
        for _ in 1...5 {
            let directory = try TemporaryDirectory()
            defer { directory.remove() }
            let path = directory.path("crash.sqlite")
            // A random kill point: after between 1 and 400 acknowledgements, mid-write as often as not.
            let killAfter = Int.random(in: 1...400)
            let outcome = try await CrashWriterProcess.runAndKill(databasePath: path, mode: mode, killAfter: killAfter)
            #expect(outcome.wasKilled)
            #expect(outcome.acknowledged.count >= killAfter)

            let database = try await Database.open(atPath: path)
            let problems = try await database.integrityCheck()
            let stored: Set<Int64> = try await database.read { conn in
                Set(try conn.query("SELECT id FROM acks").map { try $0[0] })
            }
            await database.close()
            let lost = Set(outcome.acknowledged).subtracting(stored)
            #expect(lost.isEmpty, "acknowledged but missing after the crash: \(lost.sorted().prefix(20))")
            #expect(problems.isEmpty)
        }
    }
}
