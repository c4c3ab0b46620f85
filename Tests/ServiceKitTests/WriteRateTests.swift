import Contract
import Foundation
import RPC
import ServiceKit
import Testing

/// Issue 17, item 9: a token bucket per principal limits writes, RESOURCE_EXHAUSTED with a
/// retry hint; reads and the services' own principals are not limited.
@Suite("Writes are rate-limited per principal (issue 17, item 9)")
struct WriteRateTests {
    @Test("item 9: a bucket gives exactly its burst at once, the next write waits 1/rate, and it refills")
    func bucket() {
        let buckets = TokenBuckets(rate: 10)
        let start = ContinuousClock.now
        for _ in 1...10 { #expect(buckets.take("Pat.Support", now: start) == nil) }
        let wait = buckets.take("Pat.Support", now: start)
        #expect(wait == .milliseconds(100))
        #expect(buckets.take("Sam.Panel", now: start) == nil, "one principal's writes used up another's")
        #expect(buckets.take("Pat.Support", now: start + .milliseconds(100)) == nil)
        #expect(buckets.take("Pat.Support", now: start + .milliseconds(100)) != nil)
    }

    static func call(_ interceptor: WriteRateInterceptor, _ method: String, roles: Set<String> = ["partnership-support"]) async -> RPCError? {
        var context = CallContext(method: MethodInfo(path: "/cspr.intake.v1.Intake/\(method)", roles: ["partnership-support"]))
        context.principal = Principal(name: "Pat.Support", roles: roles)
        do {
            _ = try await interceptor.intercept(context, request: Data()) { _, _ in Data() }
            return nil
        } catch {
            return error as? RPCError
        }
    }

    @Test("item 9: past the rate a write is RESOURCE_EXHAUSTED saying when to retry; reads and service principals pass")
    func interceptor() async {
        let interceptor = WriteRateInterceptor(buckets: TokenBuckets(rate: 3))
        for _ in 1...3 { #expect(await Self.call(interceptor, "SubmitReferral") == nil) }
        let refused = await Self.call(interceptor, "SubmitReferral")
        #expect(refused?.code == .resourceExhausted)
        #expect(refused?.message.hasPrefix("writes by Pat.Support are limited to 3 a second (CSPR_WRITE_RATE); retry after ") == true)
        for read in ["GetCase", "ListCases", "GetStatuses", "CheckDisclosure", "IntegrityCheck"] {
            #expect(await Self.call(interceptor, read) == nil, "\(read) was limited")
        }
        #expect(await Self.call(interceptor, "OpenRapidReview", roles: ["service"]) == nil)
    }

    @Test("item 9: CSPR_WRITE_RATE defaults to 3000 a second and refuses what is not a rate")
    func setting() throws {
        #expect(try ServiceConfiguration.load(.intake, peers: [], environment: [:]).writeRate == 3000)
        #expect(try ServiceConfiguration.load(.intake, peers: [], environment: ["CSPR_WRITE_RATE": "50"]).writeRate == 50)
        for bad in ["0", "fast", "-1", "2000000"] {
            #expect(throws: ConfigurationError.self) { try ServiceConfiguration.load(.intake, peers: [], environment: ["CSPR_WRITE_RATE": bad]) }
        }
    }
}
