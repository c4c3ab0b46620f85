import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import Synchronization
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A counter shared by tasks.
final class Counter: Sendable {
    private let value = Mutex(0)
    /// Adds one and returns the new value.
    func increment() -> Int {
        value.withLock {
            $0 += 1; return $0
        }
    }
}

@Suite("The stack under failure", .serialized)
struct CrashAndStopTests {
    /// The outcome of one call.
    enum Outcome: Sendable {
        case answered(CaseReference)
        case failed(RPCError)
    }

    /// A distinct fictional name per index (letters only: intake recognises a child by name).
    static func childName(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return "Crashtest " + String(letters[index / 26 % 26]).uppercased() + String(letters[index % 26]) + "son"
    }

    /// `count` referrals from 10 workers; when `signalAfter` of them have been answered, the
    /// worker that got that answer sends `signal` to intake, so calls are in flight for sure.
    static func submitMany(_ stack: Stack, count: Int, token: String, signal: Int32, signalAfter: Int) async -> [String: Outcome] {
        let answered = Counter()
        let pid = stack.pid("intake")
        return await withTaskGroup(of: [(String, Outcome)].self) { group in
            for worker in 0..<10 {
                group.addTask {
                    var results: [(String, Outcome)] = []
                    for index in stride(from: worker, to: count, by: 10) {
                        let key = "crash-\(index)"
                        var metadata = bearer(token)
                        metadata.add("idempotency-key", key)
                        do {
                            let reply = try await stack.client("intake").call(
                                IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: childName(index))), deadline: .seconds(20),
                                metadata: metadata)
                            results.append((key, .answered(reply.caseReference)))
                            if answered.increment() == signalAfter, let pid { kill(pid, signal) }
                        } catch {
                            results.append((key, .failed(error as? RPCError ?? RPCError(.unknown, "\(error)"))))
                        }
                    }
                    return results
                }
            }
            var outcomes: [String: Outcome] = [:]
            for await results in group { for (key, outcome) in results { outcomes[key] = outcome } }
            return outcomes
        }
    }

    @Test(
        "SIGKILL intake with 200 calls in flight: every answered call is in its database after restart, the rest failed visibly and succeed on retry, the database is sound"
    )
    func crash() async throws {
        try await withStack { stack in
            _ = try await stack.up()
            let staff = try stack.token("partnership-support")
            let outcomes = await Self.submitMany(stack, count: 200, token: staff, signal: SIGKILL, signalAfter: 40)
            let answered = outcomes.compactMapValues { if case .answered(let reference) = $0 { reference } else { nil } }
            let failed = outcomes.compactMapValues { if case .failed(let error) = $0 { error } else { nil } }
            #expect(answered.count + failed.count == 200)
            #expect(!failed.isEmpty, "the kill came after every call was answered: the test proved nothing")
            // Failed visibly: a status a caller can act on, not a hang or garbage.
            #expect(
                failed.values.allSatisfy { [.unavailable, .deadlineExceeded, .cancelled].contains($0.code) }, "\(Set(failed.values.map(\.code.name)))"
            )

            _ = try await stack.up()
            let client = stack.client("intake")
            let listed = try await client.call(IntakeAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(staff)).cases
            let stored = Set(listed.map(\.caseReference))
            #expect(Set(answered.values).isSubset(of: stored), "an acknowledged referral was lost")

            // The caller retries what failed, with the same idempotency keys: no duplicates.
            for key in failed.keys.sorted() {
                var metadata = bearer(staff)
                metadata.add("idempotency-key", key)
                let index = Int(key.dropFirst("crash-".count)) ?? 0
                _ = try await client.call(
                    IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: Self.childName(index))), deadline: .seconds(10),
                    metadata: metadata)
            }
            let after = try await client.call(IntakeAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(staff)).cases
            #expect(after.count == 200, "\(after.count) cases for 200 distinct referrals")
            let integrity = try await client.call(
                AdminAPI.integrityCheck, .init(), deadline: .seconds(10), metadata: bearer(try stack.token("admin")))
            #expect(integrity.ok, "\(integrity.problems)")
        }
    }

    @Test("SIGTERM during load: calls in flight finish, new ones are refused cleanly, and the service exits 0 with everything answered stored")
    func gracefulStop() async throws {
        try await withStack { stack in
            _ = try await stack.up()
            let staff = try stack.token("partnership-support")
            let outcomes = await Self.submitMany(stack, count: 150, token: staff, signal: SIGTERM, signalAfter: 30)
            #expect(await stack.kill("intake", 0, wait: .seconds(10)), "intake did not exit after SIGTERM")
            let answered = outcomes.values.compactMap { if case .answered(let reference) = $0 { reference } else { nil } }
            let failed = outcomes.values.compactMap { if case .failed(let error) = $0 { error } else { nil } }
            #expect(!answered.isEmpty)
            #expect(failed.allSatisfy { $0.code == .unavailable }, "\(Set(failed.map(\.message)))")
            #expect(stack.log("intake").contains("\"message\":\"stopped\""), "intake did not drain and stop")

            _ = try await stack.up()
            let stored = try await stack.client("intake").call(IntakeAPI.listCases, .init(), deadline: .seconds(10), metadata: bearer(staff)).cases
            #expect(Set(answered).isSubset(of: Set(stored.map(\.caseReference))))
        }
    }
}
