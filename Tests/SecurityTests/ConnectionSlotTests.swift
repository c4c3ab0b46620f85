import Foundation
import H2
import RPC
import TestSupport
import Testing

/// Issue 17 item 1: idle connections from clients without a token must not hold every slot.
@Suite("Connection slots cannot be taken by idle clients without a token", .serialized)
struct ConnectionSlotTests {
    /// Opens `count` idle connections from `source`: every other one an HTTP/1.1 keep-alive
    /// that asked for /healthz, the rest HTTP/2 connections that sent their preface only.
    static func idleConnections(_ count: Int, port: Int, from source: String) throws -> [RawConnection] {
        try (0..<count).map { index in
            let connection = try RawConnection(port: port, readTimeout: .seconds(2), from: source)
            if index % 2 == 0 {
                connection.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                _ = connection.readHTTP1Response()
            } else {
                connection.send(RawH2.preface + RawH2.emptySettings)
            }
            return connection
        }
    }

    @Test("1,024 idle keep-alive connections (HTTP/1.1 and h2) from one address leave another client served")
    func oneAddress() async throws {
        try await withGuardedServer { server in
            let attack = try Self.idleConnections(1024, port: server.port, from: "127.0.0.2")
            let (failed, total) = await legitimateCalls(port: server.port, for: .seconds(3))
            print("item 1, one address: legitimate calls failed during the attack: \(failed) of \(total)")
            #expect(failed == 0, "\(failed) of \(total) legitimate calls failed while 1,024 idle connections were open")
            let stats = server.http.stats
            #expect(stats.refusedPerAddress.load(ordering: .relaxed) >= 1024 - 128)
            #expect(stats.openConnections.load(ordering: .relaxed) <= 128 + 1)
            withExtendedLifetime(attack) {}
        }
    }

    @Test("when the server is full, the oldest idle untrusted connection makes room; a trusted one keeps its slot")
    func shedding() async throws {
        try await withGuardedServer({ $0.maxConnections = 64 }) { server in
            let trusted = try RawConnection(port: server.port, readTimeout: .seconds(2))
            trusted.send(legitimateRequest())
            #expect(trusted.readHTTP1Response()?.status == 200)
            // From many addresses, each under its own limit, until the server is full.
            let attack = try (2..<9).flatMap { try Self.idleConnections(9, port: server.port, from: "127.0.0.\($0)") }
            #expect(attack.count == 63)
            let (failed, total) = await legitimateCalls(port: server.port, for: .seconds(2))
            print("item 1, server full: legitimate calls failed during the attack: \(failed) of \(total)")
            #expect(failed == 0, "\(failed) of \(total) legitimate calls failed on a server full of idle connections")
            #expect(server.http.stats.shedConnections.load(ordering: .relaxed) >= 1)
            trusted.send(legitimateRequest())
            #expect(trusted.readHTTP1Response()?.status == 200, "a trusted idle connection was shed")
            withExtendedLifetime(attack) {}
        }
    }

    @Test("a connection without a trusted request is closed after the short idle timeout, pings or not; a trusted one stays")
    func untrustedIdleTimeout() async throws {
        try await withGuardedServer({ $0.untrustedIdleTimeout = .seconds(1) }) { server in
            let trusted = try RawConnection(port: server.port, readTimeout: .seconds(4))
            trusted.send(legitimateRequest())
            #expect(trusted.readHTTP1Response()?.status == 200)
            let http1 = try RawConnection(port: server.port, readTimeout: .seconds(4))
            http1.send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
            #expect(http1.readHTTP1Response()?.status == 200)
            let h2 = try RawConnection(port: server.port, readTimeout: .seconds(4))
            h2.send(RawH2.preface + RawH2.emptySettings)
            // PINGs every 200 ms for 2.4 s: traffic, but no request.
            for _ in 0..<12 {
                h2.send(RawH2.frame(type: 0x6, flags: 0, stream: 0, payload: Array(repeating: 7, count: 8)))
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(http1.read().closed, "an idle HTTP/1.1 connection without a token outlived the untrusted idle timeout")
            #expect(h2.read().closed, "an HTTP/2 connection sending only PINGs outlived the untrusted idle timeout")
            trusted.send(legitimateRequest())
            #expect(trusted.readHTTP1Response()?.status == 200, "a trusted connection was closed at the untrusted idle timeout")
        }
    }
}
