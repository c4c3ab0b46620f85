import CNGHTTP2
import Foundation

/// One request/response exchange on an HTTP/2 connection.
final class ServerStream {
    let id: Int32
    var method = ""
    var path = ""
    var authority: String?
    // Room for a typical request's fields at once instead of growing field by field.
    var headers = HTTPFields(reservingCapacity: 8)
    var headerBytes = 0
    /// Fields received so far in its request header block, pseudo-headers included.
    var fieldCount = 0
    var headersTooLarge = false
    var body = Data()
    var requestComplete = false
    /// Its head went through `HTTPHandler.admit`.
    var admitted = false
    /// `admit` refused its body: none of it is kept.
    var bodyRefused = false
    /// Handed to the handler (with its body, or at once when the body was refused).
    var dispatched = false
    var responded = false
    var task: Task<Void, Never>?
    var response: HTTPResponse?
    var responseOffset = 0
    /// When its HEADERS began, for the request timeout.
    let startedAt = monotonicNanos()

    init(id: Int32) { self.id = id }

    var head: HTTPRequestHead {
        HTTPRequestHead(method: method, path: path, authority: authority, headers: headers, version: .http2)
    }
}

/// An nghttp2 server session bound to one connection. It owns the `nghttp2_session*`; the C
/// callbacks below recover it from `user_data` (unretained: the connection keeps it alive for
/// as long as the C session exists).
final class H2ServerSession: ServerProtocolSession {
    private unowned let connection: ServerConnection
    private var session: OpaquePointer?
    private var streams: [Int32: ServerStream] = [:]
    /// The stream the last callback touched: nghttp2 calls back several times per frame for
    /// the same stream, and this saves a dictionary lookup each time.
    private var recent: ServerStream?

    private func stream(_ id: Int32) -> ServerStream? {
        if let recent, recent.id == id { return recent }
        let found = streams[id]
        recent = found
        return found
    }
    private var goingAway = false
    private let maxMessageBytes: Int
    private let maxHeaderBytes: Int
    /// Body bytes held for requests not yet complete, across all streams.
    private var bufferedBytes = 0
    /// The previous request's header fields by position. A client sends much the same fields
    /// in the same order on every request, so a field equal to the one at its position reuses
    /// those strings instead of allocating new ones (a few allocations per call, per perf).
    private var recentFields: [(name: String, value: String)] = []
    private static let recentFieldLimit = 32
    /// Response and trailer blocks are built here, reusing its storage.
    private var headerBlock = ReusableHeaderBlock()

