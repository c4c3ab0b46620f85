import H2
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Ports for test servers that must be known before they start (a peer started later, a
/// restart on the same port). They are taken at random below Linux's ephemeral range
/// (32768-60999), so the client side of other tests' connections never lands on them, and
/// checked free by binding; parallel tests rarely pick the same one.
package enum TestPorts {
    /// Ports already handed out in this process: two tests running at once never get the same
    /// one (a free port stays free until its server binds it, which may be a while).
    private static let handedOut = Mutex<Set<Int>>([])

    /// True when nothing is bound to 127.0.0.1:`port`.
    package static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { Descriptor.close(fd) }
        var one: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A free port, or the first of `count` consecutive free ones, not handed out before.
    package static func free(count: Int = 1) -> Int {
        for _ in 0..<500 {
            let base = Int.random(in: 10_000...(30_000 - count))
            let ports = Set(base..<(base + count))
            let claimed = handedOut.withLock { taken -> Bool in
                guard taken.isDisjoint(with: ports) else { return false }
                taken.formUnion(ports)
                return true
            }
            if claimed && ports.allSatisfy(isFree) { return base }
        }
        return Int.random(in: 10_000...30_000)
    }
}

/// Holds 127.0.0.1:`port` for a server that is down, so that no other process can take the port
/// meanwhile (another test's server answering there would look, to a client, like the peer
/// refusing its calls). Bound without `SO_REUSEADDR` and not listening: every other bind fails,
/// and a connection is refused as if nothing were there. `release()` just before the server
/// starts on the port; dropping it releases too.
package final class PortReservation: Sendable {
    /// The port held.
    package let port: Int
    private let descriptor = Mutex<Int32?>(nil)

    /// Holds `port`, or throws when something is bound to it already.
    package init(port: Int) throws {
        self.port = port
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw PortReservationError(port: port, code: errno) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let code = errno
            Descriptor.close(fd)
            throw PortReservationError(port: port, code: code)
        }
        descriptor.withLock { $0 = fd }
    }

    deinit { release() }

    /// Lets the port go (once; later calls do nothing).
    package func release() {
        let fd = descriptor.withLock { held -> Int32? in
            defer { held = nil }
            return held
        }
        if let fd { Descriptor.close(fd) }
    }
}

/// A port that could not be held.
package struct PortReservationError: Error, CustomStringConvertible {
    let port: Int
    let code: Int32

    /// `port` could not be held, for `code` (an errno).
    package init(port: Int, code: Int32) {
        self.port = port
        self.code = code
    }

    package var description: String { "cannot hold port \(port): \(String(cString: strerror(code)))" }
}
