#if canImport(Glibc)
    import Glibc
#endif

/// The address a connection came from (IPv4 or IPv6, without the port), for the per-address
/// connection limit and the count of refused calls per source.
struct ClientAddress: Hashable, Sendable, CustomStringConvertible {
    private var high: UInt64
    private var low: UInt64
    /// An IPv6 address that is not an IPv4 one mapped (`::1` is not `0.0.0.1`).
    private var isIPv6 = false

    /// The address in `storage`, or nil for a family that is neither IPv4 nor IPv6.
    init?(_ storage: sockaddr_storage) {
        var storage = storage
        switch Int32(storage.ss_family) {
        case AF_INET:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in.self) }
            high = 0
            low = UInt64(UInt32(bigEndian: address.sin_addr.s_addr))
        case AF_INET6:
            let address = withUnsafeBytes(of: &storage) { $0.load(as: sockaddr_in6.self) }
            let bytes = withUnsafeBytes(of: address.sin6_addr) { Array($0) }
            high = bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) }
            low = bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) }
            // An IPv4-mapped IPv6 address counts as the IPv4 address it maps.
            if high == 0 && low >> 32 == 0xffff {
                low &= 0xffff_ffff
            } else {
                isIPv6 = true
            }
        default:
            return nil
        }
    }

    /// Dotted IPv4, or IPv6 as eight hexadecimal groups (not shortened).
    var description: String {
        if !isIPv6 {
            return (0..<4).map { String((low >> (24 - 8 * $0)) & 0xff) }.joined(separator: ".")
        }
        let groups = (0..<4).map { (high >> (48 - 16 * $0)) & 0xffff } + (0..<4).map { (low >> (48 - 16 * $0)) & 0xffff }
        return groups.map { String($0, radix: 16) }.joined(separator: ":")
    }
}
