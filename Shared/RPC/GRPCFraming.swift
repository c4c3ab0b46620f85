import Foundation

/// gRPC's length-prefixed message framing (one message per call here) and its header values.
package enum GRPCFraming {
    /// Prefixes `message` with the 5-byte header: flag 0 (uncompressed), big-endian length.
    package static func frame(_ message: Data) -> Data {
        // Written in place: Data's byte-at-a-time append was 4% of a call in the profile.
        let length = UInt32(message.count)
        var framed = Data(count: message.count + 5)
        framed.withUnsafeMutableBytes { raw in
            raw[0] = 0
            raw[1] = UInt8(length >> 24)
            raw[2] = UInt8((length >> 16) & 0xff)
            raw[3] = UInt8((length >> 8) & 0xff)
            raw[4] = UInt8(length & 0xff)
            message.withUnsafeBytes { source in UnsafeMutableRawBufferPointer(rebasing: raw[5...]).copyMemory(from: source) }
        }
        return framed
    }

    /// Extracts the one message of a unary call's body.
    package static func unframe(_ body: Data) throws(RPCError) -> Data {
        guard body.count >= 5 else {
            throw RPCError(.invalidArgument, "gRPC message truncated: \(body.count) bytes, a 5-byte prefix is required")
        }
        let start = body.startIndex
        let flag = body[start]
        let length = Int(body[start + 1]) << 24 | Int(body[start + 2]) << 16 | Int(body[start + 3]) << 8 | Int(body[start + 4])
        if flag & 1 == 1 {
            throw RPCError(.unimplemented, "compressed gRPC messages are not supported; send grpc-encoding identity")
        }
        guard flag == 0 else { throw RPCError(.invalidArgument, "gRPC message has an unknown flag \(flag)") }
        guard body.count - 5 >= length else {
            throw RPCError(.invalidArgument, "gRPC message truncated: prefix says \(length) bytes, \(body.count - 5) arrived")
        }
        guard body.count - 5 == length else {
            throw RPCError(.invalidArgument, "a unary call carries exactly one gRPC message")
        }
        return body.subdata(in: (start + 5)..<(start + 5 + length))
    }

    /// Parses `grpc-timeout` (`1-8 digits` then H, M, S, m, u or n).
    package static func parseTimeout(_ value: String) -> Duration? {
        guard let unit = value.last, value.count >= 2, value.count <= 9 else { return nil }
        let digits = value.dropLast()
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber), let amount = Int64(digits) else { return nil }
        switch unit {
        case "H": return .seconds(amount * 3600)
        case "M": return .seconds(amount * 60)
        case "S": return .seconds(amount)
        case "m": return .milliseconds(amount)
        case "u": return .microseconds(amount)
        case "n": return .nanoseconds(amount)
        default: return nil
        }
    }

    /// Formats a timeout for `grpc-timeout`, in milliseconds (at least 1).
    package static func formatTimeout(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let millis = max(1, seconds * 1000 + attoseconds / 1_000_000_000_000_000)
        return millis > 99_999_999 ? "\(min(99_999_999, millis / 1000))S" : "\(millis)m"
    }

    /// Percent-encodes `grpc-message` as the gRPC HTTP/2 spec asks.
    package static func percentEncode(_ message: String) -> String {
        var out = ""
        for byte in message.utf8 {
            if byte >= 0x20 && byte <= 0x7e && byte != 0x25 {
                out.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    /// Reverses `percentEncode`; invalid escapes are kept as they are.
    package static func percentDecode(_ value: String) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(value.utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == 0x25, i + 2 < utf8.count, let byte = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                bytes.append(byte)
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
