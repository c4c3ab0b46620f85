import Foundation
import H2
import RPC
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The echo service behind a token check, as a service's is: the gate on the headers and the
/// interceptor on the call. The token is obviously fictional.
enum Guard {
    static let token = "security-test-token-not-a-secret"

    static let gate: CallerGate = { _, metadata in metadata["authorization"] == "Bearer \(token)" ? .known : .refused }

    /// The interceptor that refuses a call without the token (what AuthInterceptor does).
    struct Check: ServerInterceptor {
        func intercept(_ context: CallContext, request: Data, next: RawHandler) async throws -> Data {
            guard context.metadata["authorization"] == "Bearer \(Guard.token)" else {
                throw RPCError(.unauthenticated, "\(context.method.name) needs the test token")
            }
            return try await next(context, request)
        }
    }
}

/// Starts the guarded echo server on two loops, runs `body`, and stops it.
func withGuardedServer<T>(
    _ configure: (inout ServerConfiguration) -> Void = { _ in }, _ body: (RPCServer) async throws -> T
) async throws -> T {
    var configuration = ServerConfiguration()
    configuration.loopCount = 2
    configure(&configuration)
    let router = RPCRouter(routes: EchoService.routes(), interceptors: [Guard.Check()], callerGate: Guard.gate)
    let server = try RPCServer(configuration: configuration, router: router)
    return try await withStopping(server, stop: { await $0.shutdown(grace: .seconds(2)) }, body)
}

/// A Connect call with the token, as a legitimate client makes it.
func legitimateRequest(_ text: String = "still served") -> String {
    let body = #"{"text":"\#(text)"}"#
    return "POST \(EchoService.echo.path) HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer \(Guard.token)\r\n"
        + "Content-Length: \(body.utf8.count)\r\n\r\n\(body)"
}

/// One legitimate call on a fresh connection from 127.0.0.1: true when it was answered with
/// its echo within two seconds.
func legitimateCall(port: Int) -> Bool {
    guard let connection = try? RawConnection(port: port, readTimeout: .seconds(2)) else { return false }
    guard connection.send(legitimateRequest()), let response = connection.readHTTP1Response() else { return false }
    return response.status == 200 && response.body.contains("still served")
}

/// Legitimate calls, one every `interval`, for `duration`: how many of them failed, of how many.
func legitimateCalls(port: Int, for duration: Duration, every interval: Duration = .milliseconds(250)) async -> (failed: Int, total: Int) {
    var failed = 0
    var total = 0
    let end = ContinuousClock.now + duration
    while ContinuousClock.now < end {
        total += 1
        if !legitimateCall(port: port) { failed += 1 }
        try? await Task.sleep(for: interval)
    }
    return (failed, total)
}

/// This process's resident set, in MiB.
func residentMiB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
        let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
        let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "")
    else { return 0 }
    return kilobytes / 1024
}

/// HTTP/2 frames written and read by hand, for the attacks an ordinary client cannot make.
enum RawH2 {
    static let preface = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
    static let emptySettings = frame(type: 0x4, flags: 0, stream: 0, payload: [])

    struct Frame {
        var type: UInt8
        var flags: UInt8
        var stream: UInt32
        var payload: [UInt8]
    }

    static func frame(type: UInt8, flags: UInt8, stream: UInt32, payload: [UInt8]) -> [UInt8] {
        let length = payload.count
        return [UInt8(length >> 16), UInt8((length >> 8) & 0xff), UInt8(length & 0xff), type, flags]
            + withUnsafeBytes(of: stream.bigEndian) { Array($0) } + payload
    }

    /// A request's HEADERS (END_HEADERS), each field an HPACK literal without indexing.
    static func headers(stream: UInt32, _ fields: [(String, String)], endStream: Bool) -> [UInt8] {
        var block: [UInt8] = []
        for (name, value) in fields {
            block.append(0)
            block += [UInt8(name.utf8.count)] + Array(name.utf8)
            block += [UInt8(value.utf8.count)] + Array(value.utf8)
        }
        return frame(type: 0x1, flags: endStream ? 0x5 : 0x4, stream: stream, payload: block)
    }

    /// A gRPC call's HEADERS to the echo method, with the token or without.
    static func echoHeaders(stream: UInt32, token: Bool) -> [UInt8] {
        var fields = [
            (":method", "POST"), (":scheme", "http"), (":authority", "x"), (":path", EchoService.echo.path),
            ("content-type", "application/grpc+json"), ("te", "trailers"),
        ]
        if token { fields.append(("authorization", "Bearer \(Guard.token)")) }
        return headers(stream: stream, fields, endStream: false)
    }

    /// DATA frames of at most 16 KiB (the default SETTINGS_MAX_FRAME_SIZE) carrying `bytes`.
    static func data(stream: UInt32, _ bytes: [UInt8], endStream: Bool = false) -> [UInt8] {
        let chunks = stride(from: 0, to: max(bytes.count, 1), by: 16384).map { Array(bytes[$0..<min($0 + 16384, bytes.count)]) }
        return chunks.enumerated().flatMap { index, chunk in
            frame(type: 0x0, flags: endStream && index == chunks.count - 1 ? 0x1 : 0, stream: stream, payload: chunk)
        }
    }

    /// The frames in `bytes` (a partial last frame is left out).
    static func frames(_ bytes: [UInt8]) -> [Frame] {
        var frames: [Frame] = []
        var offset = 0
        while offset + 9 <= bytes.count {
            let length = Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
            guard offset + 9 + length <= bytes.count else { break }
            let stream = bytes[(offset + 5)..<(offset + 9)].reduce(UInt32(0)) { $0 << 8 | UInt32($1) } & 0x7fff_ffff
            frames.append(
                Frame(type: bytes[offset + 3], flags: bytes[offset + 4], stream: stream, payload: Array(bytes[(offset + 9)..<(offset + 9 + length)])))
            offset += 9 + length
        }
        return frames
    }
}
