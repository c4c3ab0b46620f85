import CNGHTTP2

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
