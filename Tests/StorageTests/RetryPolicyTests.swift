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

    @Test(
        "issue 17: a patient policy parks for retryable failures only after an hour of them, however short its longest wait",
        arguments: [0.05, 1, 5, 60, 300])
    func patientSpansAnHour(maxDelay: Double) {
        let policy = RetryPolicy.patient(baseDelay: min(1, maxDelay), maxDelay: maxDelay)
        // The waits between the first failure and the one that parks, each as short as jitter allows.
        let shortest = (1..<policy.maxAttempts).reduce(0.0) { $0 + policy.delay(afterFailures: $1, random: 1) }
        #expect(shortest >= 3600, "parks after \(policy.maxAttempts) attempts, \(Int(shortest)) s at the soonest")
        #expect(policy.maxAttempts >= RetryPolicy().maxAttempts)
        #expect(policy.maxNonRetryableAttempts == 1, "a refusal still parks at once")
    }

    @Test("issue 17: the default ceiling of 300 s keeps its 25 attempts when patient")
    func patientDefault() {
        #expect(RetryPolicy.patient().maxAttempts == 25)
        #expect(RetryPolicy.patient(maxDelay: 1).maxAttempts > 25)
    }

    @Test("different random draws spread the retries of messages that failed together")
    func jitterSpreads() {
        let policy = RetryPolicy(baseDelay: 10, maxDelay: 300, jitter: 0.2)
        let delays = Set([0.0, 0.3, 0.6, 0.9].map { policy.delay(afterFailures: 3, random: $0) })
        #expect(delays.count == 4)
    }
}
