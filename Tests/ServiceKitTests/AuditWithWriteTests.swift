import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import Testing

@Suite("Audit entries commit with the write they record")
struct AuditWithWriteTests {
    private let call = CallContext(method: MethodInfo(path: "/test.v1.Cases/Record", roles: ["staff"]))

    private func open(_ directory: TestDirectory) async throws -> Database {
        let database = try await Database.open(atPath: directory.url.appendingPathComponent("audit.sqlite").path)
        _ = try await database.migrate(
            AuditTrail.migrations + [Migration("facts", sql: "CREATE TABLE facts (text TEXT NOT NULL) STRICT;")])
        return database
    }

    @Test("item 15: a committed write has its audit entry even when the service stops before the call returns")
    func committedWriteHasItsEntry() async throws {
        let directory = try TestDirectory()
        let database = try await open(directory)
        let audit = AuditInterceptor(database: database, logger: Logger(service: "test") { _ in })
        call.annotations.set(AuditTrail.caseReferenceKey, "CASE-A")
        // The write commits, then the service goes down (a crash) before the call's reply: the
        // entry must already be in, with the write.
        _ = try? await audit.intercept(call, request: Data()) { _, _ in
            try await database.write { tx in try tx.execute("INSERT INTO facts (text) VALUES ('recorded')") }
            await database.close()
            return Data()
        }
        let reopened = try await open(directory)
        let facts: Int? = try await reopened.read { try $0.value("SELECT count(*) FROM facts") }
        let entries = try await reopened.read { try AuditTrail.entries($0) }
        await reopened.close()
        #expect(facts == 1)
        #expect(entries.map(\.outcome) == ["OK"])
        #expect(entries.map(\.caseReference) == ["CASE-A"])
        #expect(entries.map(\.requestID) == [call.requestID])
    }

    @Test("item 15: a refused write leaves no OK entry, only the refusal; a later committed write in the call has one entry")
    func refusedWriteLeavesNoSucceededEntry() async throws {
        let directory = try TestDirectory()
        let database = try await open(directory)
        let audit = AuditInterceptor(database: database, logger: Logger(service: "test") { _ in })
        _ = try? await audit.intercept(call, request: Data()) { _, _ in
            try await database.write { tx in
                try tx.execute("INSERT INTO facts (text) VALUES ('refused')")
                throw RPCError(.failedPrecondition, "refused")
            }
            return Data()
        }
        _ = try await audit.intercept(call, request: Data()) { _, _ in
            _ = try? await database.write { tx in
                try tx.execute("INSERT INTO facts (text) VALUES ('rolled back')")
                throw RPCError(.failedPrecondition, "refused")
            }
            try await database.write { tx in try tx.execute("INSERT INTO facts (text) VALUES ('kept')") }
            try await database.write { tx in try tx.execute("INSERT INTO facts (text) VALUES ('kept too')") }
            return Data()
        }
        let facts: [String] = try await database.read { try $0.query("SELECT text FROM facts ORDER BY rowid").map { try $0["text"] } }
        let entries = try await database.read { try AuditTrail.entries($0) }
        await database.close()
        #expect(facts == ["kept", "kept too"])
        #expect(entries.map(\.outcome) == ["OK", "FAILED_PRECONDITION"])
    }
}
