import Contract
import Foundation
import RPC
import Storage

extension Outbox {
    /// Queues `request` for `handOver` inside the caller's write transaction: the row names the
    /// hand-over's destination service and method path, and holds the request as JSON. The
    /// destination and the payload's type come from the contract, so a wrong one does not compile.
    /// A second message with the same `key` is refused with `.constraint(.unique)`.
    @discardableResult
    package static func enqueue<Request, Response>(
        _ tx: WriteTransaction, _ handOver: HandOver<Request, Response>, _ request: Request, key: String, now: Date = Date()
    ) throws -> Int64 {
        try enqueue(
            tx, destination: handOver.destination.name, method: handOver.method.path, payload: try JSONCodec.encode(request), idempotencyKey: key,
            now: now)
    }
}
