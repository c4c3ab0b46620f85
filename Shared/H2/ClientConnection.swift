import CNGHTTP2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A call waiting for, or using, a stream.
final class ClientCall {
    let id: UInt64
    let request: HTTPRequest
    let continuation: CheckedContinuation<HTTPClientResponse, any Error>
    var timer: UInt64?
    var retried = false
    // Response being received.
    var status = 0
    var headers = HTTPFields()
    var trailers = HTTPFields()
    var body = Data()
    var headersDone = false
    var requestOffset = 0
    var finished = false
    /// Lets the client forget the call (and its timer) however it ends.
    var onFinish: ((ClientCall) -> Void)?
    /// The connection carrying the call's stream, once submitted.
    weak var connection: ClientConnection?

    init(id: UInt64, request: HTTPRequest, continuation: CheckedContinuation<HTTPClientResponse, any Error>) {
        self.id = id
        self.request = request
        self.continuation = continuation
    }

    func succeed() {
        guard !finished else { return }
        finished = true
        onFinish?(self)
        onFinish = nil
        continuation.resume(returning: HTTPClientResponse(status: status, headers: headers, body: body, trailers: trailers))
    }

    func fail(_ error: HTTPClientError) {
        guard !finished else { return }
        finished = true
        onFinish?(self)
        onFinish = nil
        continuation.resume(throwing: error)
    }
}

/// Events a client connection reports to its owner.
protocol ClientConnectionDelegate: AnyObject {
    func connectionReady(_ connection: ClientConnection)
    func connectionFailed(_ connection: ClientConnection, reason: String)
    func connectionClosed(_ connection: ClientConnection)
    func connectionGoingAway(_ connection: ClientConnection)
    func streamRefused(_ call: ClientCall)
    /// A stream ended: a slot is free for a waiting call.
    func streamFinished(_ connection: ClientConnection)
}

/// One h2c connection to a peer, with its nghttp2 client session. Loop-confined.
final class ClientConnection: EventSource {
    private enum State { case connecting, ready, closed }

    private let fd: Int32
    private unowned let loop: EventLoop
    private weak var delegate: ClientConnectionDelegate?
    private let configuration: ClientConfiguration
    private var state = State.connecting
    private var session: OpaquePointer?
    private var output = OutputBuffer()
    private var streams: [Int32: ClientCall] = [:]
    private var connectTimer: UInt64?
    private var flushScheduled = false
    private var wantWritable = true
    /// True once the peer sent GOAWAY: no new streams here.
    private(set) var goingAway = false
    /// Set while a liveness PING waits for its acknowledgement.
    private var pingTimer: UInt64?

    init(address: ResolvedAddress, loop: EventLoop, configuration: ClientConfiguration, delegate: ClientConnectionDelegate) throws {
        self.fd = try Socket.startConnect(to: address)
        self.loop = loop
        self.configuration = configuration
        self.delegate = delegate
        loop.register(fd, self, events: Readiness.writable | Readiness.readable)
        connectTimer = loop.scheduleTimer(after: configuration.connectTimeout) { [weak self] in
            guard let self, self.state == .connecting else { return }
            self.fail(reason: "connect timed out after \(configuration.connectTimeout)")
        }
    }

    var isReady: Bool { state == .ready && !goingAway }
    var isClosed: Bool { state == .closed }
    var activeStreams: Int { streams.count }

    /// The peer's SETTINGS_MAX_CONCURRENT_STREAMS (100 assumed until its SETTINGS arrive).
    var maxConcurrentStreams: Int {
        guard let session else { return 0 }
        return Int(nghttp2_session_get_remote_settings(session, NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS))
    }

    // MARK: events

    func handleEvents(_ events: UInt32) {
        if state == .connecting {
            guard events & (Readiness.writable | Readiness.hangup) != 0 else { return }
            let result = Socket.connectResult(fd)
            if result != 0 {
                fail(reason: String(cString: strerror(result)))
                return
            }
            becomeReady()
            return
        }
        if events & Readiness.writable != 0 { flush() }
        if state == .closed { return }
        if events & (Readiness.readable | Readiness.hangup) != 0 { readAvailable() }
    }

