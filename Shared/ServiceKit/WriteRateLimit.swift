import Foundation
import RPC
import Synchronization

/// A token bucket per principal (issue 17, item 9): each principal may make `rate` writes a
/// second, in bursts of up to one second's worth. Principals come from the tokens file, so the
/// buckets are as many as its lines.
package final class TokenBuckets: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    /// Writes a second each principal may make.
    package let rate: Double
    /// The most a principal may make at once after a quiet spell.
    package let burst: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    /// Buckets refilling at `rate` a second, holding up to `burst` (default: one second's worth).
    package init(rate: Double, burst: Double? = nil) {
        self.rate = rate
        self.burst = max(1, burst ?? rate)
    }

    /// Takes one write from `principal`'s bucket: nil when it had one, else how long until it will.
    package func take(_ principal: String, now: ContinuousClock.Instant = .now) -> Duration? {
        buckets.withLock { buckets in
            var bucket = buckets[principal] ?? Bucket(tokens: burst, updated: now)
            let elapsed = bucket.updated.duration(to: now)
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(burst, bucket.tokens + max(0, seconds) * rate)
            bucket.updated = now
            defer { buckets[principal] = bucket }
            guard bucket.tokens >= 1 else { return .seconds((1 - bucket.tokens) / rate) }
            bucket.tokens -= 1
            return nil
        }
    }
}

/// Refuses a principal's writes beyond its bucket with RESOURCE_EXHAUSTED, saying when to retry
/// (issue 17, item 9: one token used up a year's case numbers in 30 s). It runs inside
/// authentication (it needs the principal) and inside the audit (a refusal is audited). The
/// services' own principals (role `service`) are not limited: their hand-overs follow writes
/// already limited where they were made.
package struct WriteRateInterceptor: ServerInterceptor {
    private let buckets: TokenBuckets
    private let isWrite: @Sendable (MethodInfo) -> Bool

    /// Limits the methods `isWrite` names (by default every call that is not a read: reads are
    /// named Get…, List…, Check… or IntegrityCheck).
    package init(buckets: TokenBuckets, isWrite: @escaping @Sendable (MethodInfo) -> Bool = WriteRateInterceptor.isWrite) {
        self.buckets = buckets
        self.isWrite = isWrite
    }

    /// True for a call that is not a read, by its name.
    package static func isWrite(_ method: MethodInfo) -> Bool {
        let name = method.name
        return !["Get", "List", "Check"].contains { name.hasPrefix($0) } && name != "IntegrityCheck"
    }

    package func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
        guard let principal = context.principal, !principal.roles.contains("service"), isWrite(context.method) else {
            return try await next(context, request)
        }
        if let wait = buckets.take(principal.name) {
            let milliseconds = max(1, Int((Double(wait.components.seconds) * 1000 + Double(wait.components.attoseconds) / 1e15).rounded(.up)))
            let rate = buckets.rate == buckets.rate.rounded() ? String(Int(buckets.rate)) : String(buckets.rate)
            throw RPCError(
                .resourceExhausted, "writes by \(principal.name) are limited to \(rate) a second (CSPR_WRITE_RATE); retry after \(milliseconds) ms")
        }
        return try await next(context, request)
    }
}
