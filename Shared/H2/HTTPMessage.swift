import Foundation

/// The HTTP version a request arrived on; responses go back on the same one.
package enum HTTPVersion: Sendable, Equatable {
    case http1_1
    case http2
}

/// An ordered list of header fields with lower-cased names, as HTTP/2 carries them.
package struct HTTPFields: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields in the order they were received or added.
    package private(set) var fields: [(name: String, value: String)]

    /// An empty list.
    package init() { fields = [] }

    /// An empty list with room for `capacity` fields, for a request still being received.
    init(reservingCapacity capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }

    /// A list from name/value pairs; names are lower-cased.
    package init(_ pairs: [(String, String)]) {
        fields = pairs.map { (name: $0.0.asciiLowercased, value: $0.1) }
    }

    package init(dictionaryLiteral elements: (String, String)...) { self.init(elements) }

    /// The first value of `name` (case-insensitive), if any.
    package subscript(name: String) -> String? {
        let lower = name.asciiLowercased
        return fields.first { $0.name == lower }?.value
    }

    /// Appends a field, lower-casing its name.
    package mutating func add(_ name: String, _ value: String) {
        fields.append((name: name.asciiLowercased, value: value))
    }

    /// Appends a field whose name is known to be lower-case already (HTTP/2 guarantees it).
    mutating func appendLowercased(_ name: String, _ value: String) {
        fields.append((name: name, value: value))
    }

    /// Replaces every field named `name` with one of `value`.
    package mutating func set(_ name: String, _ value: String) {
        let lower = name.asciiLowercased
        fields.removeAll { $0.name == lower }
        fields.append((name: lower, value: value))
    }

    /// Number of fields.
    package var count: Int { fields.count }
    /// True when there are no fields.
    package var isEmpty: Bool { fields.isEmpty }

    package func makeIterator() -> IndexingIterator<[(name: String, value: String)]> { fields.makeIterator() }

    package static func == (lhs: HTTPFields, rhs: HTTPFields) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// What the transport knows of a request before its body: method, path, headers, version.
package struct HTTPRequestHead: Sendable {
    /// `GET`, `POST`, ...
    package var method: String
    /// The path with any query string, e.g. `/cspr.intake.v1.Intake/SubmitReferral`.
    package var path: String
    /// `:authority` or `Host`.
    package var authority: String?
    /// The remaining header fields (HTTP/2 pseudo-headers excluded).
    package var headers: HTTPFields
    /// The protocol the request arrived on.
    package var version: HTTPVersion

    package init(method: String, path: String, authority: String? = nil, headers: HTTPFields = HTTPFields(), version: HTTPVersion) {
        self.method = method
        self.path = path
        self.authority = authority
        self.headers = headers
        self.version = version
    }
}

/// A complete request: head and body.
package struct HTTPRequest: Sendable {
    /// Method, path, headers.
    package var head: HTTPRequestHead
    /// The whole body (bounded by the server's message-size limit).
    package var body: Data
    /// True when `HTTPHandler.admit` refused the body: `body` is empty and the handler answers
    /// with its refusal.
    package var bodyRefused: Bool
    /// The address the connection came from (`127.0.0.1`, `2001:db8:0:0:0:0:0:1`), set by the
    /// server; nil when unknown. The layer above counts refusals per source with it.
    package var client: String?

    package init(head: HTTPRequestHead, body: Data = Data(), bodyRefused: Bool = false, client: String? = nil) {
        self.head = head
        self.body = body
        self.bodyRefused = bodyRefused
        self.client = client
    }
}

/// A complete response. With no body and no trailers an HTTP/2 response is one HEADERS frame
/// with END_STREAM, which is what gRPC calls Trailers-Only.
package struct HTTPResponse: Sendable {
    /// HTTP status code.
    package var status: Int
    /// Response header fields (no pseudo-headers).
    package var headers: HTTPFields
    /// The body, streamed out through nghttp2's data provider.
    package var body: Data
    /// Trailer fields sent after the body (HTTP/2 only; HTTP/1.1 drops them).
    package var trailers: HTTPFields?

    package init(status: Int, headers: HTTPFields = HTTPFields(), body: Data = Data(), trailers: HTTPFields? = nil) {
        self.status = status
        self.headers = headers
        self.body = body
        self.trailers = trailers
    }
}

/// Answers requests. The transport calls it off the event loop and returns the result to the
/// connection's loop itself.
package protocol HTTPHandler: Sendable {
    /// Answers a complete request. Cancellation means the client went away or reset the stream.
    func handle(_ request: HTTPRequest) async -> HTTPResponse

    /// The answer when a request body exceeds the server's message-size limit. Called on the
    /// loop thread, so it must be quick and must not block.
    func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse

    /// Decides from the head alone, before any body byte is kept, whether to read the body
    /// (and whether the request proves a trusted caller). Called on the loop thread: quick,
    /// never blocking. By default every request is read and trusted, so a connection counts as
    /// trusted once it has sent one.
    func admit(_ head: HTTPRequestHead) -> RequestAdmission

    /// The answer when the server already holds `ServerConfiguration.maxBufferedBodyBytes` of
    /// request bodies. Called on the loop thread.
    func bodiesOverBudget(_ head: HTTPRequestHead) -> HTTPResponse
}

extension HTTPHandler {
    package func admit(_ head: HTTPRequestHead) -> RequestAdmission { .accept(trusted: true) }

    package func bodiesOverBudget(_ head: HTTPRequestHead) -> HTTPResponse {
        HTTPResponse(
            status: 503, headers: ["content-type": "text/plain"], body: Data("the server holds too many request bodies; retry shortly\n".utf8))
    }

    package func bodyTooLarge(_ head: HTTPRequestHead, limit: Int) -> HTTPResponse {
        HTTPResponse(status: 413, headers: ["content-type": "text/plain"], body: Data("request body exceeds \(limit) bytes\n".utf8))
    }
}

extension String {
    /// The string with ASCII letters lower-cased; itself (no copy) when it has none upper-case,
    /// which is always so for HTTP/2 field names.
    package var asciiLowercased: String {
        utf8.contains(where: { $0 >= 65 && $0 <= 90 }) ? lowercased() : self
    }
}
