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
        defer { close(fd) }
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
