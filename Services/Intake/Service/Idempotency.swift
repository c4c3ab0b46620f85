import Foundation
import RPC
import Storage

/// A client's repeated call with the same `idempotency-key` gets the first answer: the reply is
/// stored with the key in the same transaction as the effect (the inbox table). The key is the
/// caller's own (with the method and the principal), and it remembers what it was used for: the
/// same key with a different request is refused rather than answered with another case's reply.
enum Idempotency {
    static func run<Request: Encodable, Response: Codable & Sendable>(
        _ tx: WriteTransaction, call: CallContext, request: Request, _ work: () throws -> Response
    ) throws -> Response {
        guard let key = call.metadata["idempotency-key"], !key.isEmpty else { return try work() }
        let principal = call.principal?.name ?? "anonymous"
        let fingerprint = try Self.fingerprint(request)
        let stored = try Inbox.applyOnce(tx, key: "client/\(call.method.name)/\(principal)/\(key)") {
            Data((fingerprint + "\n").utf8) + (try JSONCodec.encode(try work()))
        }
        guard let newline = stored.firstIndex(of: 10), String(decoding: stored[stored.startIndex..<newline], as: UTF8.self) == fingerprint else {
            throw IntakeError.invalid(field: "idempotency-key", problem: "\(key) was already used for a different request")
        }
        return try JSONCodec.decode(Response.self, from: stored[stored.index(after: newline)...])
    }

    /// FNV-1a over the request's canonical JSON (sorted keys): enough to tell two requests apart.
    static func fingerprint<Request: Encodable>(_ request: Request) throws -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in try JSONCodec.encode(request) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
