import Foundation

/// The JSON codec of every call: lowerCamelCase keys as declared, instants as RFC 3339 UTC,
/// and decoding errors turned into messages that name the field path.
package enum JSONCodec {
    // Configured once and shared: both are thread-safe in Foundation, and making them per call
    // showed in profiles. They answer what JSONMessageEncoder and JSONMessageDecoder leave to
    // them: unusual values and every decoding error, whose messages are the contract's.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()
    private static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return decoder
    }()

    /// Encodes a message; keys sorted so output is stable (golden files, logs, idempotency).
    package static func encode<T: Encodable>(_ value: T) throws -> Data {
        if let bytes = JSONMessageEncoder.encode(value) { return Data(bytes) }
        return try encoder.encode(value)
    }

    /// The bytes our own encoder writes, or nil when it leaves the value to Foundation's
    /// `JSONEncoder` (which `encode` then uses). For tests that compare the two.
    package static func encodeWithoutFoundation<T: Encodable>(_ value: T) -> Data? {
        JSONMessageEncoder.encode(value).map { Data($0) }
    }

    /// The value our own decoder reads, or nil when it leaves the bytes to Foundation's
    /// `JSONDecoder` (which `decode` then uses). For tests that compare the two.
    package static func decodeWithoutFoundation<T: Decodable>(_ type: T.Type, from data: Data) -> T? {
        JSONMessageDecoder.decode(type, from: data)
    }

    /// Decodes a request message; any failure is `INVALID_ARGUMENT` naming the field path.
    package static func decodeRequest<T: Decodable>(_ type: T.Type, from data: Data) throws(RPCError) -> T {
        do {
            return try decode(type, from: data)
        } catch let fault as JSONStrictCheck.Fault {
            throw RPCError(.invalidArgument, fault.message)
        } catch let error as DecodingError {
            throw RPCError(.invalidArgument, describe(error))
        } catch {
            throw RPCError(.invalidArgument, "request body is not a valid message")
        }
    }

    /// Decodes without mapping errors.
    package static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        // An empty body is the empty message, as in the Connect protocol.
        let body = data.isEmpty ? Data("{}".utf8) : data
        // Foundation's JSON was a quarter of the CPU of a call. Our decoder reads what it can
        // with the same result; everything else, every error included, is Foundation's.
        if let value = JSONMessageDecoder.decode(type, from: body) { return value }
        // What our decoder passed on may be what Foundation is lenient about (RFC 8259).
        if let fault = body.withUnsafeBytes({ JSONStrictCheck.fault(in: $0.bindMemory(to: UInt8.self)) }) { throw fault }
        return try decoder.decode(type, from: body)
    }

    /// `referral.child.dateOfBirth: expected a date "YYYY-MM-DD"`, and the like.
    package static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])): is required but missing"
        case .valueNotFound(_, let context):
            return "\(path(context.codingPath)): must not be null"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(jsonKind(of: type))"
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return "request body is not valid JSON"
            }
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "request body is not a valid message"
        }
    }

    /// A coding path as `a.b[2].c`.
    package static func path(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue, key.stringValue.hasPrefix("Index") || key.stringValue == String(index) {
                text += "[\(index)]"
            } else {
                text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
        return text.isEmpty ? "(message)" : text
    }

    private static func jsonKind(of type: Any.Type) -> String {
        switch type {
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is Int.Type, is Int64.Type, is Int32.Type, is UInt.Type, is UInt64.Type, is UInt32.Type: return "an integer"
        case is Double.Type, is Float.Type: return "a number"
        case is Date.Type: return "an RFC 3339 instant"
        default:
            let name = String(describing: type)
            if name.hasPrefix("Array") { return "an array" }
            if name.hasPrefix("Dictionary") { return "an object" }
            return "an object"
        }
    }
}
