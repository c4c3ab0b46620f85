import Foundation
import H2
import Synchronization

/// Request ids made here: a random process prefix and a counter. Cheap (no entropy read per
/// call) and unique across restarts.
enum RequestIDs {
    private static let prefix = String(UInt64.random(in: 0...UInt64.max), radix: 16)
    private static let counter = Atomic<UInt64>(0)

    static func next() -> String {
        "\(prefix)-\(counter.add(1, ordering: .relaxed).newValue)"
    }
}

/// Serves gRPC (`application/grpc`, `application/grpc+json`) and Connect unary JSON
/// (`application/json`) on every registered path, plus health, readiness and metrics.
package final class RPCRouter: HTTPHandler {
    private struct Entry: Sendable {
        let info: MethodInfo
        let chain: RawHandler
        /// The interceptors around a handler that refuses: for a call whose body was refused
        /// from its headers, so that it is logged, audited and answered as any refused call is.
        let refusal: RawHandler
        let metrics: MethodMetrics
    }

    private let entries: [String: Entry]
    private let serviceNames: Set<String>
    /// Metrics of every call.
    package let metrics: RPCMetrics
    private let readiness: @Sendable () -> Bool
    private let pages: (any HTTPHandler)?
    private let reportUnexpected: @Sendable (CallContext, any Error) -> Void
    private let callerGate: CallerGate?
    /// The largest message, in bytes. The transport's body limit is set 5 bytes higher so a
    /// gRPC message of exactly this size (plus its prefix) passes, as a Connect body does.
    let messageLimit = Atomic<Int>(4 * 1024 * 1024)

    /// - Parameters:
    ///   - interceptors: run around every call, the first outermost.
    ///   - readiness: answers `/readyz` and the health check.
    ///   - pages: answers the GET and HEAD requests for any other path (a service's own web
    ///     pages, such as the gateway's dashboard) and every HTML form's POST
    ///     (`application/x-www-form-urlencoded`); without it they are 404.
    ///   - reportUnexpected: told of any error that is not an `RPCError` (answered INTERNAL).
    ///   - callerGate: checks each call's credential from its headers, before its body is
    ///     read; a refused caller's body is never kept. Without it every call's body is read
    ///     and every call to a known method counts as trusted.
    package init(
        routes: RouteTable, interceptors: [any ServerInterceptor] = [], metrics: RPCMetrics = RPCMetrics(),
        readiness: @escaping @Sendable () -> Bool = { true }, pages: (any HTTPHandler)? = nil,
        reportUnexpected: @escaping @Sendable (CallContext, any Error) -> Void = { context, error in
            FileHandle.standardError.write(Data("unexpected error in \(context.method.path): \(type(of: error))\n".utf8))
        },
        callerGate: CallerGate? = nil
    ) {
        func wrap(_ handler: @escaping RawHandler) -> RawHandler {
            var chain = handler
            for interceptor in interceptors.reversed() {
                let inner = chain
                chain = { context, request in try await interceptor.intercept(context, request: request, next: inner) }
            }
            return chain
        }
        var entries: [String: Entry] = [:]
        for (path, route) in routes.routes {
            let refuse: RawHandler = { context, _ in
                throw RPCError(.unauthenticated, "\(context.method.name) needs a bearer token this service knows")
            }
            entries[path] = Entry(info: route.info, chain: wrap(route.handler), refusal: wrap(refuse), metrics: metrics.method(path))
        }
        self.entries = entries
        self.serviceNames = routes.serviceNames
        self.metrics = metrics
        self.readiness = readiness
        self.pages = pages
        self.reportUnexpected = reportUnexpected
        self.callerGate = callerGate
    }

    // MARK: HTTPHandler

    package func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let head = request.head
        if head.method == "GET" || head.method == "HEAD" {
            return await plainEndpoint(request)
        }
        // A browser's form post (`application/x-www-form-urlencoded`) is never an RPC: it
        // goes to the service's pages, which check its session and CSRF token themselves.
        if head.method == "POST", let pages, Self.isFormPost(head) {
            return await pages.handle(request)
        }
        guard head.method == "POST" else {
            return HTTPResponse(
                status: 405, headers: ["allow": "POST", "content-type": "text/plain"], body: Data("RPCs are called with POST\n".utf8))
        }
        let contentType = head.headers["content-type"]?.lowercased() ?? ""
        if contentType.hasPrefix("application/grpc") {
            return await serveGRPC(request, contentType: contentType)
        }
        if contentType == "application/json" || contentType.hasPrefix("application/json;") {
            return await serveConnect(request)
        }
        return HTTPResponse(
            status: 415, headers: ["content-type": "text/plain", "accept-post": "application/grpc+json, application/json"],
            body: Data("unsupported content-type \"\(contentType)\": use application/grpc+json or application/json\n".utf8))
    }

    package func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse {
        let error = tooLarge()
        let contentType = head.headers["content-type"]?.lowercased() ?? ""
        let method = entries[head.path] != nil ? head.path : "unknown"
        metrics.record(method: method, code: error.code, seconds: 0)
        if contentType.hasPrefix("application/grpc") { return grpcError(error, contentType: contentType, requestID: nil) }
        if contentType.hasPrefix("application/json") { return connectError(error, requestID: nil) }
        return HTTPResponse(status: 413, headers: ["content-type": "text/plain"], body: Data("\(error.message)\n".utf8))
    }

    package func admit(_ head: HTTPRequestHead) -> RequestAdmission {
        // Health, readiness, metrics and pages prove nothing about the caller.
        guard head.method == "POST" else { return .accept(trusted: false) }
        // A form's post is read whole: the pages check its session and CSRF token, which are
        // in the body and the cookie, not in a bearer token.
        if pages != nil, Self.isFormPost(head) { return .accept(trusted: false) }
        let path = head.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.path
        guard let entry = entries[path] else {
            // The health check's request is a few bytes; any other unknown path is refused
            // without reading a body it would only throw away.
            return path == HealthCheck.path ? .accept(trusted: false) : .refuseBody
        }
        guard let callerGate else { return .accept(trusted: true) }
        switch callerGate(entry.info, Metadata(head.headers)) {
        case .known: return .accept(trusted: true)
        case .anonymous: return .accept(trusted: false)
        case .refused: return .refuseBody
        }
    }

    package func bodiesOverBudget(_ head: HTTPRequestHead) -> HTTPResponse {
        let error = RPCError(.resourceExhausted, "the server holds too many request bodies at once; retry shortly")
        let contentType = head.headers["content-type"]?.lowercased() ?? ""
        metrics.record(method: entries[head.path] != nil ? head.path : "unknown", code: error.code, seconds: 0)
        if contentType.hasPrefix("application/grpc") { return grpcError(error, contentType: contentType, requestID: nil) }
        if contentType.hasPrefix("application/json") { return connectError(error, requestID: nil) }
        return HTTPResponse(status: 503, headers: ["content-type": "text/plain"], body: Data("\(error.message)\n".utf8))
    }

    private func tooLarge() -> RPCError {
        RPCError(.resourceExhausted, "message larger than the limit of \(messageLimit.load(ordering: .relaxed)) bytes")
    }

    // MARK: gRPC

    private func serveGRPC(_ request: HTTPRequest, contentType: String) async -> HTTPResponse {
        let head = request.head
        guard head.version == .http2 else {
            return HTTPResponse(
                status: 505, headers: ["content-type": "text/plain"], body: Data("gRPC needs HTTP/2; use application/json over HTTP/1.1\n".utf8))
        }
        if head.path == HealthCheck.path && (contentType == "application/grpc" || contentType == "application/grpc+proto") {
            return healthCheck(request.body, contentType: contentType)
        }
        guard contentType == "application/grpc" || contentType == "application/grpc+json" else {
            return HTTPResponse(
                status: 415, headers: ["content-type": "text/plain"], body: Data("this server speaks JSON: use application/grpc+json\n".utf8))
        }
        let requestID = Self.requestID(head.headers)
        let started = ContinuousClock.now
        guard let entry = entries[head.path] else {
            let error = RPCError(.unimplemented, "unknown method \(head.path)")
            metrics.record(method: "unknown", code: error.code, seconds: 0)
            return grpcError(error, contentType: contentType, requestID: requestID)
        }
        var timeout: Duration?
        if let value = head.headers["grpc-timeout"] {
            guard let parsed = GRPCFraming.parseTimeout(value) else {
                return finish(
                    entry, started,
                    grpcError(
                        RPCError(.invalidArgument, "grpc-timeout \"\(value)\" is not a valid timeout"), contentType: contentType, requestID: requestID
                    ), .invalidArgument)
            }
            timeout = parsed
        }
        let message: Data
        do {
            message = request.bodyRefused ? Data() : try GRPCFraming.unframe(request.body)
        } catch {
            return finish(entry, started, grpcError(error, contentType: contentType, requestID: requestID), error.code)
        }
        guard message.count <= messageLimit.load(ordering: .relaxed) else {
            return finish(entry, started, grpcError(tooLarge(), contentType: contentType, requestID: requestID), .resourceExhausted)
        }
        let context = makeContext(entry.info, request, requestID: requestID, timeout: timeout, wireProtocol: .grpc)
        switch await run(entry, context, message, bodyRefused: request.bodyRefused) {
        case .success(let reply):
            let response = HTTPResponse(
                status: 200, headers: ["content-type": contentType, "x-request-id": requestID],
                body: GRPCFraming.frame(reply), trailers: ["grpc-status": "0"])
            return finish(entry, started, response, .ok)
        case .failure(let error):
            return finish(entry, started, grpcError(error, contentType: contentType, requestID: requestID), error.code)
        }
    }

    /// A Trailers-Only response: the status travels in the one HEADERS frame.
    private func grpcError(_ error: RPCError, contentType: String, requestID: String?) -> HTTPResponse {
        var headers: HTTPFields = ["content-type": contentType.hasPrefix("application/grpc") ? contentType : "application/grpc"]
        headers.add("grpc-status", String(error.code.rawValue))
        headers.add("grpc-message", GRPCFraming.percentEncode(error.message))
        if let requestID { headers.add("x-request-id", requestID) }
        return HTTPResponse(status: 200, headers: headers)
    }

    private func healthCheck(_ body: Data, contentType: String) -> HTTPResponse {
        do {
            let service = try HealthCheck.decodeRequest(try GRPCFraming.unframe(body))
            if !service.isEmpty && !serviceNames.contains(service) {
                return grpcError(RPCError(.notFound, "unknown service \(service)"), contentType: contentType, requestID: nil)
            }
            let status: HealthCheck.ServingStatus = readiness() ? .serving : .notServing
            return HTTPResponse(
                status: 200, headers: ["content-type": contentType], body: GRPCFraming.frame(HealthCheck.encodeResponse(status)),
                trailers: ["grpc-status": "0"])
        } catch {
            return grpcError(error, contentType: contentType, requestID: nil)
        }
    }

    // MARK: Connect

    private func serveConnect(_ request: HTTPRequest) async -> HTTPResponse {
        let head = request.head
        let requestID = Self.requestID(head.headers)
        let started = ContinuousClock.now
        let path = head.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? head.path
        guard let entry = entries[path] else {
            let error = RPCError(.unimplemented, "unknown method \(path)")
            metrics.record(method: "unknown", code: error.code, seconds: 0)
            return connectError(error, requestID: requestID)
        }
        var timeout: Duration?
        if let value = head.headers["connect-timeout-ms"] {
            guard value.count <= 10, let millis = Int64(value), millis > 0 else {
                return finish(
                    entry, started,
                    connectError(RPCError(.invalidArgument, "connect-timeout-ms \"\(value)\" is not a valid timeout"), requestID: requestID),
                    .invalidArgument)
            }
            timeout = .milliseconds(millis)
        }
        guard request.body.count <= messageLimit.load(ordering: .relaxed) else {
            return finish(entry, started, connectError(tooLarge(), requestID: requestID), .resourceExhausted)
        }
        let context = makeContext(entry.info, request, requestID: requestID, timeout: timeout, wireProtocol: .connect)
        switch await run(entry, context, request.body, bodyRefused: request.bodyRefused) {
        case .success(let reply):
            return finish(
                entry, started, HTTPResponse(status: 200, headers: ["content-type": "application/json", "x-request-id": requestID], body: reply), .ok)
        case .failure(let error):
            return finish(entry, started, connectError(error, requestID: requestID), error.code)
        }
    }

    private func connectError(_ error: RPCError, requestID: String?) -> HTTPResponse {
        struct Body: Encodable {
            let code: String
            let message: String
        }
        let body = (try? JSONCodec.encode(Body(code: error.code.connectName, message: error.message))) ?? Data("{}".utf8)
        var headers: HTTPFields = ["content-type": "application/json"]
        if let requestID { headers.add("x-request-id", requestID) }
        return HTTPResponse(status: error.code.connectHTTPStatus, headers: headers, body: body)
    }

    // MARK: calls

    private func makeContext(_ info: MethodInfo, _ request: HTTPRequest, requestID: String, timeout: Duration?, wireProtocol: WireProtocol)
        -> CallContext
    {
        var context = CallContext(
            method: info, metadata: Metadata(request.head.headers), requestID: requestID,
            deadline: timeout.map { ContinuousClock.now + $0 }, wireProtocol: wireProtocol)
        context.client = request.client
        return context
    }

    /// Runs the interceptor chain and handler, within the deadline when there is one.
    private func run(_ entry: Entry, _ context: CallContext, _ message: Data, bodyRefused: Bool) async -> Result<Data, RPCError> {
        let chain = bodyRefused ? entry.refusal : entry.chain
        do {
            guard let deadline = context.deadline else {
                return .success(try await chain(context, message))
            }
            return .success(
                try await DeadlineRace.run(until: deadline, method: context.method.name) {
                    try await chain(context, message)
                })
        } catch let error as RPCError {
            return .failure(error)
        } catch is CancellationError {
            return .failure(RPCError(.cancelled, "the call was cancelled"))
        } catch {
            reportUnexpected(context, error)
            return .failure(RPCError(.internal, "internal error; the request id is \(context.requestID)"))
        }
    }

    private func finish(_ entry: Entry, _ started: ContinuousClock.Instant, _ response: HTTPResponse, _ code: RPCCode) -> HTTPResponse {
        let elapsed = ContinuousClock.now - started
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        entry.metrics.record(code: code, seconds: seconds)
        return response
    }

    // MARK: plain endpoints

    private func plainEndpoint(_ request: HTTPRequest) async -> HTTPResponse {
        switch request.head.path {
        case "/healthz":
            return HTTPResponse(status: 200, headers: ["content-type": "text/plain"], body: Data("ok\n".utf8))
        case "/readyz":
            let ready = readiness()
            return HTTPResponse(
                status: ready ? 200 : 503, headers: ["content-type": "text/plain"], body: Data((ready ? "ready\n" : "not ready\n").utf8))
        case "/metrics":
            return HTTPResponse(status: 200, headers: ["content-type": "text/plain; version=0.0.4"], body: Data(await metrics.render().utf8))
        default:
            if let pages { return await pages.handle(request) }
            return HTTPResponse(status: 404, headers: ["content-type": "text/plain"], body: Data("not found\n".utf8))
        }
    }

    /// True for an HTML form's post: the pages answer it, not the RPC router.
    static func isFormPost(_ head: HTTPRequestHead) -> Bool {
        let contentType = head.headers["content-type"]?.lowercased() ?? ""
        return contentType == "application/x-www-form-urlencoded" || contentType.hasPrefix("application/x-www-form-urlencoded;")
    }

    /// The caller's `x-request-id` when it is sane, else a new one.
    private static func requestID(_ headers: HTTPFields) -> String {
        if let given = headers["x-request-id"], !given.isEmpty, given.count <= 128,
            given.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7f })
        {
            return given
        }
        return RequestIDs.next()
    }
}
