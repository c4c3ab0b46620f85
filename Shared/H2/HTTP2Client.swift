import Foundation
import Synchronization

/// A client for one peer (`host:port`): a single multiplexed h2c connection, opened on first
/// use, reopened after a GOAWAY or a broken connection (with backoff when connecting fails),
/// honouring the peer's SETTINGS_MAX_CONCURRENT_STREAMS by queueing calls beyond it.
package final class HTTP2Client: Sendable {
    /// The peer's host.
    package let host: String
    /// The peer's port.
    package let port: Int
    private let loop: EventLoop
    private let core: ClientCoreBox
    private let nextCallID = Atomic<UInt64>(1)

    package init(host: String, port: Int, configuration: ClientConfiguration = ClientConfiguration(), group: EventLoopGroup = .sharedClientGroup) {
        self.host = host
        self.port = port
        let loop = group.next()
        self.loop = loop
        self.core = ClientCoreBox(ClientCore(host: host, port: port, loop: loop, configuration: configuration))
    }

    deinit {
        let core = self.core
        loop.execute { core.value.shutdown() }
    }

    /// Sends `request` and waits for the whole response, or until `timeout` passes.
    package func send(_ request: HTTPRequest, timeout: Duration? = nil) async throws -> HTTPClientResponse {
        let id = nextCallID.add(1, ordering: .relaxed).oldValue
        let core = self.core
        let loop = self.loop
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<HTTPClientResponse, any Error>) in
                let call = ClientCallBox(ClientCall(id: id, request: request, continuation: continuation))
                loop.execute { core.value.start(call.value, timeout: timeout) }
            }
        } onCancel: {
            loop.execute { core.value.cancel(id: id) }
        }
    }

    /// Closes the connection; calls in flight fail with `.cancelled`.
    package func close() {
        let core = self.core
        loop.execute { core.value.shutdown() }
    }
}

/// Carries loop-confined objects across the hop to their loop. Unchecked: the value is only
/// touched on the loop once handed over.
private final class ClientCoreBox: @unchecked Sendable {
    let value: ClientCore
    init(_ value: ClientCore) { self.value = value }
}

private final class ClientCallBox: @unchecked Sendable {
    let value: ClientCall
    init(_ value: ClientCall) { self.value = value }
}

/// The client's state, on its loop: the current connection, calls waiting for a stream, the
/// reconnect backoff.
final class ClientCore: ClientConnectionDelegate {
    private let host: String
    private let port: Int
    private unowned let loop: EventLoop
    private let configuration: ClientConfiguration
    private var connection: ClientConnection?
    private var waiting: [ClientCall] = []
    private var calls: [UInt64: ClientCall] = [:]
    private var cancelledEarly = Set<UInt64>()
    private var consecutiveFailures = 0
    private var retryAt: UInt64 = 0
    private var lastFailure = ""
    private var isShutDown = false

    init(host: String, port: Int, loop: EventLoop, configuration: ClientConfiguration) {
        self.host = host
        self.port = port
        self.loop = loop
        self.configuration = configuration
    }

    func start(_ call: ClientCall, timeout: Duration?) {
        if cancelledEarly.remove(call.id) != nil || isShutDown {
            call.fail(.cancelled)
            return
        }
        calls[call.id] = call
        call.onFinish = { [weak self] finished in self?.forget(finished) }
        call.timer = loop.scheduleTimer(after: timeout ?? configuration.defaultTimeout) { [weak self] in self?.expire(call) }
        waiting.append(call)
        pump()
    }

    func cancel(id: UInt64) {
        guard let call = calls[id] else {
            // Cancelled before its start reached the loop (or after it ended): remember a
            // bounded number, so a late cancel of a finished call cannot grow this forever.
            if cancelledEarly.count > 4096 { cancelledEarly.removeAll() }
            cancelledEarly.insert(id)
            return
        }
        finish(call, .cancelled)
    }

    private func expire(_ call: ClientCall) {
        call.timer = nil
        let connection = call.connection
        finish(call, .timedOut)
        // A call that timed out may be a slow handler, or a peer that is no longer there.
        connection?.checkAlive()
    }

    private func finish(_ call: ClientCall, _ error: HTTPClientError) {
        waiting.removeAll { $0 === call }
        // The call's own connection, which may be an older one that is going away.
        call.connection?.cancel(call)
        forget(call)
        call.fail(error)
        // Its stream slot is free: start a waiting call.
        pump()
    }

    private func forget(_ call: ClientCall) {
        calls[call.id] = nil
        if let timer = call.timer { loop.cancelTimer(timer) }
        call.timer = nil
    }

    /// Moves waiting calls onto the connection, opening one if needed.
    private func pump() {
        guard !waiting.isEmpty else { return }
        if let connection, connection.isReady {
            let limit = max(1, connection.maxConcurrentStreams)
            while !waiting.isEmpty && connection.activeStreams < limit {
                let call = waiting.removeFirst()
                if !connection.submit(call, authority: "\(host):\(port)") {
                    forget(call)
                    call.fail(.connectionLost)
                }
            }
            return
        }
        if let connection, !connection.isClosed, !connection.goingAway { return }  // still connecting
        let now = monotonicNanos()
        if now < retryAt {
            failWaiting(.connectFailed("\(host):\(port): \(lastFailure); retrying in \((retryAt - now) / 1_000_000) ms"))
            return
        }
        do {
            // Name resolution is synchronous here; services name peers by address or by a
            // name the local resolver answers at once (/etc/hosts, the container network).
            guard let address = try Socket.resolve(host: host, port: port).first else {
                throw SocketError(call: "resolve(\(host))", code: 0)
            }
            connection = try ClientConnection(address: address, loop: loop, configuration: configuration, delegate: self)
        } catch {
            recordFailure(String(describing: error))
        }
    }

    private func failWaiting(_ error: HTTPClientError) {
        let failed = waiting
        waiting.removeAll()
        for call in failed {
            forget(call)
            call.fail(error)
        }
    }

    private func recordFailure(_ reason: String) {
        consecutiveFailures += 1
        lastFailure = reason
        // Exponential backoff with full jitter, capped.
        let base = configuration.initialBackoff.nanoseconds << UInt64(min(consecutiveFailures - 1, 16))
        let capped = min(base, configuration.maxBackoff.nanoseconds)
        retryAt = monotonicNanos() + UInt64.random(in: capped / 2...max(capped / 2, capped))
        failWaiting(.connectFailed("\(host):\(port): \(reason)"))
    }

    // MARK: ClientConnectionDelegate

    func connectionReady(_ connection: ClientConnection) {
        consecutiveFailures = 0
        retryAt = 0
        pump()
    }

    func connectionFailed(_ connection: ClientConnection, reason: String) {
        if self.connection === connection { self.connection = nil }
        recordFailure(reason)
    }

    func connectionClosed(_ connection: ClientConnection) {
        if self.connection === connection { self.connection = nil }
        // Calls on it have failed already; calls still waiting get a new connection.
        pump()
    }

    func connectionGoingAway(_ connection: ClientConnection) {
        if self.connection === connection { self.connection = nil }
        pump()
    }

    func streamFinished(_ connection: ClientConnection) {
        if connection === self.connection && !waiting.isEmpty { pump() }
    }

    func streamRefused(_ call: ClientCall) {
        guard !call.retried, calls[call.id] != nil else {
            forget(call)
            call.fail(.streamReset(7))  // REFUSED_STREAM
            return
        }
        call.retried = true
        waiting.append(call)
        pump()
    }

    func shutdown() {
        isShutDown = true
        failWaiting(.cancelled)
        connection?.close()
        connection = nil
    }
}
