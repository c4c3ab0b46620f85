import Foundation
import ServiceKit
import Synchronization
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Compute executor")
struct ComputeExecutorTests {
    struct Refused: Error, Equatable {}

    @Test("work runs on one of the executor's own threads, not the caller's")
    func offTheCallersThread() async throws {
        let executor = ComputeExecutor(threadCount: 2, name: "test.compute")
        let caller = UInt(pthread_self())
        let (thread, name) = await executor.run { (UInt(pthread_self()), Thread.current.name ?? "") }
        #expect(thread != caller)
        #expect(name.hasPrefix("test.compute."))
    }

    @Test("an error the work throws reaches the caller, typed")
    func errorsPropagate() async {
        let executor = ComputeExecutor(threadCount: 1)
        await #expect(throws: Refused()) {
            try await executor.run { () throws(Refused) -> Int in throw Refused() }
        }
        // The thread survives a throwing job and takes the next one.
        let next = await executor.run { 42 }
        #expect(next == 42)
    }

    @Test("as many pieces of work run at once as it has threads")
    func concurrent() async throws {
        let executor = ComputeExecutor(threadCount: 2)
        let arrived = Atomic<Int>(0)
        // Each piece waits (up to 10 s) until both have started: with one thread the first would time out alone.
        let meet: @Sendable () -> Bool = {
            arrived.add(1, ordering: .sequentiallyConsistent)
            let deadline = Date().addingTimeInterval(10)
            while arrived.load(ordering: .sequentiallyConsistent) < 2 && Date() < deadline { usleep(1000) }
            return arrived.load(ordering: .sequentiallyConsistent) == 2
        }
        async let first = executor.run(meet)
        async let second = executor.run(meet)
        let met = await [first, second]
        #expect(met == [true, true])
    }
}
