import Foundation
import H2
import RPC
import TestSupport
import Testing

extension MisbehavingPeerTests {
    /// Clients that break the protocol or walk away: each is dealt with (an error status, or the
    /// connection closed, never a hang or a crash) and the server goes on serving.
    @Suite("Misbehaving clients do not take the server down")
    struct MisbehavingPeers {
        static func oneSecondHeaderTimeout(_ configuration: inout ServerConfiguration) { configuration.headerTimeout = .seconds(1) }
        static func halfSecondHeaderTimeout(_ configuration: inout ServerConfiguration) { configuration.headerTimeout = .milliseconds(500) }

        /// What `h2_peer.py raw` and `slowloris` saw.
        struct RawResult: Decodable {
            var closed: Bool
            var elapsed: Double
            /// The HTTP/1.1 status line, when the answer was one.
            var firstLine: String?
            var received: Int

            var status: Int? { firstLine.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } }
        }

        /// Bytes sent where a request or the HTTP/2 preface belongs.
        struct Garbage: Sendable, CustomTestStringConvertible {
            var testDescription: String
            var bytes: [UInt8]
            /// The HTTP/1.1 status expected before the close; nil when the server must only close
            /// (after its own HTTP/2 GOAWAY).
            var status: Int?
        }

        /// Fixed pseudo-random bytes with no line ends, so the server can never see a request head.
        static let noise: [UInt8] = {
            var state: UInt32 = 0x2019_C5B2
            return (0..<512).map { _ in
                state = state &* 1_664_525 &+ 1_013_904_223
                let byte = UInt8(truncatingIfNeeded: state >> 24)
                return byte == 10 || byte == 13 ? 0 : byte
            }
        }()

