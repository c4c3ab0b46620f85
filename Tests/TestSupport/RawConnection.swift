import Foundation
import H2

#if canImport(Glibc)
    import Glibc
#endif

/// A plain blocking TCP connection to a loopback port, for tests that must send exactly the
/// bytes a misbehaving or simple client would.
package final class RawConnection {
    private let fd: Int32
    /// Bytes received past the last response read.
    private var pending: [UInt8] = []

    /// Connects to 127.0.0.1:`port`, from `source` when given (any 127.x.y.z works on Linux,
    /// so one test can be several clients); reads give up after `readTimeout`.
    package init(port: Int, readTimeout: Duration = .seconds(5), from source: String? = nil) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw RawConnectionError.failed("socket") }
        if let source {
            var local = sockaddr_in()
            local.sin_family = sa_family_t(AF_INET)
            local.sin_addr.s_addr = inet_addr(source)
            let bound = withUnsafePointer(to: &local) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0 else {
                close(fd)
                throw RawConnectionError.failed("bind to \(source)")
            }
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        // Not closed here: every stored property is set, so the deinit runs when this throws and
        // closes it; a second close could take a number SQLite had reused meanwhile (item 17).
        guard rc == 0 else { throw RawConnectionError.failed("connect to \(port)") }
        let millis = readTimeout.components.seconds * 1000 + readTimeout.components.attoseconds / 1_000_000_000_000_000
        var timeout = timeval(tv_sec: Int(millis / 1000), tv_usec: Int((millis % 1000) * 1000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
    }

    deinit { if fd >= 0 { Descriptor.close(fd) } }

    /// Sends all of `bytes`; false when the peer has closed.
    @discardableResult
    package func send(_ bytes: [UInt8]) -> Bool {
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if n <= 0 { return false }
            sent += n
        }
        return true
    }

    /// Sends a string's UTF-8 bytes.
    @discardableResult
    package func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Reads until the peer closes, `count` bytes arrived, or the read timeout passes.
    /// `closed` tells whether the peer closed the connection.
    package func read(atLeast count: Int = Int.max) -> (bytes: [UInt8], closed: Bool) {
        var received = pending
        pending = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while received.count < count {
            let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n == 0 { return (received, true) }
            if n < 0 {
                if errno == ECONNRESET { return (received, true) }
                return (received, false)
            }
            received.append(contentsOf: buffer[0..<n])
        }
        return (received, false)
    }

    /// Reads one HTTP/1.1 response with a Content-Length body; nil if the connection closed or
    /// timed out first.
    package func readHTTP1Response() -> (status: Int, headers: [String: String], body: String)? {
        guard let (status, headers, rest) = readHead() else { return nil }
        var body = rest
        let length = Int(headers["content-length"] ?? "0") ?? 0
        while body.count < length {
            guard let more = receive() else { return nil }
            body.append(contentsOf: more)
        }
        pending = Array(body[length...])
        return (status, headers, String(decoding: body[0..<length], as: UTF8.self))
    }

    /// Reads one response head only (a HEAD response announces a length but has no body).
    package func readHTTP1ResponseHead() -> (status: Int, headers: [String: String])? {
        guard let (status, headers, rest) = readHead() else { return nil }
        pending = rest
        return (status, headers)
    }

    /// Reads until a response head is complete; returns it and the bytes received after it. nil
    /// if the connection closed or timed out first, or the status line is not one.
    private func readHead() -> (status: Int, headers: [String: String], rest: [UInt8])? {
        var received = pending
        pending = []
        while true {
            if let end = find(received, Array("\r\n\r\n".utf8)) {
                let head = String(decoding: received[0..<end], as: UTF8.self)
                var lines = head.components(separatedBy: "\r\n")
                let statusLine = lines.removeFirst().split(separator: " ")
                guard statusLine.count >= 2, let status = Int(statusLine[1]) else { return nil }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return (status, headers, Array(received[(end + 4)...]))
            }
            guard let more = receive() else { return nil }
            received.append(contentsOf: more)
        }
    }

    /// One `recv`: the bytes it got, or nil when the peer closed or the read timed out.
    private func receive() -> [UInt8]? {
        var buffer = [UInt8](repeating: 0, count: 65536)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? Array(buffer[0..<n]) : nil
    }

    private func find(_ haystack: [UInt8], _ needle: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
        return nil
    }
}

/// Failures of `RawConnection`.
package enum RawConnectionError: Error {
    case failed(String)
}
