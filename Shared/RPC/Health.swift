import Foundation

/// `grpc.health.v1.Health/Check` with the standard protobuf messages, encoded by hand: the
/// request is `{string service = 1}`, the response `{ServingStatus status = 1}`.
package enum HealthCheck {
    /// The method's path.
    package static let path = "/grpc.health.v1.Health/Check"

    /// `ServingStatus` values.
    package enum ServingStatus: UInt8, Sendable {
        case unknown = 0
        case serving = 1
        case notServing = 2
        case serviceUnknown = 3
    }

    /// Reads the `service` field of a HealthCheckRequest (empty means the whole server).
    package static func decodeRequest(_ message: Data) throws(RPCError) -> String {
        var bytes = [UInt8](message)
        var service = ""
        var i = 0
        func varint() throws(RPCError) -> Int {
            var value = 0
            var shift = 0
            while i < bytes.count {
                let byte = bytes[i]
                i += 1
                value |= Int(byte & 0x7f) << shift
                if byte & 0x80 == 0 { return value }
                shift += 7
                // Lengths and keys of this message are small; refuse anything near overflow.
                if shift > 28 { break }
            }
            throw RPCError(.invalidArgument, "HealthCheckRequest: malformed varint")
        }
        while i < bytes.count {
            let key = try varint()
            let field = key >> 3
            switch key & 7 {
            case 0: _ = try varint()
            case 2:
                let length = try varint()
                guard length >= 0, length <= bytes.count - i else { throw RPCError(.invalidArgument, "HealthCheckRequest: truncated field") }
                if field == 1 { service = String(decoding: bytes[i..<(i + length)], as: UTF8.self) }
                i += length
            case 1: i = min(bytes.count, i + 8)
            case 5: i = min(bytes.count, i + 4)
            default: throw RPCError(.invalidArgument, "HealthCheckRequest: unsupported wire type")
            }
        }
        bytes.removeAll()
        return service
    }

    /// A HealthCheckResponse with `status`.
    package static func encodeResponse(_ status: ServingStatus) -> Data {
        status == .unknown ? Data() : Data([0x08, status.rawValue])
    }

    /// Reads a HealthCheckResponse (for our own probes and tests).
    package static func decodeResponse(_ message: Data) -> ServingStatus {
        let bytes = [UInt8](message)
        guard bytes.count >= 2, bytes[0] == 0x08 else { return .unknown }
        return ServingStatus(rawValue: bytes[1]) ?? .unknown
    }
}
