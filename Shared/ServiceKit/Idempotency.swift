import Foundation
import RPC
import Storage

/// Calls that are applied once: a repeated call with the same `idempotency-key` gets the first
/// answer instead of being applied again. The reply is stored with the key in the inbox table,
/// in the same transaction as the call's effect, so a crash between the two cannot happen.
///
/// The key is the caller's own: it is stored with the method and the principal, so two callers
/// cannot answer each other's calls. It remembers what it was used for (a fingerprint of the
/// request): the same key with a different request is refused rather than answered with
/// another case's reply.
package enum Idempotency {
    /// A client's call: applied once per key when it carries an `idempotency-key`, every time
    /// when it does not. The request is recognised by its content (its canonical JSON), so a
    /// client may resend it with its fields in another order.
    package static func run<Request: Encodable, Response: Codable & Sendable>(
        _ tx: WriteTransaction, call: CallContext, request: Request, _ work: () throws -> Response
    ) throws -> Response {
        guard let key = call.metadata[header], !key.isEmpty else { return try work() }
        return try once(tx, scope: "client", key: key, call: call, fingerprint: try fingerprint(request), work)
    }

    /// A hand-over from another stage (the outbox relay always sends a key): applied once per
    /// key; one without a key is refused, since a retry of it could not be recognised.
    package static func receive<Request: Encodable, Response: Codable & Sendable>(
        _ tx: WriteTransaction, call: CallContext, request: Request, _ work: () throws -> Response
    ) throws -> Response {
        guard let key = call.metadata[header], !key.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw IdempotencyError.keyMissing
        }
        // Applied before ServiceKit kept hand-overs this way: the reply stored under the bare key.
        if try Inbox.reply(tx, key: "handover/\(call.method.name)/\(call.principal?.name ?? "anonymous")/\(key)") == nil,
            let earlier = try Inbox.reply(tx, key: key), let reply = try? JSONCodec.decode(Response.self, from: earlier)
        {
            return reply
        }
        // The relay resends the stored payload byte for byte, so the bytes received are what a
        // retry is recognised by (`RouteTable.handle` notes their fingerprint): a receiver whose
        // request type has gained a field since still knows the retry for what it is.
        let fingerprint = try call.annotations.get(payloadFingerprintKey) ?? fingerprint(request)
        return try once(tx, scope: "handover", key: key, call: call, fingerprint: fingerprint, work)
    }

    /// The annotation `RouteTable.handle` sets to the fingerprint of a keyed request's bytes.
    package static let payloadFingerprintKey = "payloadFingerprint"

    /// The request header that carries the key.
    package static let header = "idempotency-key"

    private static func once<Response: Codable & Sendable>(
        _ tx: WriteTransaction, scope: String, key: String, call: CallContext, fingerprint: String, _ work: () throws -> Response
    ) throws -> Response {
        let principal = call.principal?.name ?? "anonymous"
        let stored = try Inbox.applyOnce(tx, key: "\(scope)/\(call.method.name)/\(principal)/\(key)") {
            Data((fingerprint + "\n").utf8) + (try JSONCodec.encode(try work()))
        }
        guard let newline = stored.firstIndex(of: 10), String(decoding: stored[stored.startIndex..<newline], as: UTF8.self) == fingerprint else {
            throw IdempotencyError.keyReused(key)
        }
        return try JSONCodec.decode(Response.self, from: stored[stored.index(after: newline)...])
    }

    /// FNV-1a over the request's canonical JSON (sorted keys): enough to tell two requests apart.
    package static func fingerprint<Request: Encodable>(_ request: Request) throws -> String {
        fingerprint(bytes: try JSONCodec.encode(request))
    }

    /// FNV-1a over `bytes`.
    package static func fingerprint(bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

/// Why an idempotent call was refused.
package enum IdempotencyError: DomainError, Equatable {
    /// A hand-over without its key.
    case keyMissing
    /// The key was already used by this caller for a different request.
    case keyReused(String)

    package var rpcError: RPCError {
        switch self {
        case .keyMissing: RPCError(.invalidArgument, "idempotency-key: a hand-over carries an idempotency-key header")
        case .keyReused(let key): RPCError(.invalidArgument, "idempotency-key: \(key) was already used for a different request")
        }
    }
}
