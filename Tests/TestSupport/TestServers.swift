import Foundation
import H2
import RPC

/// Starts the echo service in this process on a free loopback port, runs `body`, and stops it.
package func withEchoServer<T>(
    _ configure: (inout ServerConfiguration) -> Void = { _ in },
    interceptors: [any ServerInterceptor] = [],
    _ body: (RPCServer) async throws -> T
) async throws -> T {
    var configuration = ServerConfiguration()
    configuration.loopCount = 2
    configure(&configuration)
    let server = try RPCServer(configuration: configuration, router: RPCRouter(routes: EchoService.routes(), interceptors: interceptors))
    return try await withStopping(server, stop: { await $0.shutdown(grace: .seconds(2)) }, body)
}

/// Starts the echo server executable as its own process; returns it with its port.
package func startEchoServerProcess(port: Int = 0, environment: [String: String] = [:]) async throws -> (ChildProcess, Int) {
    guard let executable = BuiltProducts.executable("cspr-echo-server") else { throw ChildProcessError.notBuilt("cspr-echo-server") }
    let child = try ChildProcess(executable, arguments: [String(port)], environment: environment)
    let line = try await child.waitForLine { $0.hasPrefix("listening on ") }
    guard let bound = Int(line.dropFirst("listening on ".count)) else { throw ChildProcessError.timedOut("no port in \(line)") }
    return (child, bound)
}

/// Client settings for tests that restart servers.
package enum ClientConfigurationForTests {
    /// Reconnects quickly.
    package static var fastBackoff: ClientConfiguration {
        var configuration = ClientConfiguration()
        configuration.initialBackoff = .milliseconds(50)
        configuration.maxBackoff = .milliseconds(200)
        return configuration
    }
}

/// Runs `body` and returns the `RPCError` it threw, or nil when it succeeded (or threw
/// something else, which is then recorded by the caller's expectation failing).
package func captureRPCError(_ body: () async throws -> Void) async -> RPCError? {
    do {
        try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        return RPCError(.unknown, "not an RPCError: \(error)")
    }
}
