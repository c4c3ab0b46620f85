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
    do {
        let result = try await body(server)
        await server.shutdown(grace: .seconds(2))
        return result
    } catch {
        await server.shutdown(grace: .seconds(2))
        throw error
    }
}

/// Starts the echo server executable as its own process; returns it with its port.
package func startEchoServerProcess(port: Int = 0, environment: [String: String] = [:]) async throws -> (ChildProcess, Int) {
    guard let executable = BuiltProducts.executable("cspr-echo-server") else { throw ChildProcessError.notBuilt("cspr-echo-server") }
    let child = try ChildProcess(executable, arguments: [String(port)], environment: environment)
    let line = try await child.waitForLine { $0.hasPrefix("listening on ") }
    guard let bound = Int(line.dropFirst("listening on ".count)) else { throw ChildProcessError.timedOut("no port in \(line)") }
    return (child, bound)
}
