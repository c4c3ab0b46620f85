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
            requestLine[1].first == "/" || requestLine[1] == "*"
        else { return .reject(status: 400, reason: "malformed request line") }
        let minor: Int
        switch requestLine[2] {
        case "HTTP/1.1": minor = 1
        case "HTTP/1.0": minor = 0
        default: return .reject(status: 505, reason: "HTTP version not supported")
        }
        var head = HTTP1Head(
            method: String(requestLine[0]), target: String(requestLine[1]), minorVersion: minor, headers: [],
            contentLength: 0, keepAlive: minor == 1, expectsContinue: false, host: nil)
        var sawLength = false
        for line in lines where !line.isEmpty {
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
                return .reject(status: 411, reason: "chunked request bodies are not accepted; send content-length")
            case "connection":
                let tokens = value.lowercased().split(separator: ",").map { $0.trimmingSpaces() }
                if tokens.contains("close") { head.keepAlive = false }
                if tokens.contains("keep-alive") { head.keepAlive = true }
            case "expect":
                head.expectsContinue = value.lowercased() == "100-continue"
            case "host":
                head.host = value
            default:
                break
            }
            head.headers.append((name: name, value: value))
        }
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
