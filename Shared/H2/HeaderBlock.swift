import CNGHTTP2

#if canImport(Glibc)
    import Glibc
#endif

/// Builds the `nghttp2_nv` array nghttp2's submit calls take. nghttp2 copies names and values
/// during the call (NGHTTP2_NV_FLAG_NONE), so the storage only has to outlive `body`.
func withHeaderBlock<R>(_ pairs: [(String, String)], _ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
    var bytes: [UInt8] = []
    var spans: [(name: Range<Int>, value: Range<Int>)] = []
    spans.reserveCapacity(pairs.count)
    for (name, value) in pairs {
        let nameStart = bytes.count
        bytes.append(contentsOf: name.utf8)
        let valueStart = bytes.count
        bytes.append(contentsOf: value.utf8)
        spans.append((nameStart..<valueStart, valueStart..<bytes.count))
    }
    bytes.append(0)  // never empty, so baseAddress is never nil
    return bytes.withUnsafeMutableBufferPointer { buffer in
        let base = buffer.baseAddress!  // non-empty buffer: always has a base address
        var nva = spans.map { span in
            nghttp2_nv(
                name: base + span.name.lowerBound, value: base + span.value.lowerBound,
                namelen: span.name.count, valuelen: span.value.count, flags: UInt8(NGHTTP2_NV_FLAG_NONE.rawValue))
        }
        let count = nva.count
        if nva.isEmpty { nva.append(nghttp2_nv()) }  // a valid pointer even for no fields
        return nva.withUnsafeMutableBufferPointer { nvBuffer in
            body(UnsafePointer(nvBuffer.baseAddress!), count)  // non-empty: has a base address
        }
    }
}

/// A header name or value from nghttp2's callback bytes.
func headerString(_ pointer: UnsafePointer<UInt8>?, _ length: Int) -> String {
    guard let pointer, length > 0 else { return "" }
    return String(decoding: UnsafeBufferPointer(start: pointer, count: length), as: UTF8.self)
}

extension nghttp2_frame {
    var frameType: UInt32 { UInt32(hd.type) }
    var hasEndStream: Bool { hd.flags & UInt8(NGHTTP2_FLAG_END_STREAM.rawValue) != 0 }
}

/// A header block built in storage kept from one response to the next, so a loop-confined
/// session submits its responses without allocating (the profile showed the arrays of
/// `withHeaderBlock` on every response and every trailer block).
struct ReusableHeaderBlock {
    private var bytes: [UInt8] = []
    private var spans: [(nameStart: Int, nameCount: Int, valueStart: Int, valueCount: Int, flags: UInt8)] = []
    private var fields: [nghttp2_nv] = []

    /// Starts a new block.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        spans.removeAll(keepingCapacity: true)
    }

    /// Adds a field. One whose value differs on every message (a request id) is sent
    /// `neverIndexed`: put into the HPACK dynamic table, it would only push out the fields that
    /// repeat and cost a table insertion and eviction each time.
    mutating func add(_ name: String, _ value: String, neverIndexed: Bool = false) {
        let nameStart = bytes.count
        bytes.append(contentsOf: name.utf8)
        let valueStart = bytes.count
        bytes.append(contentsOf: value.utf8)
        let flags = neverIndexed ? NGHTTP2_NV_FLAG_NO_INDEX.rawValue : NGHTTP2_NV_FLAG_NONE.rawValue
        spans.append((nameStart, valueStart - nameStart, valueStart, bytes.count - valueStart, UInt8(flags)))
    }

    /// Calls `body` with the block as nghttp2 takes it; nghttp2 copies what it keeps.
    mutating func withFields<R>(_ body: (UnsafePointer<nghttp2_nv>, Int) -> R) -> R {
        // Taken out while in use so the closures below touch no other part of `self`.
        var nva = fields
        fields = []
        defer {
            nva.removeAll(keepingCapacity: true)
            fields = nva
        }
        let spans = spans
        bytes.append(0)  // never empty, so there is always a base address
        return bytes.withUnsafeMutableBufferPointer { buffer -> R in
            let base = buffer.baseAddress!  // non-empty buffer: always has a base address
            for span in spans {
                nva.append(
                    nghttp2_nv(
                        name: base + span.nameStart, value: base + span.valueStart, namelen: span.nameCount, valuelen: span.valueCount,
                        flags: span.flags))
            }
            let count = nva.count
            if nva.isEmpty { nva.append(nghttp2_nv()) }  // a valid pointer even for no fields
            return nva.withUnsafeBufferPointer { fields in body(fields.baseAddress!, count) }  // non-empty: has a base address
        }
    }
}

/// True when `text`'s UTF-8 is exactly `bytes`.
func utf8Equals(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var text = text
    return text.withUTF8 { utf8 in
        guard utf8.count == bytes.count else { return false }
        guard let left = utf8.baseAddress, let right = bytes.baseAddress else { return true }  // both empty
        return memcmp(left, right, bytes.count) == 0
    }
}
