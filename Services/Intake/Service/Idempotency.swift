import Foundation
import RPC
import Storage

/// A client's repeated call with the same `idempotency-key` gets the first answer: the reply is
/// stored with the key in the same transaction as the effect (the inbox table), keyed by method.
enum Idempotency {
    static func run<Response: Codable & Sendable>(
        _ tx: WriteTransaction, call: CallContext, _ work: () throws -> Response
    ) throws -> Response {
        guard let key = call.metadata["idempotency-key"], !key.isEmpty else { return try work() }
        let reply = try Inbox.applyOnce(tx, key: "client/\(call.method.name)/\(key)") { try JSONCodec.encode(try work()) }
        return try JSONCodec.decode(Response.self, from: reply)
    }
}
