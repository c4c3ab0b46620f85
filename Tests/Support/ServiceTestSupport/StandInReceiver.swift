import Contract
import Foundation
import RPC
import ServiceKit
import Storage
import TestSupport

/// A stand-in for the service that receives a hand-over, a real RPC server in the test: it
/// applies each request once per idempotency key (`Inbox`), as the real service will, answers
/// with `reply`, and lists what it applied through a call of its own.
package struct StandInReceiver<Request: CaseScoped & Codable & Sendable & Equatable, Response: Codable & Sendable>: Sendable {
    /// One request applied, in the order applied.
    package struct Received: Codable, Sendable, Equatable {
        package var position: Int64
        package var idempotencyKey: String
        package var request: Request
    }
    struct ReceivedList: Codable, Sendable, Equatable { var received: [Received] }
    struct Empty: Codable, Sendable, Equatable {}

    /// The stand-in's service: the hand-over's receiving identity and its one method, plus `List`.
    package let definition: ServiceDefinition
    private let list: Method<Empty, ReceivedList>

    /// A stand-in for `handOver`'s destination answering `reply`.
    package init(_ handOver: HandOver<Request, Response>, reply: @escaping @Sendable (Request) -> Response) {
        let list = Method<Empty, ReceivedList>(
            service: "cspr.test.v1.StandIn\(handOver.method.info.name)", name: "List", roles: .roles(.admin))
        self.list = list
        definition = ServiceDefinition(
            identity: handOver.destination,
            migrations: [
                Migration(
                    "received",
                    sql: "CREATE TABLE received (position INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL, request TEXT NOT NULL) STRICT;")
            ]
        ) { context in
            var routes = RouteTable()
            routes.register(handOver.method) { request, call in
                call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
                guard let key = call.metadata["idempotency-key"] else { throw RPCError(.invalidArgument, "idempotency-key: a hand-over needs one") }
                let stored = try await context.database.write { tx in
                    try Inbox.applyOnce(tx, key: key) {
                        try tx.execute("INSERT INTO received (idempotency_key, request) VALUES (?, ?)", key, try JSONColumn.text(request))
                        return try JSONCodec.encode(reply(request))
                    }
                }
                return try JSONCodec.decode(Response.self, from: stored)
            }
            routes.register(list) { _, _ in
                let rows = try await context.database.read { try $0.query("SELECT * FROM received ORDER BY position") }
                return ReceivedList(
                    received: try rows.map { row in
                        Received(
                            position: try row["position"], idempotencyKey: try row["idempotency_key"],
                            request: try JSONColumn.value(Request.self, row, "request", table: "received"))
                    })
            }
            return routes
        }
    }

    /// What the stand-in listening on `port` has applied.
    package func received(port: Int) async throws -> [Received] {
        try await RPCClient(host: "127.0.0.1", port: port).call(list, Empty(), deadline: .seconds(5), metadata: bearer(TestTokens.admin)).received
    }
}
