/// Helpers that keep decoding errors in the shape the RPC layer turns into field paths:
/// a `DecodingError.dataCorrupted` at the field, whose description says what was expected.
enum ContractDecoding {
    /// Decodes a string and converts it, or fails at this field with `expected`.
    static func string<T>(_ decoder: any Decoder, expected: @autoclosure () -> String, _ convert: (String) -> T?) throws -> T {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        // The text of what was expected is made only when it is needed: every enum value of
        // every message is decoded through here.
        guard let value = convert(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: expected())
        }
        return value
    }
}