    init?(connection: ServerConnection) {
        self.connection = connection
        let configuration = connection.context.configuration
        maxMessageBytes = configuration.maxMessageBytes
        maxHeaderBytes = configuration.maxHeaderBytes

        var callbacks: OpaquePointer?
        guard nghttp2_session_callbacks_new(&callbacks) == 0, let callbacks else { return nil }
        defer { nghttp2_session_callbacks_del(callbacks) }
        nghttp2_session_callbacks_set_on_begin_headers_callback(callbacks, serverOnBeginHeaders)
        nghttp2_session_callbacks_set_on_header_callback(callbacks, serverOnHeader)
        nghttp2_session_callbacks_set_on_data_chunk_recv_callback(callbacks, serverOnDataChunk)
        nghttp2_session_callbacks_set_on_frame_recv_callback(callbacks, serverOnFrameRecv)
        nghttp2_session_callbacks_set_on_frame_send_callback(callbacks, serverOnFrameSend)
        nghttp2_session_callbacks_set_on_stream_close_callback(callbacks, serverOnStreamClose)

        var option: OpaquePointer?
        guard nghttp2_option_new(&option) == 0, let option else { return nil }
        defer { nghttp2_option_del(option) }
        // Rapid-reset guard (CVE-2023-44487): a burst of RST_STREAM beyond this closes the connection.
        nghttp2_option_set_stream_reset_rate_limit(option, configuration.resetBurst, configuration.resetRatePerSecond)
        // We schedule no stream by RFC 7540 priority, so nghttp2 need not keep closed streams
        // for its priority tree (it did, on every call; see also the setting below).
        nghttp2_option_set_no_closed_streams(option, 1)

        var created: OpaquePointer?
        let userData = Unmanaged.passUnretained(self).toOpaque()
        guard nghttp2_session_server_new2(&created, callbacks, userData, option) == 0, let created else { return nil }
        session = created

        var settings = [
            nghttp2_settings_entry(
                settings_id: Int32(NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS.rawValue), value: UInt32(configuration.maxConcurrentStreams)),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE.rawValue), value: 1 << 20),
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE.rawValue), value: UInt32(configuration.maxHeaderBytes)),
            // RFC 9218 §2.1: we do not use the RFC 7540 priority tree; nghttp2 then skips it.
            nghttp2_settings_entry(settings_id: Int32(NGHTTP2_SETTINGS_NO_RFC7540_PRIORITIES.rawValue), value: 1),
        ]
        nghttp2_submit_settings(created, UInt8(NGHTTP2_FLAG_NONE.rawValue), &settings, settings.count)
        // A connection-level window large enough for a few maximum-size messages at once.
        nghttp2_session_set_local_window_size(created, UInt8(NGHTTP2_FLAG_NONE.rawValue), 0, Int32(16 << 20))
    }

    // MARK: ServerProtocolSession

    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard let session, let base = bytes.baseAddress else { return session != nil }
        let consumed = nghttp2_session_mem_recv(session, base.assumingMemoryBound(to: UInt8.self), bytes.count)
        if consumed < 0 {
            connection.context.stats.rejectedRequests.add(1, ordering: .relaxed)
            // nghttp2 has queued a GOAWAY for protocol errors; send it before closing.
            _ = produceOutput()
            return false
        }
        return true
    }

    func produceOutput() -> Bool {
        guard let session else { return true }
        while !connection.outputIsFull {
            var data: UnsafePointer<UInt8>?
            let n = nghttp2_session_mem_send(session, &data)
            if n < 0 { return false }
            if n == 0 { break }
            guard let data else { break }
            connection.emit(UnsafeRawBufferPointer(start: data, count: n))
        }
        return true
    }

    /// Requests handed to the handler and not yet answered: a stream a client opened and left
    /// incomplete does not keep the connection from its idle timeout.
    var activeRequests: Int { streams.values.reduce(0) { $0 + ($1.dispatched && !$1.responded ? 1 : 0) } }

    /// Answers 408 to requests still incomplete after `limit` nanoseconds.
    func expireStalledRequests(now: UInt64, limit: UInt64) {
        for stream in streams.values
        where !stream.requestComplete && !stream.dispatched && !stream.responded && now > stream.startedAt && now - stream.startedAt > limit {
            connection.context.stats.rejectedRequests.add(1, ordering: .relaxed)
            release(stream)
            submit(HTTPResponse(status: 408), on: stream)
        }
        // A refused body, answered already, that has not ended in time: stop waiting for it.
        guard let session else { return }
        for stream in streams.values
        where stream.bodyRefused && stream.responded && !stream.requestComplete && now > stream.startedAt && now - stream.startedAt > limit {
            stream.requestComplete = true
            nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream.id, NGHTTP2_CANCEL.rawValue)
        }
    }

    private func release(_ stream: ServerStream) {
        bufferedBytes -= stream.body.count
        connection.context.releaseBody(stream.body.count)
        stream.body = Data()
    }

    var wantsToWrite: Bool {
        guard let session else { return false }
        return nghttp2_session_want_write(session) != 0
    }

    var finished: Bool {
        guard let session else { return true }
        if goingAway && streams.isEmpty { return true }
        return nghttp2_session_want_read(session) == 0 && nghttp2_session_want_write(session) == 0
    }

    var headStartedAt: UInt64? { nil }

    func startDrain() {
        guard let session, !goingAway else { return }
        goingAway = true
        nghttp2_submit_goaway(
            session, UInt8(NGHTTP2_FLAG_NONE.rawValue), nghttp2_session_get_last_proc_stream_id(session),
            NGHTTP2_NO_ERROR.rawValue, nil, 0)
    }

    func complete(stream id: Int32, response: HTTPResponse) {
        guard let stream = stream(id), !stream.responded else { return }
        var response = response
        if stream.method == "HEAD" { response.body = Data() }
        submit(response, on: stream)
    }

    func close() {
        for stream in streams.values {
            stream.task?.cancel()
            release(stream)
        }
        streams.removeAll()
        bufferedBytes = 0
        recent = nil
        if let session { nghttp2_session_del(session) }
        session = nil
    }

    // MARK: responses

    private func submit(_ response: HTTPResponse, on stream: ServerStream) {
        guard let session else { return }
        stream.responded = true
        stream.response = response
        stream.responseOffset = 0
        headerBlock.reset()
        headerBlock.add(":status", response.status == 200 ? "200" : String(response.status))
        for field in response.headers { headerBlock.add(field.name, field.value, neverIndexed: field.name == "x-request-id") }
        let needsBody = !response.body.isEmpty || response.trailers != nil
        let rc = headerBlock.withFields { nva, count -> Int32 in
            if needsBody {
                var provider = nghttp2_data_provider(source: nghttp2_data_source(ptr: nil), read_callback: serverReadBody)
                return nghttp2_submit_response(session, stream.id, nva, count, &provider)
            }
            return nghttp2_submit_response(session, stream.id, nva, count, nil)
        }
        if rc != 0 {
            nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream.id, NGHTTP2_INTERNAL_ERROR.rawValue)
        }
    }

    /// nghttp2 pulls the response body from here; trailers go out after the last byte.
    fileprivate func readBody(stream id: Int32, into buffer: UnsafeMutablePointer<UInt8>, length: Int, flags: UnsafeMutablePointer<UInt32>) -> Int {
        guard let stream = stream(id), let response = stream.response else {
            return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
        }
        let remaining = response.body.count - stream.responseOffset
        let n = min(remaining, length)
        if n > 0 {
            response.body.withUnsafeBytes { raw in
                let start = raw.startIndex + stream.responseOffset
                UnsafeMutableRawPointer(buffer).copyMemory(from: raw.baseAddress! + start, byteCount: n)  // n > 0: non-empty
            }
            stream.responseOffset += n
        }
        if stream.responseOffset == response.body.count {
            flags.pointee |= NGHTTP2_DATA_FLAG_EOF.rawValue
            if let trailers = response.trailers, let session {
                flags.pointee |= NGHTTP2_DATA_FLAG_NO_END_STREAM.rawValue
                headerBlock.reset()
                for field in trailers { headerBlock.add(field.name, field.value) }
                _ = headerBlock.withFields { nva, count in nghttp2_submit_trailer(session, id, nva, count) }
            }
        }
        return n
    }

    // MARK: request events

    fileprivate func beginHeaders(stream id: Int32) {
        let stream = ServerStream(id: id)
        streams[id] = stream
        recent = stream
    }

    fileprivate func header(
        stream id: Int32, name nameBytes: UnsafeBufferPointer<UInt8>, value valueBytes: UnsafeBufferPointer<UInt8>, isTrailer: Bool
    ) {
        guard let stream = stream(id) else { return }
        stream.headerBytes += nameBytes.count + valueBytes.count + 32
        if stream.headerBytes > maxHeaderBytes {
            stream.headersTooLarge = true
            return
        }
        if isTrailer { return }  // request trailers carry nothing we use
        let (name, value) = fieldStrings(at: stream.fieldCount, nameBytes, valueBytes)
        stream.fieldCount += 1
        switch name {
        case ":method": stream.method = value
        case ":path": stream.path = value
        case ":authority": stream.authority = value
        case ":scheme": break
        default: stream.headers.appendLowercased(name, value)
        }
    }

    /// The strings of a received field, reused from the previous request's field at the same
    /// position when their bytes are equal.
    private func fieldStrings(at position: Int, _ name: UnsafeBufferPointer<UInt8>, _ value: UnsafeBufferPointer<UInt8>) -> (String, String) {
        guard position < recentFields.count else {
            let fresh = (headerString(name.baseAddress, name.count), headerString(value.baseAddress, value.count))
            if position == recentFields.count && position < Self.recentFieldLimit { recentFields.append(fresh) }
            return fresh
        }
        let recent = recentFields[position]
        let nameText = utf8Equals(recent.name, name) ? recent.name : headerString(name.baseAddress, name.count)
        let valueText = utf8Equals(recent.value, value) ? recent.value : headerString(value.baseAddress, value.count)
        recentFields[position] = (nameText, valueText)
        return (nameText, valueText)
    }

    fileprivate func dataChunk(stream id: Int32, _ bytes: UnsafeRawBufferPointer) {
        // A refused body is dropped as it arrives (nghttp2 still credits the flow-control window).
        guard let stream = stream(id), !stream.responded, !stream.bodyRefused, !stream.dispatched else { return }
        let context = connection.context
        let connectionBudget = context.configuration.maxConnectionBufferBytes
        if stream.body.count + bytes.count > maxMessageBytes || bufferedBytes + bytes.count > connectionBudget {
            context.stats.rejectedRequests.add(1, ordering: .relaxed)
            release(stream)
            submit(context.handler.bodyTooLarge(stream.head, limit: maxMessageBytes), on: stream)
            return
        }
        guard context.reserveBody(bytes.count) else {
            context.stats.rejectedRequests.add(1, ordering: .relaxed)
            release(stream)
            submit(context.handler.bodiesOverBudget(stream.head), on: stream)
            return
        }
        stream.body.append(contentsOf: bytes)
        bufferedBytes += bytes.count
    }

    fileprivate func frameReceived(_ frame: UnsafePointer<nghttp2_frame>) {
        let type = frame.pointee.frameType
        guard type == NGHTTP2_HEADERS.rawValue || type == NGHTTP2_DATA.rawValue else { return }
        guard let stream = stream(frame.pointee.hd.stream_id) else { return }
        if type == NGHTTP2_HEADERS.rawValue && stream.headersTooLarge && !stream.responded {
            connection.context.stats.rejectedRequests.add(1, ordering: .relaxed)
            submit(HTTPResponse(status: 431), on: stream)
            return
        }
        if type == NGHTTP2_HEADERS.rawValue && !stream.admitted && !stream.responded {
            // The head is complete and no body byte is kept yet: the layer above may refuse it
            // here (no credential), so that nobody without one can make us hold a body.
            stream.admitted = true
            if connection.admit(stream.head) == .refuseBody {
                stream.bodyRefused = true
                stream.requestComplete = frame.pointee.hasEndStream
                dispatch(stream, HTTPRequest(head: stream.head, bodyRefused: true))
                return
            }
        }
        guard frame.pointee.hasEndStream else { return }
        stream.requestComplete = true
        if stream.responded || stream.dispatched { return }
        let request = HTTPRequest(head: stream.head, body: stream.body)
        release(stream)
        dispatch(stream, request)
    }

    private func dispatch(_ stream: ServerStream, _ request: HTTPRequest) {
        stream.dispatched = true
        stream.task = connection.dispatch(stream: stream.id, request: request)
    }

    fileprivate func frameSent(_ frame: UnsafePointer<nghttp2_frame>) {
        // A response finished before its request did (too large, headers refused): tell the
        // client to stop sending with RST_STREAM(NO_ERROR), as RFC 9113 §8.1 allows.
        // A refused body is let run to its end instead, dropped as it comes: clients such as
        // curl treat a reset while they are still sending as a failure, and would never show
        // the caller why it was refused. The request timeout still bounds it.
        guard frame.pointee.hasEndStream, let session,
            let stream = stream(frame.pointee.hd.stream_id), !stream.requestComplete, !stream.bodyRefused
        else { return }
        nghttp2_submit_rst_stream(session, UInt8(NGHTTP2_FLAG_NONE.rawValue), stream.id, NGHTTP2_NO_ERROR.rawValue)
    }

    fileprivate func streamClosed(_ id: Int32) {
        if recent?.id == id { recent = nil }
        guard let stream = streams.removeValue(forKey: id) else { return }
        release(stream)
        // Reset or finished: a handler still running has nobody to answer.
        if !stream.responded { stream.task?.cancel() }
    }
}

