import Foundation

/// HTTP/1.1 on a server connection: one request at a time, keep-alive, Content-Length bodies.
final class HTTP1ServerSession: ServerProtocolSession {
    private enum State {
        case awaitingHead
        case readingBody(HTTP1Head)
        /// `admit` refused the body: this many bytes of it are still to be dropped.
        case skippingBody(HTTP1Head, remaining: Int)
        case handling(HTTP1Head, stream: Int32)
        case closing
    }

    private unowned let connection: ServerConnection
    private var inbound: [UInt8] = []
    private var state = State.awaitingHead
    private var draining = false
    private var requestCounter: Int32 = 0
    private var task: Task<Void, Never>?
    private(set) var headStartedAt: UInt64?
    /// When the current request's head arrived, while its body is still coming.
    private var bodyStartedAt: UInt64?
    /// Bytes of the server's body budget this connection holds for the body being read.
    private var reservedBodyBytes = 0

    init(connection: ServerConnection) {
        self.connection = connection
    }

    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if case .closing = state { return true }
        inbound.append(contentsOf: bytes)
        // A client pipelining more than one maximal request ahead of our answers is not
        // waited for: bounded memory per connection.
        let configuration = connection.context.configuration
        if inbound.count > configuration.maxHeaderBytes + configuration.maxMessageBytes { return false }
        if headStartedAt == nil, case .awaitingHead = state { headStartedAt = monotonicNanos() }
        process()
        return true
    }

    private func process() {
        let configuration = connection.context.configuration
        while true {
            switch state {
            case .awaitingHead:
                if inbound.isEmpty {
                    headStartedAt = nil
                    return
                }
                if headStartedAt == nil { headStartedAt = monotonicNanos() }
                let result = inbound.withUnsafeBytes { HTTP1RequestParser.parse($0, maxHeaderBytes: configuration.maxHeaderBytes) }
                switch result {
                case .needMore:
                    return
                case .reject(let status, let reason):
                    connection.context.stats.rejectedRequests.add(1, ordering: .relaxed)
                    write(HTTPResponse(status: status, headers: ["content-type": "text/plain"], body: Data((reason + "\n").utf8)), keepAlive: false)
                    state = .closing
                    return
                case .head(let head, let headLength):
                    inbound.removeFirst(headLength)
                    headStartedAt = nil
                    if head.contentLength > configuration.maxMessageBytes {
                        connection.context.stats.rejectedRequests.add(1, ordering: .relaxed)
                        let response = connection.context.handler.bodyTooLarge(requestHead(head), limit: configuration.maxMessageBytes)
                        write(response, keepAlive: false)
                        state = .closing
                        return
                    }
                    bodyStartedAt = monotonicNanos()
                    if connection.admit(requestHead(head)) == .refuseBody {
                        // No 100 Continue: a client that waits for it need not send the body at all.
                        state = .skippingBody(head, remaining: head.contentLength)
                        continue
                    }
                    guard connection.context.reserveBody(head.contentLength) else {
                        connection.context.stats.rejectedRequests.add(1, ordering: .relaxed)
                        write(connection.context.handler.bodiesOverBudget(requestHead(head)), keepAlive: false)
                        state = .closing
                        return
                    }
                    reservedBodyBytes = head.contentLength
                    if head.expectsContinue && head.minorVersion == 1 && inbound.count < head.contentLength {
                        Array("HTTP/1.1 100 Continue\r\n\r\n".utf8).withUnsafeBytes { connection.emit($0) }
                    }
                    state = .readingBody(head)
                }
            case .skippingBody(let head, let remaining):
                let dropped = min(remaining, inbound.count)
                inbound.removeFirst(dropped)
                guard dropped == remaining else {
                    state = .skippingBody(head, remaining: remaining - dropped)
                    return
                }
                bodyStartedAt = nil
                requestCounter &+= 1
                state = .handling(head, stream: requestCounter)
                task = connection.dispatch(stream: requestCounter, request: HTTPRequest(head: requestHead(head), bodyRefused: true))
                return
            case .readingBody(let head):
                guard inbound.count >= head.contentLength else { return }
                bodyStartedAt = nil
                let body = Data(inbound[0..<head.contentLength])
                inbound.removeFirst(head.contentLength)
                releaseReservation()
                requestCounter &+= 1
                state = .handling(head, stream: requestCounter)
                task = connection.dispatch(stream: requestCounter, request: HTTPRequest(head: requestHead(head), body: body))
                return
            case .handling, .closing:
                return
            }
        }
    }

    private func requestHead(_ head: HTTP1Head) -> HTTPRequestHead {
        HTTPRequestHead(
            method: head.method, path: head.target, authority: head.host,
            headers: HTTPFields(head.headers.map { ($0.name, $0.value) }), version: .http1_1)
    }

    func complete(stream: Int32, response: HTTPResponse) {
        guard case .handling(let head, let current) = state, current == stream else { return }
        task = nil
        let keepAlive = head.keepAlive && !draining
        var response = response
        // A HEAD response has the headers a GET would, and no body (RFC 9110 §9.3.2).
        if head.method == "HEAD" { response.body = Data() }
        write(response, keepAlive: keepAlive, contentLength: head.method == "HEAD" ? nil : response.body.count)
        if keepAlive {
            state = .awaitingHead
            process()
        } else {
            state = .closing
        }
    }

    /// Answers 408 and ends the connection when a request body has been arriving for longer
    /// than `limit` nanoseconds.
    func expireStalledBody(now: UInt64, limit: UInt64) -> Bool {
        switch state {
        case .readingBody, .skippingBody: break
        default: return false
        }
        guard let started = bodyStartedAt, now > started, now - started > limit else { return false }
        write(
            HTTPResponse(status: 408, headers: ["content-type": "text/plain"], body: Data("request body not received in time\n".utf8)),
            keepAlive: false)
        state = .closing
        return true
    }

    /// Answers a client too slow to send its request head.
    func rejectHeadTimeout() {
        guard case .awaitingHead = state else { return }
        write(
            HTTPResponse(status: 408, headers: ["content-type": "text/plain"], body: Data("request head not received in time\n".utf8)),
            keepAlive: false)
        state = .closing
    }

    private func write(_ response: HTTPResponse, keepAlive: Bool, contentLength: Int? = nil) {
        var head = "HTTP/1.1 \(response.status) \(HTTPReason.phrase(response.status))\r\n"
        for field in response.headers where field.name != "content-length" && field.name != "connection" {
            head += "\(field.name): \(field.value)\r\n"
        }
        if let length = contentLength ?? Optional(response.body.count) { head += "content-length: \(length)\r\n" }
        head += "connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        var bytes = Array(head.utf8)
        bytes.append(contentsOf: response.body)
        bytes.withUnsafeBytes { connection.emit($0) }
    }

    func produceOutput() -> Bool { true }

    var wantsToWrite: Bool { false }

    var activeRequests: Int {
        if case .handling = state { return 1 }
        return 0
    }

    var finished: Bool {
        switch state {
        case .closing: return true
        case .awaitingHead: return draining && inbound.isEmpty
        default: return false
        }
    }

    func startDrain() { draining = true }

    func close() {
        task?.cancel()
        task = nil
        state = .closing
        releaseReservation()
    }

    private func releaseReservation() {
        connection.context.releaseBody(reservedBodyBytes)
        reservedBodyBytes = 0
    }
}
