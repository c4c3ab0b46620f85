import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// What every connection of one server shares.
final class ServerContext: Sendable {
    let configuration: ServerConfiguration
    let handler: any HTTPHandler
    let stats: TransportStats
    let nextConnectionID = Atomic<UInt64>(1)
    /// Connections open now per client address (every loop's).
    private let openPerAddress = Mutex<[ClientAddress: Int]>([:])

    init(configuration: ServerConfiguration, handler: any HTTPHandler, stats: TransportStats) {
        self.configuration = configuration
        self.handler = handler
        self.stats = stats
    }

    /// Counts a connection from `address`; false, counting nothing, when that address has
    /// `maxConnectionsPerAddress` open already.
    func countConnection(from address: ClientAddress?) -> Bool {
        guard let address else { return true }
        let limit = configuration.maxConnectionsPerAddress
        return openPerAddress.withLock { open in
            let current = open[address, default: 0]
            guard current < limit else { return false }
            open[address] = current + 1
            return true
        }
    }

    /// Forgets a connection counted by `countConnection`.
    func uncountConnection(from address: ClientAddress?) {
        guard let address else { return }
        openPerAddress.withLock { open in
            let remaining = open[address, default: 1] - 1
            open[address] = remaining > 0 ? remaining : nil
        }
    }

    /// Takes `count` bytes of the server's request-body budget; false, taking nothing, when
    /// that would go over `maxBufferedBodyBytes`.
    func reserveBody(_ count: Int) -> Bool {
        let total = stats.bufferedBodyBytes.add(count, ordering: .relaxed).newValue
        if total > configuration.maxBufferedBodyBytes {
            stats.bufferedBodyBytes.subtract(count, ordering: .relaxed)
            return false
        }
        return true
    }

    /// Gives back bytes taken by `reserveBody`.
    func releaseBody(_ count: Int) {
        if count > 0 { stats.bufferedBodyBytes.subtract(count, ordering: .relaxed) }
    }
}

/// The protocol spoken on a connection once detected.
protocol ServerProtocolSession: AnyObject {
    /// Feeds received bytes. Returns false when the connection must close.
    func receive(_ bytes: UnsafeRawBufferPointer) -> Bool
    /// Produces pending output through `connection.emit`. Returns false on a fatal error.
    func produceOutput() -> Bool
    /// A handler finished; send its response.
    func complete(stream: Int32, response: HTTPResponse)
    /// Requests in progress.
    var activeRequests: Int { get }
    /// True while the session has output it has not produced yet.
    var wantsToWrite: Bool { get }
    /// True when the session has nothing more to do and the connection can close once flushed.
    var finished: Bool { get }
    /// When the first byte of a request head still incomplete arrived (for the header timeout).
    var headStartedAt: UInt64? { get }
    /// Stop taking new requests (GOAWAY or `Connection: close`).
    func startDrain()
    /// The connection is gone: cancel handlers, free C state.
    func close()
}

/// One accepted socket: detects HTTP/2 by its preface, else speaks HTTP/1.1; owns the output
/// buffer, back-pressure and timeouts. Loop-confined.
final class ServerConnection: EventSource {
    static let preface: [UInt8] = Array("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".utf8)
    /// `PRI `: the bytes that say a client means HTTP/2.
    static let prefaceMethodLength = 4
    /// Our (empty) SETTINGS, which must come first, then GOAWAY(last stream 0, PROTOCOL_ERROR)
    /// with a reason as its debug data.
    static let malformedPrefaceAnswer: [UInt8] = {
        let reason = Array("invalid connection preface".utf8)
        let settings: [UInt8] = [0, 0, 0, 0x4, 0, 0, 0, 0, 0]
        let length = 8 + reason.count
        let goawayHeader: [UInt8] = [UInt8(length >> 16), UInt8((length >> 8) & 0xff), UInt8(length & 0xff), 0x7, 0, 0, 0, 0, 0]
        let payload: [UInt8] = [0, 0, 0, 0, 0, 0, 0, 0x1]
        return settings + goawayHeader + payload + reason
    }()

    let id: UInt64
    let fd: Int32
    /// The client's address, counted for `maxConnectionsPerAddress` while the connection is open.
    let peer: ClientAddress?
    unowned let loop: EventLoop
    let context: ServerContext
    private let onClose: (ServerConnection) -> Void

