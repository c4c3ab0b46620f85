import Foundation
import RPC
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// The echo server as its own process, the way services run.
@Suite("RPC server as a process")
struct ProcessTests {
    @Test("a child started while the runner holds 3,000 descriptors starts, and inherits only its standard three")
    func childInheritsOnlyStandardDescriptors() async throws {
        // Foundation's Process.run() crashed the runner at about this many open descriptors.
        let held = (0..<3000).map { _ in open("/dev/null", O_RDONLY) }
        defer { held.filter { $0 >= 0 }.forEach { close($0) } }
        #expect(held.allSatisfy { $0 >= 0 })
        let (status, stdout, _) = try await runCapturing(URL(fileURLWithPath: "/bin/ls"), ["/proc/self/fd"])
        #expect(status == 0)
        // ls's own directory descriptor is the fourth.
        #expect(Set(stdout.split(separator: "\n")) == ["0", "1", "2", "3"])
    }

    @Test("SIGTERM drains: the call in flight is answered, new calls are refused, the process exits 0")
    func sigtermDrains() async throws {
        let (process, port) = try await startEchoServerProcess()
        let client = RPCClient(host: "127.0.0.1", port: port)
        let start = ContinuousClock.now
        // The call sleeps long enough for the refusals below even on a loaded machine; the test
        // waits for the server to say it holds the call and has begun draining, not for a guess.
        let inFlight = Task { try await client.call(EchoService.echo, .init(text: "finishing", sleepMillis: 3000), deadline: .seconds(20)) }
        _ = try await process.waitForLine { $0 == "holding finishing" }
        process.send(SIGTERM)
        _ = try await process.waitForLine { $0 == "draining" }
        // The listener closes just after "draining"; a new client is refused from then on.
        var refused: RPCError?
        while refused?.code != .unavailable, ContinuousClock.now < start + .seconds(15) {
            let late = RPCClient(host: "127.0.0.1", port: port)
            refused = await captureRPCError { _ = try await late.call(EchoService.echo, .init(text: "too late"), deadline: .seconds(2)) }
            if refused?.code != .unavailable { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(refused?.code == .unavailable)
        #expect(try await inFlight.value.text == "finishing")
        #expect(try await process.waitForExit() == 0)
        #expect(process.output.contains("stopped"))
    }

    @Test("the client reconnects after the server process is killed and restarted on the same port")
    func reconnectAfterKill() async throws {
        let (first, port) = try await startEchoServerProcess()
        var configuration = ClientConfigurationForTests.fastBackoff
        configuration.connectTimeout = .seconds(2)
        let client = RPCClient(host: "127.0.0.1", port: port, configuration: configuration)
        #expect(try await client.call(EchoService.echo, .init(text: "before"), deadline: .seconds(5)).text == "before")

        first.send(SIGKILL)
        _ = try await first.waitForExit()
        let down = await captureRPCError { _ = try await client.call(EchoService.echo, .init(text: "while down"), deadline: .seconds(2)) }
        #expect(down?.code == .unavailable)

        let (second, _) = try await startEchoServerProcess(port: port)
        var reply: String?
        let deadline = ContinuousClock.now + .seconds(10)
        while reply == nil && ContinuousClock.now < deadline {
            reply = try? await client.call(EchoService.echo, .init(text: "after"), deadline: .seconds(2)).text
            if reply == nil { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(reply == "after")
        second.send(SIGTERM)
        #expect(try await second.waitForExit() == 0)
    }
}
