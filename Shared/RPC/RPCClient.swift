import Foundation
import H2

/// Calls methods of one peer over gRPC (`application/grpc+json`) on an HTTP/2 connection.
package struct RPCClient: Sendable {
    /// The connection to the peer.
    package let transport: HTTP2Client

    /// A client of `host:port`.
    package init(host: String, port: Int, configuration: ClientConfiguration = ClientConfiguration()) {
        transport = HTTP2Client(host: host, port: port, configuration: configuration)
    }

    /// A client over an existing transport.
    package init(transport: HTTP2Client) {
        self.transport = transport
    }

    /// Calls `method`; throws `RPCError` with the peer's code and message, or UNAVAILABLE,
    /// DEADLINE_EXCEEDED, CANCELLED for what happened on the way.
    package func call<Request, Response>(
        _ method: Method<Request, Response>, _ request: Request, deadline: Duration? = nil, metadata: Metadata = Metadata()
    ) async throws(RPCError) -> Response {
        let body: Data
        do {
            body = try JSONCodec.encode(request)
        } catch {
            throw RPCError(.invalidArgument, "the request could not be encoded")
        }
        let reply = try await callRaw(path: method.path, json: body, deadline: deadline, metadata: metadata)
        do {
            return try JSONCodec.decode(Response.self, from: reply)
        } catch let error as DecodingError {
            throw RPCError(.internal, "the response of \(method.info.name) could not be read: \(JSONCodec.describe(error))")
        } catch {
            throw RPCError(.internal, "the response of \(method.info.name) could not be read")
        }
    }

    /// Calls `path` with a JSON message already encoded (hand-overs replayed from the outbox).
    package func callRaw(path: String, json: Data, deadline: Duration? = nil, metadata: Metadata = Metadata()) async throws(RPCError) -> Data {
        var headers = HTTPFields()
        headers.add("content-type", "application/grpc+json")
        headers.add("te", "trailers")
        if let deadline { headers.add("grpc-timeout", GRPCFraming.formatTimeout(deadline)) }
        for field in metadata { headers.add(field.name, field.value) }
        let request = HTTPRequest(head: HTTPRequestHead(method: "POST", path: path, headers: headers, version: .http2), body: GRPCFraming.frame(json))
        let response: HTTPClientResponse
        do {
            response = try await transport.send(request, timeout: deadline)
        } catch let error as HTTPClientError {
            throw Self.map(error, path: path)
        } catch {
            throw RPCError(.unknown, "\(path): \(error)")
        }
        return try Self.readReply(response, path: path)
    }

    static func readReply(_ response: HTTPClientResponse, path: String) throws(RPCError) -> Data {
        guard response.status == 200 else {
            throw RPCError(code(forHTTPStatus: response.status), "\(path): HTTP status \(response.status)")
        }
        // Trailers-Only responses carry the status in the headers.
        let statusValue = response.trailers["grpc-status"] ?? response.headers["grpc-status"]
        guard let statusValue, let raw = Int(statusValue) else {
            throw RPCError(.internal, "\(path): response without grpc-status")
        }
        let code = RPCCode(rawValue: raw) ?? .unknown
        guard code == .ok else {
            let message = response.trailers["grpc-message"] ?? response.headers["grpc-message"] ?? ""
            throw RPCError(code, GRPCFraming.percentDecode(message))
        }
        return try GRPCFraming.unframe(response.body)
    }

    /// gRPC's mapping of HTTP statuses seen without grpc-status.
    static func code(forHTTPStatus status: Int) -> RPCCode {
        switch status {
        case 400: .internal
        case 401: .unauthenticated
        case 403: .permissionDenied
        case 404: .unimplemented
        case 429, 502, 503, 504: .unavailable
        default: .unknown
        }
    }

    static func map(_ error: HTTPClientError, path: String) -> RPCError {
        switch error {
        case .connectFailed(let reason): RPCError(.unavailable, "\(path): \(reason)")
        case .connectionLost: RPCError(.unavailable, "\(path): connection lost before the reply")
        case .streamReset(let code):
            code == 7
                ? RPCError(.unavailable, "\(path): refused by the server (going away)")
                : RPCError(.unavailable, "\(path): stream reset (HTTP/2 error \(code))")
        case .timedOut: RPCError(.deadlineExceeded, "\(path): deadline exceeded")
        case .responseTooLarge(let limit): RPCError(.resourceExhausted, "\(path): response larger than \(limit) bytes")
        case .cancelled: RPCError(.cancelled, "\(path): cancelled")
        }
    }
}