    private func becomeReady() {
        if let connectTimer { loop.cancelTimer(connectTimer) }
        var callbacks: OpaquePointer?
        var option: OpaquePointer?
        guard nghttp2_session_callbacks_new(&callbacks) == 0, let callbacks, nghttp2_option_new(&option) == 0, let option else {
            fail(reason: "out of memory")
            return
        }
        defer {
            nghttp2_session_callbacks_del(callbacks)
            nghttp2_option_del(option)
        }
        nghttp2_session_callbacks_set_on_header_callback(callbacks, clientOnHeader)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, clientOnDataChunk)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, clientOnFrameRecv)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, clientOnStreamClose)
        // Until the server's SETTINGS arrive, assume the common limit rather than "unlimited".
        nghttp2_option_set_peer_max_concurrent_streams(option, 100)
        var created: OpaquePointer?
        guard nghttp2_session_client_new2(&created, callbacks, Unmanaged.passUnretained(self).toOpaque(), option) == 0, let created else {
            fail(reason: "cannot create HTTP/2 session")
            return
        }
        session = created
        var settings = [
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_ENABLE_PUSH.rawValue), value: 0),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: 1 << 20),
        ]
        nghttp2_submit_settings(created, UInt8(NGHTTP2_FLAG_NONE.rawValue), &settings, settings.count)
        nghttp2_session_set_local_window_size(created, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, Int32(16 << 20))
        state = .ready
        delegate?.connectionReady(self)
        flush()
    }

    private func readAvailable() {
        for _ in 0..<16 {
            switch Socket.read(fd, into: loop.readBuffer) {
            case .bytes(let n):
                guard let session, let base = loop.readBuffer.baseAddress else { return }
                if nghttp2_session_mem_recv(session, base.assumingMemoryBound(to: UInt8.self), n) < 0 {
                    close()
                    return
                }
                if n < loop.readBuffer.count {
                    scheduleFlush()
                    return
                }
            case .wouldBlock:
                scheduleFlush()
                return
            case .closed, .failed:
                close()
                return
            }
        }
        scheduleFlush()
    }

    // MARK: calls

    /// Opens a stream for `call`. Returns false when the session refused it.
    func submit(_ call: ClientCall, authority: String) -> Bool {
        guard let session, state == .ready else { return false }
        var fields: [(String, String)] = [
            (":method", call.request.head.method), (":scheme", "http"),
            (":authority", call.request.head.authority ?? authority), (":path", call.request.head.path),
        ]
        for field in call.request.head.headers { fields.append((field.name, field.value)) }
        let streamID = withHeaderBlock(fields) { nva, count -> Int32 in
            if call.request.body.isEmpty && call.request.head.method == "GET" {
                return nghttp2_submit_request(session, nil, nva, count, nil, nil)
            }
            var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: clientReadBody)
            return nghttp2_submit_request(session, nil, nva, count, &provider, nil)
        }
        guard streamID > 0 else { return false }
        streams[streamID] = call
        call.connection = self
        scheduleFlush()
        return true
    }

    /// Asks the peer for a PING after a call timed out; closes the connection when no answer
    /// comes within `pingTimeout`, so a silent peer does not hold later calls on a dead socket.
    func checkAlive() {
        guard state == .ready, pingTimer == nil, let session else { return }
        nghttp2_submit_ping(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nil)
        scheduleFlush()
        pingTimer = loop.scheduleTimer(after: configuration.pingTimeout) { [weak self] in
            guard let self else { return }
            self.pingTimer = nil
            self.close()
        }
    }

    /// Resets the stream of `call`, if it has one.
    func cancel(_ call: ClientCall) {
        guard let session, let entry = streams.first(where: { $0.value === call }) else { return }
        streams[entry.key] = nil
        delegate?.streamFinished(self)
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), entry.key, NGHTTP2_CANCEL.rawValue)
        scheduleFlush()
    }

    // MARK: output

    func scheduleFlush() {
        guard !flushScheduled, state == .ready else { return }
        flushScheduled = true
        loop.runAfterIteration { [self] in
            flushScheduled = false
            flush()
        }
    }

    private func flush() {
        guard state == .ready, let session else { return }
        var rounds = 0
        repeat {
            while output.count < 1 << 20 {
                var data: UnsafePointer<UInt8>?
                let n = nghttp2_session_mem_send(session, &data)
                if n < 0 {
                    close()
                    return
                }
                guard n > 0, let data else { break }
                output.append(UnsafeRawBufferPointer(start: data, count: n))
            }
            guard output.drain(to: fd) else {
                close()
                return
            }
            rounds += 1
        } while output.isEmpty && nghttp2_session_want_write(session) != 0 && rounds < 64
        let needWritable = !output.isEmpty || nghttp2_session_want_write(session) != 0
        if needWritable != wantWritable {
            wantWritable = needWritable
            loop.modify(fd, events: Readiness.readable | (needWritable ? Readiness.writable : 0))
        }
        if goingAway && streams.isEmpty { close() }
    }

    // MARK: session events

    fileprivate func readBody(stream id: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard let call = streams[id] else { return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue) }
        let body = call.request.body
        let n = min(length, body.count - call.requestOffset)
        if n > 0 {
            body.withUnsafeBytes { raw in
                UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + call.requestOffset, byteCount: n)  // n > 0: non-empty
            }
            call.requestOffset += n
        }
        if call.requestOffset == body.count { flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue }
        return n
    }

    fileprivate func header(stream id: Int32, name: String, value: String) {
        guard let call = streams[id] else { return }
        if call.headersDone {
            call.trailers.add(name, value)
        } else if name == ":status" {
            call.status = Int(value) ?? 0
        } else if !name.hasPrefix(":") {
            call.headers.add(name, value)
        }
    }

    fileprivate func dataChunk(stream id: Int32, _ bytes: UnsafeRawBufferPointer) {
        guard let call = streams[id] else { return }
        if call.body.count + bytes.count > configuration.maxResponseBytes {
            cancel(call)
            call.fail(.responseTooLarge(configuration.maxResponseBytes))
            return
        }
        call.body.append(contentsOf: bytes)
    }

    fileprivate func frameReceived(_ frame: UnsafePointer<nghttp2_frame>) {
        let type = frame.pointee.frameType
        if type == NGHTTP2_HEADERS.rawValue, let call = streams[frame.pointee.hd.stream_id] {
            // 1xx responses are informational; the final response's headers come next.
            if call.status >= 200 { call.headersDone = true }
        } else if type == NGHTTP2_PING.rawValue, frame.pointee.hd.flags & UInt8(NGHTTP2_FLAG_ACK.rawValue) != 0, let timer = pingTimer {
            loop.cancelTimer(timer)
            pingTimer = nil
        } else if type == NGHTTP2_GOAWAY.rawValue {
            goingAway = true
            delegate?.connectionGoingAway(self)
        }
    }

    fileprivate func streamClosed(_ id: Int32, errorCode: UInt32) {
        guard let call = streams.removeValue(forKey: id) else { return }
        if errorCode == NGHTTP2_NO_ERROR.rawValue && call.status != 0 {
            call.succeed()
        } else if errorCode == NGHTTP2_REFUSED_STREAM.rawValue {
            // Refused streams were never processed (RFC 9113 §8.7): safe to try again.
            delegate?.streamRefused(call)
        } else {
            call.fail(.streamReset(errorCode))
        }
        if goingAway && streams.isEmpty { scheduleFlush() }
        delegate?.streamFinished(self)
    }

    // MARK: teardown

    private func fail(reason: String) {
        guard state == .connecting else { return }
        state = .closed
        loop.deregister(fd)
        Descriptor.close(fd)
        delegate?.connectionFailed(self, reason: reason)
    }

    func close() {
        guard state != .closed else { return }
        if state == .connecting {
            fail(reason: "closed")
            return
        }
        state = .closed
        if let pingTimer { loop.cancelTimer(pingTimer) }
        pingTimer = nil
        loop.deregister(fd)
        Descriptor.close(fd)
        if let session { nghttp2_session_del(session) }
        session = nil
        let orphaned = streams.values
        streams.removeAll()
        for call in orphaned { call.fail(.connectionLost) }
        delegate?.connectionClosed(self)
    }
}

