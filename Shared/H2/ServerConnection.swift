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

    init(configuration: ServerConfiguration, handler: any HTTPHandler, stats: TransportStats) {
        self.configuration = configuration
        self.handler = handler
        self.stats = stats
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

    let id: UInt64
    let fd: Int32
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

    init(fd: Int32, loop: EventLoop, context: ServerContext, onClose: @escaping (ServerConnection) -> Void) {
        self.id = context.nextConnectionID.add(1, ordering: .relaxed).oldValue
        self.fd = fd
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

    /// Runs the handler for a complete request and brings its response back to this connection.
    /// By default the handler's task prefers this loop as its executor, so a handler that only
    /// awaits (storage, peers) never leaves the thread and needs no wake-up to answer; work that
    /// would block runs elsewhere (Storage has its own threads). `handlersOnEventLoop = false`
    /// runs handlers on the global concurrent pool instead.
    func dispatch(stream: Int32, request: HTTPRequest) -> Task<Void, Never> {
        let loop = self.loop
        let connectionID = id
        let handler = context.handler
        let stats = context.stats
        stats.openStreams.add(1, ordering: .relaxed)
        let deliver: @Sendable (HTTPResponse) -> Void = { response in
            stats.openStreams.subtract(1, ordering: .relaxed)
            guard let connection = loop.object(id: connectionID) as? ServerConnection else { return }
            connection.lastActivity = monotonicNanos()
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
