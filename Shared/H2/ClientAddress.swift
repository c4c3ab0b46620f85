#if canImport(Glibc)
    import Glibc
#endif

/// The address a connection came from (IPv4 or IPv6, without the port), for the per-address
/// connection limit.
struct ClientAddress: Hashable, Sendable {
    private var high: UInt64
    private var low: UInt64

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
            }
        default:
            return nil
        }
    }
}
