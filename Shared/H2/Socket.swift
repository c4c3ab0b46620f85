import CNGHTTP2
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A POSIX error from a socket call, with the call's name.
package struct SocketError: Error, CustomStringConvertible, Sendable {
    /// The failing call, e.g. `bind`.
    package let call: String
    /// `errno` at the time.
    package let code: Int32
    package var description: String { "\(call): \(String(cString: strerror(code)))" }
}

/// Thin wrappers over the socket calls the loops use; file descriptors stay plain `Int32`s
/// owned by the connection or listener that opened them.
enum Socket {
    /// Resolves `host:port` to socket addresses (IPv4 and IPv6), numeric first.
    static func resolve(host: String, port: Int) throws -> [ResolvedAddress] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var result: UnsafeMutablePointer<addrinfo>?
        let rc = getaddrinfo(host, String(port), &hints, &result)
        guard rc == 0, let first = result else {
            throw SocketError(call: "getaddrinfo(\(host))", code: rc == EAI_SYSTEM ? errno : EHOSTUNREACH)
        }
        defer { freeaddrinfo(first) }
        var addresses: [ResolvedAddress] = []
        var cursor: UnsafeMutablePointer<addrinfo>? = first
        while let info = cursor {
            if let addr = info.pointee.ai_addr {
                var storage = sockaddr_storage()
                let length = Int(info.pointee.ai_addrlen)
                withUnsafeMutableBytes(of: &storage) { raw in
                    raw.copyMemory(from: UnsafeRawBufferPointer(start: addr, count: length))
                }
                addresses.append(ResolvedAddress(storage: storage, length: info.pointee.ai_addrlen, family: info.pointee.ai_family))
            }
            cursor = info.pointee.ai_next
        }
        return addresses
    }

    /// Opens a non-blocking listening socket bound to `host:port`.
    static func listen(host: String, port: Int, backlog: Int32 = 1024) throws -> (fd: Int32, port: Int) {
        guard let address = try resolve(host: host, port: port).first else {
            throw SocketError(call: "resolve(\(host))", code: EADDRNOTAVAIL)
        }
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var storage = address.storage
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, address.length) }
        }
        guard bound == 0 else {
            let code = errno
            Descriptor.close(fd)
            throw SocketError(call: "bind(\(host):\(port))", code: code)
        }
        guard Glibc.listen(fd, backlog) == 0 else {
            let code = errno
            Descriptor.close(fd)
            throw SocketError(call: "listen", code: code)
        }
        return (fd, localPort(fd))
    }

    /// The local port a socket is bound to.
    static func localPort(_ fd: Int32) -> Int {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        let family = storage.ss_family
        return withUnsafePointer(to: &storage) { pointer -> Int in
            if family == sa_family_t(AF_INET6) {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin6_port)) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { Int(UInt16(bigEndian: $0.pointee.sin_port)) }
        }
    }

    /// Starts a non-blocking connect; the caller waits for writability and checks `connectResult`.
    static func startConnect(to address: ResolvedAddress) throws -> Int32 {
        let fd = socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw SocketError(call: "socket", code: errno) }
        setNoDelay(fd)
        var storage = address.storage
        let rc = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, address.length) }
        }
        if rc != 0 && errno != EINPROGRESS {
            let code = errno
            Descriptor.close(fd)
            throw SocketError(call: "connect", code: code)
        }
        return fd
    }

    /// The outcome of a non-blocking connect once the socket is writable: 0 or an errno.
    static func connectResult(_ fd: Int32) -> Int32 {
        var error: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        if getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0 { return errno }
        return error
    }

    /// Disables Nagle: RPC messages are small and latency matters.
    static func setNoDelay(_ fd: Int32) {
        var one: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    }
}

/// One address from name resolution.
struct ResolvedAddress: Sendable {
    var storage: sockaddr_storage
    var length: socklen_t
    var family: Int32
}

/// Outcome of a non-blocking read.
enum ReadOutcome {
    case bytes(Int)
    case wouldBlock
    case closed
    case failed(Int32)
}

/// Outcome of a non-blocking write.
enum WriteOutcome {
    case wrote(Int)
    case wouldBlock
    case failed(Int32)
}

extension Socket {
    static func read(_ fd: Int32, into buffer: UnsafeMutableRawBufferPointer) -> ReadOutcome {
        while true {
            let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
            if n > 0 { return .bytes(n) }
            if n == 0 { return .closed }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            return .failed(code)
        }
    }

    static func write(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> WriteOutcome {
        guard bytes.count > 0 else { return .wrote(0) }
        while true {
            // MSG_NOSIGNAL: a peer that vanished must not kill the process with SIGPIPE.
            let n = send(fd, bytes.baseAddress, bytes.count, Int32(MSG_NOSIGNAL))
            if n >= 0 { return .wrote(n) }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK { return .wouldBlock }
            return .failed(code)
        }
    }
}