// MARK: C trampolines. Each recovers the session from user_data; none may throw.

private func serverSession(_ userData: UnsafeMutableRawPointer?) -> H2ServerSession? {
    guard let userData else { return nil }
    return Unmanaged<H2ServerSession>.fromOpaque(userData).takeUnretainedValue()
}

private let serverOnBeginHeaders: nghttp2_on_begin_headers_callback = { _, frame, userData in
    guard let frame, let session = serverSession(userData) else { return 0 }
    if frame.pointee.frameType == NGHTTP2_HEADERS.rawValue && frame.pointee.headers.cat == NGHTTP2_HCAT_REQUEST {
        session.beginHeaders(stream: frame.pointee.hd.stream_id)
    }
    return 0
}

private let serverOnHeader: nghttp2_on_header_callback = { _, frame, name, nameLength, value, valueLength, _, userData in
    guard let frame, let session = serverSession(userData) else { return 0 }
    guard frame.pointee.frameType == NGHTTP2_HEADERS.rawValue else { return 0 }
    session.header(
        stream: frame.pointee.hd.stream_id, name: UnsafeBufferPointer(start: name, count: nameLength),
        value: UnsafeBufferPointer(start: value, count: valueLength), isTrailer: frame.pointee.headers.cat != NGHTTP2_HCAT_REQUEST)
    return 0
}

private let serverOnDataChunk: nghttp2_on_data_chunk_recv_callback = { _, _, streamID, data, length, userData in
    guard let session = serverSession(userData) else { return 0 }
    session.dataChunk(stream: streamID, UnsafeRawBufferPointer(start: data, count: length))
    return 0
}

private let serverOnFrameRecv: nghttp2_on_frame_recv_callback = { _, frame, userData in
    guard let frame, let session = serverSession(userData) else { return 0 }
    session.frameReceived(frame)
    return 0
}

private let serverOnFrameSend: nghttp2_on_frame_send_callback = { _, frame, userData in
    guard let frame, let session = serverSession(userData) else { return 0 }
    session.frameSent(frame)
    return 0
}

private let serverOnStreamClose: nghttp2_on_stream_close_callback = { _, streamID, _, userData in
    serverSession(userData)?.streamClosed(streamID)
    return 0
}

private let serverReadBody: nghttp2_data_source_read_callback = { _, streamID, buffer, length, flags, _, userData in
    guard let session = serverSession(userData), let buffer, let flags else {
        return Int(NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE.rawValue)
    }
    return session.readBody(stream: streamID, into: buffer, length: length, flags: flags)
}
