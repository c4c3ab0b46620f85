import Foundation
import H2
import Synchronization

/// A transport-level handler for H2 tests:
/// - `/echo` returns the body with trailer `x-trailer: done`;
/// - `/sleep/<ms>` answers after sleeping;
/// - `/hold` waits until `release()` (and counts how many wait at once);
/// - `/bytes/<n>` returns n bytes.
package final class TestHTTPHandler: HTTPHandler {
    private let state = Mutex(State())
    private struct State {
        var holding = 0
        var maxHolding = 0
        var released = false
        var cancelled = 0
        var handled = 0
    }

    package init() {}

    /// Most `/hold` requests waiting at the same time.
    package var maxConcurrentHolds: Int { state.withLock { $0.maxHolding } }
    /// Requests waiting in `/hold` now.
    package var currentHolds: Int { state.withLock { $0.holding } }
    /// Handlers that saw their task cancelled.
    package var cancelledHandlers: Int { state.withLock { $0.cancelled } }
    /// Requests answered.
    package var handled: Int { state.withLock { $0.handled } }

    /// Lets every `/hold` request answer.
    package func release() { state.withLock { $0.released = true } }

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        defer { state.withLock { $0.handled += 1 } }
        let parts = request.head.path.split(separator: "/")
        switch parts.first {
        case "echo":
            return HTTPResponse(
                status: 200, headers: ["content-type": "application/octet-stream"], body: request.body, trailers: ["x-trailer": "done"])
        case "sleep":
            let millis = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            do {
                try await Task.sleep(for: .milliseconds(millis))
            } catch {
                state.withLock { $0.cancelled += 1 }
                return HTTPResponse(status: 499)
            }
            return HTTPResponse(status: 200, body: Data("slept \(millis)".utf8))
        case "hold":
            state.withLock {
                $0.holding += 1
                $0.maxHolding = max($0.maxHolding, $0.holding)
            }
            while !state.withLock({ $0.released }) {
                if Task.isCancelled { break }
                try? await Task.sleep(for: .milliseconds(5))
            }
            state.withLock { $0.holding -= 1 }
            return HTTPResponse(status: 200, body: Data("released".utf8))
        case "bytes":
            let count = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
            return HTTPResponse(status: 200, body: Data(repeating: 0x61, count: count))
        default:
            return HTTPResponse(status: 404)
        }
    }
}

/// Runs an `HTTPServer` with `handler` on a free loopback port around `body`.
package func withHTTPServer<T>(
    _ handler: any HTTPHandler, _ configure: (inout ServerConfiguration) -> Void = { _ in },
    _ body: (HTTPServer) async throws -> T
) async throws -> T {
    var configuration = ServerConfiguration()
    configuration.loopCount = 2
    configure(&configuration)
    let server = try HTTPServer(configuration: configuration, handler: handler)
    return try await withStopping(server, stop: { await $0.shutdown(grace: .seconds(2)) }, body)
}

/// A request for the H2 tests.
package func testRequest(_ path: String, method: String = "POST", body: String = "", headers: HTTPFields = HTTPFields()) -> HTTPRequest {
    testRequest(path, method: method, body: Data(body.utf8), headers: headers)
}

/// A request for the H2 tests, with a body in bytes (a gRPC frame, say).
package func testRequest(_ path: String, method: String = "POST", body: Data, headers: HTTPFields = HTTPFields()) -> HTTPRequest {
    HTTPRequest(head: HTTPRequestHead(method: method, path: path, headers: headers, version: .http2), body: body)
}