// MARK: C trampolines

private func clientConnection(_ userData: UnsafeMutableRawPointer?) -> ClientConnection? {
    guard let userData else { return nil }
    return Unmanaged<ClientConnection>.fromOpaque(userData).takeUnretainedValue()
}

private let clientOnHeader: nghttp2_on_header_callback = { _, frame, name, nameLength, value, valueLength, _, userData in
    guard let frame, let connection = clientConnection(userData), frame.pointee.frameType == NGHTTP2_HEADERS.rawValue else { return 0 }
    connection.header(stream: frame.pointee.hd.stream_id, name: headerString(name, nameLength), value: headerString(value, valueLength))
    return 0
}

private let clientOnDataChunk: nghttp2_on_data_chunk_recv_callback = { _, _, streamID, data, length, userData in
    clientConnection(userData)?.dataChunk(stream: streamID, UnsafeRawBufferPointer(start: data, count: length))
    return 0
}

private let clientOnFrameRecv: nghttp2_on_frame_recv_callback = { _, frame, userData in
    guard let frame else { return 0 }
    clientConnection(userData)?.frameReceived(frame)
    return 0
}

private let clientOnStreamClose: nghttp2_on_stream_close_callback = { _, streamID, errorCode, userData in
    clientConnection(userData)?.streamClosed(streamID, errorCode: errorCode)
    return 0
}

private let clientReadBody: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, userData in
    guard let connection = clientConnection(userData), let buffer, let flags else {
        return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
    }
    return connection.readBody(stream: streamID, into: buffer, length: length, flags: flags)
}
