import Foundation

/// When a failed delivery is tried again, and when the outbox gives up on it.
///
/// The delay doubles with each failure from `baseDelay` up to `maxDelay`, less a random
/// fraction of up to `jitter` of it, so that messages failing together (a peer restarting)
/// do not all come back at the same instant; jitter only shortens, so the ceiling holds.
package struct RetryPolicy: Sendable, Equatable {
    /// The delay after the first failure.
    package var baseDelay: TimeInterval
    /// The longest delay between attempts.
    package var maxDelay: TimeInterval
    /// The largest fraction of a delay taken off at random, 0...1.
    package var jitter: Double
    /// Failed attempts of any kind after which a message is parked as a dead letter.
    package var maxAttempts: Int
    /// Non-retryable failures (the receiver refused the message itself) after which it is
    /// parked; 1 parks at the first. More suits refusals that may pass later, such as a
    /// step arriving before the one it follows.
    package var maxNonRetryableAttempts: Int

    /// A policy; the defaults retry for over an hour (25 attempts) before parking a message,
    /// and park it at once when the receiver refuses it.
    package init(
        baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 300, jitter: Double = 0.2, maxAttempts: Int = 25,
        maxNonRetryableAttempts: Int = 1
    ) {
        self.baseDelay = max(0, baseDelay)
        self.maxDelay = max(self.baseDelay, maxDelay)
        self.jitter = min(1, max(0, jitter))
        self.maxAttempts = max(1, maxAttempts)
        self.maxNonRetryableAttempts = max(1, maxNonRetryableAttempts)
    }

    /// A policy that parks a message for retryable failures only once they have gone on for at
    /// least `patience`, however short `maxDelay` is: the attempt limit grows to cover it.
    ///
    /// A hand-over must never be parked because its receiver was briefly down (issue 17). With
    /// the default 25 attempts a `maxDelay` of 1 s gave up after about 20 s, which a receiver
    /// restarting on a busy host can take; now it keeps trying for `patience`, and the default
    /// `maxDelay` of 300 s keeps its 25 attempts (over an hour).
    package static func patient(
        baseDelay: TimeInterval = 1, maxDelay: TimeInterval = 300, jitter: Double = 0.2, patience: TimeInterval = 3600
    ) -> RetryPolicy {
        var policy = RetryPolicy(baseDelay: baseDelay, maxDelay: maxDelay, jitter: jitter)
        policy.maxAttempts = max(policy.maxAttempts, policy.attempts(spanning: patience))
        return policy
    }

    /// The fewest failed attempts whose waits between them, each as short as jitter allows, add
    /// up to `span`: the first failure and the last are at least `span` apart.
    package func attempts(spanning span: TimeInterval) -> Int {
        var waited: TimeInterval = 0
        var failures = 1
        // Bounded: a zero delay would never add up (a policy of `baseDelay` 0 retries at once).
        while waited < span && failures < 1_000_000 {
            let wait = delay(afterFailures: failures, random: 1)
            if wait <= 0 { break }
            waited += wait
            failures += 1
        }
        return failures
    }

    /// The wait before the next attempt after `failures` failed ones (1 for the first),
    /// with `random` in 0..<1 choosing the jitter. Pure, so tests pass a fixed `random`.
    package func delay(afterFailures failures: Int, random: Double) -> TimeInterval {
        // Capping the exponent first keeps 2^n finite however many failures there were.
        let exponent = Double(min(max(failures, 1) - 1, 62))
        let exponential = min(maxDelay, baseDelay * pow(2, exponent))
        return exponential * (1 - jitter * min(max(random, 0), 1))
    }
}
