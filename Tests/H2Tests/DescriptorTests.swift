import Foundation
import TestSupport
import Testing

@testable import H2

#if canImport(Glibc)
    import Glibc
#endif

/// Each descriptor is closed once, by its owner, and never used after (issue 17 item 17): a
/// number used after its close may be another file's by then, a SQLite database's say.
@Suite("Descriptors closed once")
struct DescriptorTests {
    @Test("item 17: a stopped event loop writes nothing to the number its eventfd had, though work is queued after it stopped")
    func stoppedLoopWritesNothing() async throws {
        let loop = try EventLoop(name: "descriptor-test")
        let wakeNumber = loop.wakeFD
        // Opened first, so that the pipe does not take the numbers the loop frees.
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        _ = fcntl(ends[0], F_SETFL, fcntl(ends[0], F_GETFL) | O_NONBLOCK)
        loop.stop()
        #expect(await eventually(within: .seconds(5)) { loop.hasExited })
        // The number now belongs to the pipe's write end, as it might to a database file.
        // F_DUPFD takes the lowest free number from `wakeNumber` up, atomically: never dup2,
        // which would close whatever a parallel test has opened there meanwhile.
        let writeEnd = fcntl(ends[1], F_DUPFD, wakeNumber)
        defer {
            Descriptor.close(ends[0])
            Descriptor.close(ends[1])
            Descriptor.close(writeEnd)
        }
        // Another test took the number first: this run cannot tell (rare; the next one will).
        guard writeEnd == wakeNumber else { return }
        loop.execute {}
        var byte: UInt8 = 0
        let read = Glibc.read(ends[0], &byte, 1)
        #expect(read == -1 && errno == EAGAIN, "the stopped loop wrote its wake-up into another file")
    }

    @Test("item 17: a raw connection to a port nobody listens on fails, closing its socket once (a second close asserts)")
    func refusedConnectionClosesOnce() throws {
        let held = try PortReservation(port: freeTestPort())
        for _ in 0..<20 {
            #expect(throws: RawConnectionError.self) { try RawConnection(port: held.port) }
        }
    }

    @Test("item 17: closing a descriptor that is open succeeds without a report")
    func closeOnce() {
        var ends: [Int32] = [0, 0]
        #expect(pipe(&ends) == 0)
        // The write end really closed: its reader sees the end of the stream. (Checking the
        // number with fcntl afterwards would race with other tests' threads reusing it.)
        Descriptor.close(ends[1])
        var byte: UInt8 = 0
        #expect(read(ends[0], &byte, 1) == 0)
        Descriptor.close(ends[0])
    }
}

/// A free port from the shared test range.
private func freeTestPort() -> Int { TestPorts.free() }
