import CNGHTTP2
import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// An HTTP/2 (h2c, prior knowledge) and HTTP/1.1 server on one port, on epoll loops with
/// nghttp2 sessions. It knows nothing of what it serves: requests go to an `HTTPHandler`.
package final class HTTPServer: Sendable {
    /// The bound port (useful when the configuration asked for port 0).
    package let port: Int
    /// Counters for `/metrics`.
    package let stats: TransportStats
    private let group: EventLoopGroup
    private let context: ServerContext
    private let listenFD: Int32
    private let acceptors: [LoopAcceptorBox]
    private let state = Mutex<ServerState>(.running)

    private enum ServerState { case running, draining, stopped }

    /// Binds and starts serving at once.
    package init(configuration: ServerConfiguration, handler: any HTTPHandler, stats: TransportStats = TransportStats()) throws {
        let (fd, port) = try Socket.listen(host: configuration.host, port: configuration.port)
        self.listenFD = fd
        self.port = port
        self.stats = stats
        self.group = try EventLoopGroup(loopCount: configuration.loopCount, name: "h2-server")
        let context = ServerContext(configuration: configuration, handler: handler, stats: stats)
        self.context = context
        acceptors = group.loops.map { LoopAcceptorBox(loop: $0) }
        for box in acceptors {
            let loop = box.loop
            loop.execute { [box] in
                box.acceptor = LoopAcceptor(listenFD: fd, loop: loop, context: context)
            }
        }
    }

    /// Stops accepting, asks every connection to finish (HTTP/2 GOAWAY, HTTP/1.1 close after
    /// the current response), waits up to `grace` for in-flight requests, then closes the rest.
    package func shutdown(grace: Duration = .seconds(10)) async {
        let proceed = state.withLock { current -> Bool in
            guard case .running = current else { return false }
            current = .draining
            return true
        }
        guard proceed else { return }
        await onEveryLoop { $0.startDrain() }
        Descriptor.close(listenFD)
        let deadline = ContinuousClock.now + grace
        while stats.openConnections.load(ordering: .relaxed) > 0 && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
        await onEveryLoop { $0.closeAll() }
        group.shutdown()
        state.withLock { $0 = .stopped }
    }

    private func onEveryLoop(_ work: @escaping @Sendable (LoopAcceptor) -> Void) async {
        await withTaskGroup(of: Void.self) { tasks in
            for box in acceptors {
                tasks.addTask {
                    await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
                        box.loop.execute {
                            if let acceptor = box.acceptor { work(acceptor) }
                            done.resume()
                        }
                    }
                }
            }
        }
    }
}

/// Holds a loop's acceptor; only touched on that loop.
private final class LoopAcceptorBox: @unchecked Sendable {
    let loop: EventLoop
    var acceptor: LoopAcceptor?
    init(loop: EventLoop) { self.loop = loop }
}

/// Accepts connections on one loop (the listening socket is registered with EPOLLEXCLUSIVE in
/// every loop, so the kernel wakes one of them per connection) and sweeps its timeouts.
final class LoopAcceptor: EventSource {
    private let listenFD: Int32
    private unowned let loop: EventLoop
    private let context: ServerContext
    private var connections: [UInt64: ServerConnection] = [:]
    private var listening = true
    private var draining = false

    init(listenFD: Int32, loop: EventLoop, context: ServerContext) {
        self.listenFD = listenFD
        self.loop = loop
        self.context = context
        loop.register(listenFD, self, events: Readiness.readable | Readiness.exclusive)
        scheduleSweep()
    }

    func handleEvents(_ events: UInt32) {
        guard listening else { return }
        // A few per wake-up, so connections spread over the loops.
        for _ in 0..<4 {
            var storage = sockaddr_storage()
            var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
            let fd = withUnsafeMutablePointer(to: &storage) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    accept4(listenFD, $0, &length, Int32(SOCK_NONBLOCK.rawValue | SOCK_CLOEXEC.rawValue))
                }
            }
            if fd < 0 {
                if errno == EMFILE || errno == ENFILE { pauseAccepting() }
                return
            }
            let stats = context.stats
            // The address's own limit first, so that a refused newcomer never costs another
            // client its connection.
            let peer = ClientAddress(storage)
            guard !draining, context.countConnection(from: peer) else {
                stats.refusedConnections.add(1, ordering: .relaxed)
                if !draining { stats.refusedPerAddress.add(1, ordering: .relaxed) }
                Glibc.close(fd)
                continue
            }
            if stats.openConnections.load(ordering: .relaxed) >= context.configuration.maxConnections && !shedOne() {
                context.uncountConnection(from: peer)
                stats.refusedConnections.add(1, ordering: .relaxed)
                Descriptor.close(fd)
                continue
            }
            stats.openConnections.add(1, ordering: .relaxed)
            stats.acceptedConnections.add(1, ordering: .relaxed)
            let context = context
            let connection = ServerConnection(fd: fd, peer: peer, loop: loop, context: context) { [unowned self] closed in
                connections[closed.id] = nil
                stats.openConnections.subtract(1, ordering: .relaxed)
                context.uncountConnection(from: closed.peer)
            }
            connections[connection.id] = connection
        }
    }

    /// The server is full: closes this loop's idle untrusted connection that has waited
    /// longest, to make room. False when there is none (a full house of busy or trusted
    /// connections refuses the newcomer, as before).
    private func shedOne() -> Bool {
        var oldest: ServerConnection?
        for connection in connections.values where connection.sheddable {
            if oldest.map({ connection.lastRequestAt < $0.lastRequestAt }) ?? true { oldest = connection }
        }
        guard let oldest else { return false }
        context.stats.shedConnections.add(1, ordering: .relaxed)
        oldest.startDrain()
        oldest.flushNow()
        oldest.close()
        return true
    }

    /// Out of file descriptors: the pending connection stays in the backlog and the listener,
    /// level-triggered, would wake us at once forever. Step back for a moment instead.
    private func pauseAccepting() {
        guard listening else { return }
        listening = false
        loop.deregister(listenFD)
        loop.scheduleTimer(after: .milliseconds(100)) { [weak self] in
            guard let self, !self.draining else { return }
            self.listening = true
            self.loop.register(self.listenFD, self, events: Readiness.readable | Readiness.exclusive)
        }
    }

    private func scheduleSweep() {
        let configuration = context.configuration
        let interval = min(
            Duration.milliseconds(250), configuration.headerTimeout / 4, configuration.idleTimeout / 4, configuration.untrustedIdleTimeout / 4)
        loop.scheduleTimer(after: interval) { [weak self] in
            guard let self else { return }
            let now = monotonicNanos()
            for connection in Array(connections.values) { connection.checkTimeouts(now: now) }
            if !connections.isEmpty || listening { scheduleSweep() }
        }
    }

    func startDrain() {
        draining = true
        if listening {
            listening = false
            loop.deregister(listenFD)
        }
        for connection in Array(connections.values) { connection.startDrain() }
    }

    func closeAll() {
        for connection in Array(connections.values) { connection.close() }
    }
}
