import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport

/// A stand-in for publication, a real RPC server in the test: it applies each
/// PreparePublication once per idempotency key (Inbox), as the real service will, and lists
/// what it applied.
enum StandInPublication {
    struct Prepared: Codable, Sendable, Equatable {
        var position: Int64
        var idempotencyKey: String
        var request: PublicationAPI.PreparePublicationRequest
    }
    struct PreparedList: Codable, Sendable, Equatable {
        var prepared: [Prepared]
    }
    struct Empty: Codable, Sendable, Equatable {}

    /// The stand-in's own read, for the tests.
    static let list = Method<Empty, PreparedList>(service: "cspr.test.v1.StandInPublication", name: "List", roles: .roles(.admin))

    static let definition = ServiceDefinition(
        identity: .publication,
        migrations: [
            Migration(
                "prepared",
                sql: """
                    CREATE TABLE prepared (position INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL, request TEXT NOT NULL) STRICT;
                    """)
        ]
    ) { context in
        var routes = RouteTable()
        routes.register(PublicationAPI.preparePublication) { request, call in
            call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
            guard let key = call.metadata["idempotency-key"] else { throw RPCError(.invalidArgument, "idempotency-key: a hand-over needs one") }
            let reply = try await context.database.write { tx in
                try Inbox.applyOnce(tx, key: key) {
                    try tx.execute(
                        "INSERT INTO prepared (idempotency_key, request) VALUES (?, ?)", key,
                        String(decoding: try JSONCodec.encode(request), as: UTF8.self))
                    return try JSONCodec.encode(PublicationAPI.PreparePublicationResponse(caseReference: request.caseReference, prepared: true))
                }
            }
            return try JSONCodec.decode(PublicationAPI.PreparePublicationResponse.self, from: reply)
        }
        routes.register(list) { _, _ in
            let rows = try await context.database.read { try $0.query("SELECT * FROM prepared ORDER BY position") }
            return PreparedList(
                prepared: try rows.map { row in
                    let text: String = try row["request"]
                    return Prepared(
                        position: try row["position"], idempotencyKey: try row["idempotency_key"],
                        request: try JSONCodec.decode(PublicationAPI.PreparePublicationRequest.self, from: Data(text.utf8)))
                })
        }
        return routes
    }

    /// What the stand-in listening on `port` has applied.
    static func prepared(port: Int) async throws -> [Prepared] {
        try await RPCClient(host: "127.0.0.1", port: port).call(list, Empty(), deadline: .seconds(5), metadata: bearer(TestTokens.admin)).prepared
    }
}