    private var detectBuffer: [UInt8] = []
    private(set) var session: ServerProtocolSession?
    private var output = OutputBuffer()
    private var readingPaused = false
    private var wantWritable = false
    private(set) var isClosed = false
    private var flushScheduled = false
    private(set) var draining = false
    /// When the connection last made progress (bytes in or a response out).
    private(set) var lastActivity = monotonicNanos()
    let openedAt = monotonicNanos()
    /// True once a request on it was admitted as trusted (`HTTPHandler.admit`).
    private(set) var trusted = false
    /// When a request last began or was answered (or the connection opened): an untrusted
    /// connection's idle time counts from here, whatever frames it sends in between.
    private(set) var lastRequestAt = monotonicNanos()

    init(fd: Int32, peer: ClientAddress?, loop: EventLoop, context: ServerContext, onClose: @escaping (ServerConnection) -> Void) {
        self.id = context.nextConnectionID.add(1, ordering: .relaxed).oldValue
        self.fd = fd
        self.peer = peer
        self.loop = loop
        self.context = context
        self.onClose = onClose
        Socket.setNoDelay(fd)
        loop.attach(self, id: id)
        loop.register(fd, self, events: Readiness.readable)
    }

    // MARK: events

    func handleEvents(_ events: UInt32) {
        if events & Readiness.writable != 0 {
            flushNow()
        }
        if isClosed { return }
        if events & (Readiness.readable | Readiness.hangup) != 0 && !readingPaused {
            readAvailable()
        }
    }

