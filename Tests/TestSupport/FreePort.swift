#if canImport(Glibc)
    import Glibc
#endif

/// Ports for test servers that must be known before they start (a peer started later, a
/// restart on the same port). They are taken at random below Linux's ephemeral range
/// (32768-60999), so the client side of other tests' connections never lands on them, and
/// checked free by binding; parallel tests rarely pick the same one.
package enum TestPorts {
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

    /// A free port, or the first of `count` consecutive free ones.
    package static func free(count: Int = 1) -> Int {
        for _ in 0..<200 {
            let base = Int.random(in: 10_000...(30_000 - count))
            if (0..<count).allSatisfy({ isFree(base + $0) }) { return base }
        }
        return Int.random(in: 10_000...30_000)
    }
}
