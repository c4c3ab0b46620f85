import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Storage
import TestSupport

/// A stand-in for review-management, a real RPC server in the test: it applies each
/// CommissionReview once per idempotency key (Inbox), as the real service will, and lists
/// what it applied.
enum StandInReviewManagement {
    struct Commissioned: Codable, Sendable, Equatable {
        var position: Int64
        var idempotencyKey: String
        var request: ReviewManagementAPI.CommissionReviewRequest
    }
    struct CommissionedList: Codable, Sendable, Equatable {
        var commissioned: [Commissioned]
    }
    struct Empty: Codable, Sendable, Equatable {}

    /// The stand-in's own read, for the tests.
    static let list = Method<Empty, CommissionedList>(service: "cspr.test.v1.StandInReviewManagement", name: "List", roles: .roles(.admin))

    static let definition = ServiceDefinition(
        identity: .reviewManagement,
        migrations: [
            Migration(
                "commissioned",
                sql: """
                    CREATE TABLE commissioned (position INTEGER PRIMARY KEY, idempotency_key TEXT NOT NULL, request TEXT NOT NULL) STRICT;
                    """)
        ]
    ) { context in
        var routes = RouteTable()
        routes.register(ReviewManagementAPI.commissionReview) { request, call in
            call.annotations.set(AuditTrail.caseReferenceKey, request.caseReference.description)
            guard let key = call.metadata["idempotency-key"] else { throw RPCError(.invalidArgument, "idempotency-key: a hand-over needs one") }
            let reply = try await context.database.write { tx in
                try Inbox.applyOnce(tx, key: key) {
                    try tx.execute(
                        "INSERT INTO commissioned (idempotency_key, request) VALUES (?, ?)", key,
                        String(decoding: try JSONCodec.encode(request), as: UTF8.self))
                    return try JSONCodec.encode(
                        ReviewManagementAPI.CommissionReviewResponse(caseReference: request.caseReference, commissioned: true))
                }
            }
            return try JSONCodec.decode(ReviewManagementAPI.CommissionReviewResponse.self, from: reply)
        }
        routes.register(list) { _, _ in
            let rows = try await context.database.read { try $0.query("SELECT * FROM commissioned ORDER BY position") }
            return CommissionedList(
                commissioned: try rows.map { row in
                    let text: String = try row["request"]
                    return Commissioned(
                        position: try row["position"], idempotencyKey: try row["idempotency_key"],
                        request: try JSONCodec.decode(ReviewManagementAPI.CommissionReviewRequest.self, from: Data(text.utf8)))
                })
        }
        return routes
    }

    /// What the stand-in listening on `port` has applied.
    static func commissioned(port: Int) async throws -> [Commissioned] {
        try await RPCClient(host: "127.0.0.1", port: port).call(list, Empty(), deadline: .seconds(5), metadata: bearer(TestTokens.admin)).commissioned
    }
}
