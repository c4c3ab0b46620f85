import Foundation
import RPC

/// JSON for scripts: indented, keys sorted, instants RFC 3339, as the wire has them.
package enum JSONOutput {
    /// `value` as indented JSON text.
    package static func text<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        guard let data = try? encoder.encode(value) else { return "{}\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// A service's raw JSON answer, indented (as received when it is not JSON).
    package static func text(raw data: Data) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]),
            let pretty = try? JSONSerialization.data(
                withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed])
        else { return String(decoding: data, as: UTF8.self) + "\n" }
        return String(decoding: pretty, as: UTF8.self) + "\n"
    }
}

/// The RPC codec's decoding, with its field-path errors.
enum JSONCodecBridge {
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(RPCError) -> T {
        try JSONCodec.decodeRequest(type, from: data)
    }
}
