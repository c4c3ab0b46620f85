import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport
import Testing

@Suite("Schema steps of a service")
struct SchemaStepsTests {
    /// A service with no calls of its own, only a schema.
    static let schemaTest = ServiceIdentity(name: "schema-test", defaultPort: 7192, rpcService: "cspr.test.v1.SchemaTest")

    static func definition(_ steps: [Migration]) -> ServiceDefinition {
        ServiceDefinition(identity: schemaTest, migrations: steps) { _ in RouteTable() }
    }

    @Test("a step the service adds later applies to an existing database, and ServiceKit's tables are untouched")
    func serviceGrows() async throws {
        let directory = try TestDirectory.serviceKit()
        let first = try await startInProcess(Self.definition([Migration("one", sql: "CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;")]), directory)
        try await first.context.database.write { tx in
            try Outbox.enqueue(tx, destination: "x", method: "/x.v1.X/Y", payload: Data("{}".utf8), idempotencyKey: "k1")
        }
        await first.stop(grace: .seconds(1))

        let grown = Self.definition([
            Migration("one", sql: "CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;"),
            Migration("two", sql: "CREATE TABLE two (id INTEGER PRIMARY KEY) STRICT;"),
        ])
        let second = try await startInProcess(grown, directory)
        let tables = try await second.context.database.read { db in
            try db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").map { try $0["name"] as String }
        }
        #expect(tables.contains("one") && tables.contains("two") && tables.contains("outbox") && tables.contains("audit_trail"))
        #expect(try await second.context.database.read { try Outbox.metrics($0) }.depth == 1)
        await second.stop(grace: .seconds(1))
    }

    @Test("a database written by newer code (a step this code does not know) is refused, naming the step")
    func newerDatabase() async throws {
        let directory = try TestDirectory.serviceKit()
        let newer = try await startInProcess(
            Self.definition([
                Migration("one", sql: "CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;"),
                Migration("future", sql: "CREATE TABLE future (id INTEGER PRIMARY KEY) STRICT;"),
            ]), directory)
        await newer.stop(grace: .seconds(1))
        do {
            let older = try await startInProcess(
                Self.definition([Migration("one", sql: "CREATE TABLE one (id INTEGER PRIMARY KEY) STRICT;")]), directory)
            await older.stop(grace: .seconds(1))
            Issue.record("older code opened a newer database")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("schema-test/future"))
        }
    }
}
