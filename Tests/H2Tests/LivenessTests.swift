import Foundation
import H2
import TestSupport
import Testing

/// An HTTP/2 server (python h2) that answers every request, except that on its first
/// connection it falls silent after the first response: it stops reading, as a host behind a
/// network partition would, so it never acknowledges a PING.
private let silentPeer = #"""
    import socket, sys, threading, time
    import h2.config, h2.connection, h2.events

    def serve(sock, silent_after_first):
        conn = h2.connection.H2Connection(config=h2.config.H2Configuration(client_side=False))
        conn.initiate_connection()
        sock.sendall(conn.data_to_send())
        answered = 0
        while True:
            data = sock.recv(65536)
            if not data:
                return
            for event in conn.receive_data(data):
                if isinstance(event, h2.events.StreamEnded):
                    conn.send_headers(event.stream_id, [(":status", "200")])
                    conn.send_data(event.stream_id, b"answered", end_stream=True)
                    answered += 1
            sock.sendall(conn.data_to_send())
            if silent_after_first and answered >= 1:
                time.sleep(3600)

    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    print(listener.getsockname()[1], flush=True)
    first = True
    while True:
        sock, _ = listener.accept()
        threading.Thread(target=serve, args=(sock, first), daemon=True).start()
        first = False
    """#

@Suite("Client liveness")
struct LivenessTests {
    @Test("after a call times out, a peer that does not answer a PING is dropped, and the next call goes over a new connection")
    func silentPeerIsDropped() async throws {
        let peer = try ChildProcess(URL(fileURLWithPath: "/usr/bin/env"), arguments: ["python3", "-c", silentPeer])
        let portLine = try await peer.waitForLine { Int($0) != nil }
        let port = try #require(Int(portLine))
        var configuration = ClientConfiguration()
        configuration.pingTimeout = .milliseconds(300)
        let client = HTTP2Client(host: "127.0.0.1", port: port, configuration: configuration)
        defer { client.close() }

        let first = try await client.send(testRequest("/a", method: "GET"), timeout: .seconds(5))
        #expect(String(decoding: first.body, as: UTF8.self) == "answered")
        // The peer has gone silent: this call times out, and the PING that follows goes unanswered.
        await #expect(throws: HTTPClientError.timedOut) { try await client.send(testRequest("/b", method: "GET"), timeout: .milliseconds(300)) }
        try await Task.sleep(for: .milliseconds(600))
        // A new connection (the peer answers on any later one).
        let third = try await client.send(testRequest("/c", method: "GET"), timeout: .seconds(5))
        #expect(String(decoding: third.body, as: UTF8.self) == "answered")
    }
}
