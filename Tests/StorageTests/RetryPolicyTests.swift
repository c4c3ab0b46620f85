import Foundation
import Storage
import Testing

@Suite("Retry policy")
struct RetryPolicyTests {
    @Test("the delay doubles with each failure until it reaches the ceiling, then stays there")
    func growsAndCaps() {
        let policy = RetryPolicy(baseDelay: 1, maxDelay: 60, jitter: 0.2)
        let delays = (1...12).map { policy.delay(afterFailures: $0, random: 0) }
        #expect(delays == [1, 2, 4, 8, 16, 32, 60, 60, 60, 60, 60, 60])
        #expect(policy.delay(afterFailures: 10_000, random: 0) == 60)
    }

    @Test(
        "jitter shortens a delay by at most its fraction and never lifts it past the ceiling",
        arguments: [0.0, 0.25, 0.5, 0.999])
    func jitterBounds(random: Double) {
        let policy = RetryPolicy(baseDelay: 2, maxDelay: 100, jitter: 0.5)
        for failures in 1...20 {
            let full = policy.delay(afterFailures: failures, random: 0)
            let jittered = policy.delay(afterFailures: failures, random: random)
            #expect(jittered <= full && jittered <= 100)
            #expect(jittered >= full * 0.5)
        }
    }

    @Test("different random draws spread the retries of messages that failed together")
    func jitterSpreads() {
        let policy = RetryPolicy(baseDelay: 10, maxDelay: 300, jitter: 0.2)
        let delays = Set([0.0, 0.3, 0.6, 0.9].map { policy.delay(afterFailures: 3, random: $0) })
        #expect(delays.count == 4)
    }
}