        static let garbage = [
            Garbage(testDescription: "a line that is not HTTP is answered 400", bytes: Array("HELLO SERVER\r\n\r\n".utf8), status: 400),
            Garbage(
                testDescription: "a mangled HTTP/2 preface is closed with a GOAWAY (RFC 9113 §3.4), not read as HTTP/1.1",
                bytes: Array("PRI * HTTP/2.0\r\n\r\nXX\r\n\r\n".utf8), status: nil),
            Garbage(
                testDescription: "the HTTP/2 preface followed by junk frames is closed with a GOAWAY",
                bytes: Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8) + Array(repeating: 0xff, count: 64), status: nil),
            Garbage(testDescription: "binary noise that never ends a line is answered 408 at the header timeout", bytes: noise, status: 408),
            Garbage(
                testDescription: "a TLS ClientHello (https to the h2c port) is answered 408 at the header timeout",
                bytes: [0x16, 0x03, 0x01, 0x00, 0xc8, 0x01, 0x00, 0x00, 0xc4, 0x03, 0x03] + Array(repeating: 0x2a, count: 64), status: 408),
        ]

        @Test("garbage instead of the preface is refused and the connection closed within 5 s", arguments: garbage)
        func garbagePreface(_ garbage: Garbage) async throws {
            try await withEchoServer(Self.oneSecondHeaderTimeout) { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.python("h2_peer.py", ["raw", String(server.port), Wire.hex(garbage.bytes)], as: RawResult.self)
                #expect(result.closed, "the server left the connection open for \(result.elapsed) s")
                #expect(result.elapsed < 5, "the server took \(result.elapsed) s to close")
                if let status = garbage.status {
                    #expect(result.status == status, "got \(result.firstLine ?? "no HTTP/1.1 answer")")
                } else {
                    #expect(result.firstLine == nil, "an HTTP/2 connection got an HTTP/1.1 answer: \(result.firstLine ?? "")")
                    #expect(result.received > 0, "the server closed without a GOAWAY")
                }
                await bystander.expectServerStillServing(after: garbage.testDescription)
            }
        }

        @Test("a stream reset in the middle of its request leaves the connection serving the next call")
        func resetMidRequest() async throws {
            struct Result: Decodable {
                var afterReset: H2Response
                var resetStream: H2Response
            }
            try await withEchoServer { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.python("h2_peer.py", ["reset-mid-request", String(server.port)], as: Result.self)
                #expect(result.resetStream.status == nil, "the reset request was answered anyway")
                #expect(result.afterReset.status == 200)
                #expect(result.afterReset.grpcStatus == 0, "\(result.afterReset.grpcMessage ?? "")")
                #expect(result.afterReset.body.contains(#"{"text":"after the reset"}"#), "\(result.afterReset.body)")
                #expect(result.afterReset.goaway == nil)
                let stats = server.http.stats
                #expect(await eventually(within: .seconds(5)) { stats.openStreams.load(ordering: .relaxed) == 0 })
                await bystander.expectServerStillServing(after: "a stream reset mid-request")
            }
        }

        @Test("an HTTP/2 request left incomplete is answered 408 at the request timeout, and the server keeps serving")
        func stalledRequest() async throws {
            try await withEchoServer({ $0.requestTimeout = .milliseconds(500) }) { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.python("h2_peer.py", ["stall-request", String(server.port), "5"], as: H2Response.self)
                #expect(result.status == 408)
                await bystander.expectServerStillServing(after: "a stalled request")
            }
        }

        @Test(
            "a client that vanishes mid-response is let go: its call stops and its connection closes",
            arguments: ["slow", "large"])
        func vanishMidResponse(_ kind: String) async throws {
            try await withEchoServer { server in
                let bystander = try await Bystander.connect(port: server.port)
                let stats = server.http.stats
                let connectionsBefore = stats.openConnections.load(ordering: .relaxed)
                _ = try await Peers.python("h2_peer.py", ["vanish-mid-response", String(server.port), kind], as: [String: Int].self)
                // The slow call sleeps 30 s and the large one has 3 MiB to write: neither may hold on.
                let streamsDone = await eventually(within: .seconds(5)) { stats.openStreams.load(ordering: .relaxed) == 0 }
                #expect(streamsDone, "\(stats.openStreams.load(ordering: .relaxed)) calls still running 5 s after their client vanished")
                let connectionsDone = await eventually(within: .seconds(5)) { stats.openConnections.load(ordering: .relaxed) == connectionsBefore }
                #expect(
                    connectionsDone,
                    "\(stats.openConnections.load(ordering: .relaxed) - connectionsBefore) connections still open 5 s after the client vanished")
                await bystander.expectServerStillServing(after: "a client vanishing mid-response (\(kind))")
            }
        }

        @Test("a slowloris HTTP/1.1 client trickling its head gets 408 and is closed long before the trickle ends")
        func slowloris() async throws {
            try await withEchoServer(Self.halfSecondHeaderTimeout) { server in
                let bystander = try await Bystander.connect(port: server.port)
                struct Result: Decodable {
                    var status: Int?
                    var closed: Bool
                    var elapsed: Double
                    var sent: Int
                    var total: Int
                }
                // One byte every 100 ms: the whole head would take over 13 s.
                let result = try await Peers.python("h2_peer.py", ["slowloris", String(server.port), "0.1"], as: Result.self)
                #expect(result.status == 408)
                #expect(result.closed)
                #expect(result.elapsed < 5, "closed after \(result.elapsed) s")
                #expect(result.sent < result.total, "the client sent its whole head (\(result.sent) bytes) before the server acted")
                await bystander.expectServerStillServing(after: "a slowloris client")
            }
        }

        /// 1,000 is the configured reset burst (`resetBurst`); 5,000 is well past it.
        @Test(
            "streams opened and reset in a burst on one connection leave no calls running and the server serving",
            arguments: [1000, 5000])
        func rapidReset(count: Int) async throws {
            struct Result: Decodable {
                var sent: Int
                var goaway: Int?
                var closed: Bool
                var responses: Int
                var resets: Int
            }
            try await withEchoServer { server in
                let bystander = try await Bystander.connect(port: server.port)
                let result = try await Peers.python("h2_peer.py", ["rapid-reset", String(server.port), String(count)], as: Result.self)
                #expect(result.sent == count)
                // A GOAWAY for that connection is an acceptable answer within the burst, and the
                // expected one past it (the rapid-reset guard, CVE-2023-44487); running the calls
                // nobody waits for is not: each one sleeps 10 s.
                if count > 1000 {
                    #expect(result.goaway != nil && result.closed, "\(count) resets in a burst did not get the connection closed")
                }
                let stats = server.http.stats
                let drained = await eventually(within: .seconds(5)) { stats.openStreams.load(ordering: .relaxed) == 0 }
                #expect(drained, "\(stats.openStreams.load(ordering: .relaxed)) reset calls still running")
                await bystander.expectServerStillServing(after: "\(count) streams reset in a burst")
            }
        }
    }
}
