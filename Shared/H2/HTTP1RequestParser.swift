/// The outcome of parsing an HTTP/1.1 request head from the start of a buffer.
enum HTTP1ParseResult: Equatable {
    /// The head is not complete yet.
    case needMore
    /// A complete head of `headLength` bytes, and the body length it announces.
    case head(HTTP1Head, headLength: Int)
    /// A malformed or refused head: answer with `status` and close.
    case reject(status: Int, reason: String)
}

/// A parsed HTTP/1.1 request head.
struct HTTP1Head: Equatable {
    var method: String
    var target: String
    var minorVersion: Int
    var headers: [(name: String, value: String)]
    var contentLength: Int
    var keepAlive: Bool
    var expectsContinue: Bool
    var host: String?

    static func == (lhs: HTTP1Head, rhs: HTTP1Head) -> Bool {
        lhs.method == rhs.method && lhs.target == rhs.target && lhs.minorVersion == rhs.minorVersion
            && lhs.contentLength == rhs.contentLength && lhs.keepAlive == rhs.keepAlive
            && lhs.headers.elementsEqual(rhs.headers) { $0.name == $1.name && $0.value == $1.value }
    }
}

/// A strict, small HTTP/1.1 request-head parser (RFC 9112): request line, header fields,
/// Content-Length bodies. Chunked request bodies are refused with 411, which RFC 9112 permits.
/// What RFC 9112 says a server must refuse is 400 and closes the connection: an HTTP/1.1
/// request without exactly one `Host` (§3.2), NUL, bare CR or bare LF in a field (§2.2, §5.1),
/// and `Content-Length` together with `Transfer-Encoding` (§6.1, a smuggling shape).
enum HTTP1RequestParser {
    static func parse(_ buffer: UnsafeRawBufferPointer, maxHeaderBytes: Int) -> HTTP1ParseResult {
        guard let end = findHeadEnd(buffer) else {
            if buffer.count > maxHeaderBytes { return .reject(status: 431, reason: "request header fields too large") }
            return .needMore
        }
        if end > maxHeaderBytes { return .reject(status: 431, reason: "request header fields too large") }
        let text = String(decoding: UnsafeRawBufferPointer(rebasing: buffer[0..<end]), as: UTF8.self)
        var lines = text.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard !lines.isEmpty else { return .reject(status: 400, reason: "empty request") }
        let requestLine = lines.removeFirst().split(separator: " ", omittingEmptySubsequences: false)
        guard requestLine.count == 3, !requestLine[0].isEmpty, requestLine[0].allSatisfy({ $0.isLetter && $0.isUppercase }),
            let target = RequestTarget(requestLine[1])
        else { return .reject(status: 400, reason: "malformed request line") }
        let minor: Int
        switch requestLine[2] {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default: return .reject(status: 505, reason: "HTTP version not supported")
        }
        var head = HTTP1Head(
            method: String(requestLine[0]), target: target.path, minorVersion: minor, headers: [],
            contentLength: 0, keepAlive: minor == 1, expectsContinue: false, host: nil)
        var sawLength = false
        var sawTransferEncoding = false
        var hostFields = 0
        for line in lines where !line.isEmpty {
            // A bare CR or LF would end the field for some other parser on the path and not
            // for us; NUL is never allowed. Either is a smuggling shape: refuse.
            if line.utf8.contains(where: { $0 == 0 || $0 == 13 || $0 == 10 }) {
                return .reject(status: 400, reason: "NUL, bare CR or bare LF in a header field")
            }
            guard let colon = line.firstIndex(of: ":"), colon != line.startIndex,
                !line[line.startIndex..<colon].contains(where: { $0 == " " || $0 == "\t" })
            else { return .reject(status: 400, reason: "malformed header field") }
            let name = line[line.startIndex..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingSpaces()
            switch name {
            case "content-length":
                guard !value.isEmpty, value.count <= 15, value.allSatisfy({ $0.isASCII && $0.isNumber }), let length = Int(value),
                    !sawLength || length == head.contentLength
                else {
                    return .reject(status: 400, reason: "invalid content-length")
                }
                sawLength = true
                head.contentLength = length
            case "transfer-encoding":
                sawTransferEncoding = true
            case "connection":
                let tokens = value.lowercased().split(separator: ",").map { $0.trimmingSpaces() }
                if tokens.contains("close") { head.keepAlive = false }
                if tokens.contains("keep-alive") { head.keepAlive = true }
            case "expect":
                head.expectsContinue = value.lowercased() == "100-continue"
            case "host":
                hostFields += 1
                head.host = value
            default:
                break
            }
            head.headers.append((name: name, value: value))
        }
        if sawTransferEncoding {
            if sawLength { return .reject(status: 400, reason: "both content-length and transfer-encoding") }
            return .reject(status: 411, reason: "chunked request bodies are not accepted; send content-length")
        }
        if hostFields > 1 { return .reject(status: 400, reason: "more than one host header field") }
        if minor == 1 && hostFields == 0 { return .reject(status: 400, reason: "an HTTP/1.1 request needs a host header field") }
        // The absolute form names the host itself, and wins over the Host field (§3.2.2).
        if let authority = target.authority { head.host = authority }
        return .head(head, headLength: end + 4)
    }

    /// Index of the `\r\n\r\n` that ends the head.
    private static func findHeadEnd(_ buffer: UnsafeRawBufferPointer) -> Int? {
        guard buffer.count >= 4 else { return nil }
        var i = 0
        while i <= buffer.count - 4 {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }
}

/// A request target in origin form (`/path?query`), asterisk form (`*`) or absolute form
/// (`http://host:port/path?query`), which RFC 9112 §3.2.2 says a server must accept.
struct RequestTarget {
    /// The path and query, as origin form has it.
    var path: String
    /// The host and port of the absolute form.
    var authority: String?

    init?(_ text: Substring) {
        if text.first == "/" || text == "*" {
            path = String(text)
            return
        }
        let lower = text.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("http://") {
            schemeLength = 7
        } else if lower.hasPrefix("https://") {
            schemeLength = 8
        } else {
            return nil
        }
        let rest = text.dropFirst(schemeLength)
        let pathStart = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        let authority = rest[rest.startIndex..<pathStart]
        guard !authority.isEmpty, !authority.contains("@") else { return nil }
        let remainder = rest[pathStart...]
        path = remainder.isEmpty ? "/" : remainder.first == "?" ? "/" + remainder : String(remainder)
        self.authority = String(authority)
    }
}

extension StringProtocol {
    func trimmingSpaces() -> String {
        var slice = Substring(self)
        while let first = slice.first, first == " " || first == "\t" { slice.removeFirst() }
        while let last = slice.last, last == " " || last == "\t" { slice.removeLast() }
        return String(slice)
    }
}

/// Reason phrases for the status lines we send.
enum HTTPReason {
    static func phrase(_ status: Int) -> String {
        switch status {
        case 100: "Continue"
        case 200: "OK"
        case 204: "No Content"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 411: "Length Required"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case 429: "Too Many Requests"
        case 431: "Request Header Fields Too Large"
        case 499: "Client Closed Request"
        case 500: "Internal Server Error"
        case 501: "Not Implemented"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        case 505: "HTTP Version Not Supported"
        default: "Status \(status)"
        }
    }
}
