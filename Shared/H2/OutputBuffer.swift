/// Bytes waiting for the socket to accept them. Written to directly when empty, so the common
/// case copies nothing.
struct OutputBuffer {
    private var storage: [UInt8] = []
    private var start = 0

    /// Bytes not yet written.
    var count: Int { storage.count - start }
    var isEmpty: Bool { start == storage.count }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        if start > 0 && start == storage.count {
            storage.removeAll(keepingCapacity: true)
            start = 0
        }
        storage.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { append($0) }
    }

    /// Writes as much as the socket takes. Returns false when the socket failed.
    mutating func drain(to fd: Int32) -> Bool {
        while start < storage.count {
            let outcome = storage.withUnsafeBytes { raw in
                Socket.write(fd, UnsafeRawBufferPointer(rebasing: raw[start...]))
            }
            switch outcome {
            case .wrote(let n): start += n
            case .wouldBlock: return true
            case .failed: return false
            }
        }
        storage.removeAll(keepingCapacity: storage.capacity <= 256 * 1024)
        start = 0
        return true
    }
}