    private func readAvailable() {
        // Bounded so one busy connection cannot starve the others on this loop.
        for _ in 0..<16 {
            switch Socket.read(fd, into: loop.readBuffer) {
            case .bytes(let n):
                lastActivity = monotonicNanos()
                if !receive(UnsafeRawBufferPointer(rebasing: loop.readBuffer[0..<n])) {
                    flushNow()
                    close()
                    return
                }
                if readingPaused || n < loop.readBuffer.count { scheduleFlush(); return }
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

    private func receive(_ bytes: UnsafeRawBufferPointer) -> Bool {
        if let session { return session.receive(bytes) }
        detectBuffer.append(contentsOf: bytes)
        let prefix = min(detectBuffer.count, Self.preface.count)
        if detectBuffer[0..<prefix].elementsEqual(Self.preface[0..<prefix]) {
            if prefix < Self.preface.count { return true }
            guard let h2 = H2ServerSession(connection: self) else { return false }
            return adopt(h2)
        }
        // `PRI` is no HTTP/1.1 method (RFC 9113 §3.4): a client that began the HTTP/2 preface
        // and got it wrong is told so in HTTP/2, as RFC 9113 §3.4 asks, before the close.
        if detectBuffer.starts(with: Self.preface[0..<Self.prefaceMethodLength]) {
            context.stats.rejectedRequests.add(1, ordering: .relaxed)
            Self.malformedPrefaceAnswer.withUnsafeBytes { emit($0) }
            return false
        }
        return adopt(HTTP1ServerSession(connection: self))
    }

    private func adopt(_ newSession: ServerProtocolSession) -> Bool {
        session = newSession
        if draining { newSession.startDrain() }
        let buffered = detectBuffer
        detectBuffer = []
        return buffered.withUnsafeBytes { newSession.receive($0) }
    }

    // MARK: output

    /// Queues bytes for the socket; they go out in one write per connection per loop iteration.
    func emit(_ bytes: UnsafeRawBufferPointer) {
        guard !isClosed, bytes.count > 0 else { return }
        output.append(bytes)
    }

    /// True while queued output is above the high-water mark: sessions stop producing.
    var outputIsFull: Bool { output.count >= context.configuration.outputHighWater }

    /// Coalesces flushes to once per loop iteration.
    func scheduleFlush() {
        guard !flushScheduled, !isClosed else { return }
        flushScheduled = true
        loop.runAfterIteration { [self] in
            flushScheduled = false
            flushNow()
        }
    }

    func flushNow() {
        guard !isClosed else { return }
        // Production stops at the high-water mark; when the socket took everything, ask the
        // session again, or what it still holds would wait for the peer's next frame.
        var rounds = 0
        repeat {
            if let session, !session.produceOutput() {
                _ = output.drain(to: fd)
                close()
                return
            }
            guard output.drain(to: fd) else {
                close()
                return
            }
            rounds += 1
        } while output.isEmpty && session?.wantsToWrite == true && rounds < 64
        updateInterest()
        if let session, session.finished, output.isEmpty {
            close()
        }
    }

    /// Back-pressure: stop reading while the peer is not taking our output.
    private func updateInterest() {
        let pending = output.count
        let shouldPause = pending >= context.configuration.outputHighWater
        let needWritable = pending > 0 || session?.wantsToWrite == true
        if shouldPause != readingPaused || needWritable != wantWritable {
            readingPaused = shouldPause
            wantWritable = needWritable
            var events: UInt32 = 0
            if !readingPaused { events |= Readiness.readable }
            if wantWritable { events |= Readiness.writable }
            // Level-triggered: input that arrived while paused is reported again on resume.
            loop.modify(fd, events: events)
        }
    }

    // MARK: handlers

    /// Asks the handler whether to read a request's body, from its head; a trusted request
    /// makes the connection trusted.
    func admit(_ head: HTTPRequestHead) -> RequestAdmission {
        lastRequestAt = monotonicNanos()
        let admission = context.handler.admit(head)
        switch admission {
        case .accept(let trustedRequest):
            if trustedRequest { trusted = true }
        case .refuseBody:
            context.stats.refusedBodies.add(1, ordering: .relaxed)
        }
        return admission
    }

    /// Idle and untrusted: the first to go when the server is full.
    var sheddable: Bool { !trusted && (session?.activeRequests ?? 0) == 0 }

    /// Runs the handler for a complete request and brings its response back to this connection.
    /// By default the handler's task prefers this loop as its executor, so a handler that only
    /// awaits (storage, peers) never leaves the thread and needs no wake-up to answer; work that
    /// would block runs elsewhere (Storage has its own threads). `handlersOnEventLoop = false`
    /// runs handlers on the global concurrent pool instead.
    func dispatch(stream: Int32, request: HTTPRequest) -> Task<Void, Never> {
        var request = request
        request.client = peer?.description
        let loop = self.loop
        let connectionID = id
        let handler = context.handler
        let stats = context.stats
        stats.openStreams.add(1, ordering: .relaxed)
        let deliver: @Sendable (HTTPResponse) -> Void = { response in
            stats.openStreams.subtract(1, ordering: .relaxed)
            guard let connection = loop.object(id: connectionID) as? ServerConnection else { return }
            connection.lastActivity = monotonicNanos()
            connection.lastRequestAt = connection.lastActivity
            connection.session?.complete(stream: stream, response: response)
            connection.scheduleFlush()
        }
        if context.configuration.handlersOnEventLoop {
            return Task(executorPreference: loop) {
                let response = await handler.handle(request)
                if loop.inLoop { deliver(response) } else { loop.execute { deliver(response) } }
            }
        }
        return Task {
            let response = await handler.handle(request)
            loop.execute { deliver(response) }
        }
    }

    // MARK: lifecycle

    /// Stops taking new requests; closes once in-flight ones are answered.
    func startDrain() {
        guard !draining else { return }
        draining = true
        if let session {
            session.startDrain()
            scheduleFlush()
        } else {
            close()
        }
    }

    /// Closes on timeouts: the HTTP/1.1 header timeout and the idle timeout.
    func checkTimeouts(now: UInt64) {
        let configuration = context.configuration
        let headerDeadline = configuration.headerTimeout.nanoseconds
        // Counted from the head's first byte, not the last one: a slowloris client trickling
        // bytes must still run out of time.
        let headStart: UInt64? = session == nil ? openedAt : session?.headStartedAt
        if let headStart {
            if now > headStart && now - headStart > headerDeadline {
                context.stats.rejectedRequests.add(1, ordering: .relaxed)
                if let http1 = session as? HTTP1ServerSession {
                    http1.rejectHeadTimeout()
                    flushNow()
                }
                close()
                return
            }
        }
        let requestLimit = configuration.requestTimeout.nanoseconds
        if let h2 = session as? H2ServerSession {
            h2.expireStalledRequests(now: now, limit: requestLimit)
            scheduleFlush()
        } else if let http1 = session as? HTTP1ServerSession, http1.expireStalledBody(now: now, limit: requestLimit) {
            context.stats.rejectedRequests.add(1, ordering: .relaxed)
            flushNow()
            close()
            return
        }
        if let session, session.activeRequests == 0, now > lastActivity, now - lastActivity > configuration.idleTimeout.nanoseconds {
            session.startDrain()
            flushNow()
            close()
            return
        }
        // Not yet trusted: a much shorter leash, not renewed by PINGs or stray bytes, so that
        // idle connections from clients without a credential cannot hold the slots (issue 17).
        if !trusted, sheddable, now > lastRequestAt, now - lastRequestAt > configuration.untrustedIdleTimeout.nanoseconds {
            session?.startDrain()
            flushNow()
            close()
        }
    }

    func close() {
        guard !isClosed else { return }
        isClosed = true
        session?.close()
        loop.deregister(fd)
        loop.detach(id: id)
        Descriptor.close(fd)
        onClose(self)
    }
}
