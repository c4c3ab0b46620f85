/// An enum sent on the wire as its string raw value. Decoding an unknown value fails at the
/// field with the values expected (`stage: expected one of intake, rapidReview, ...`), the
/// shape the RPC layer turns into an INVALID_ARGUMENT naming the field path.
package protocol WireEnum: RawRepresentable, CaseIterable, Codable, Sendable where RawValue == String {
    /// What a decoding failure says was expected; by default every raw value, in order
    /// (`expected a or b` for two, `expected one of a, b, c` for more).
    static var expectedValues: String { get }
    /// The case a wire value reads as; by default the raw value, exactly.
    static func fromWire(_ text: String) -> Self?
}

extension WireEnum {
    package static var expectedValues: String {
        let values = allCases.map(\.rawValue)
        return values.count == 2 ? "expected \(values[0]) or \(values[1])" : "expected one of " + values.joined(separator: ", ")
    }

    package static func fromWire(_ text: String) -> Self? { Self(rawValue: text) }

    package init(from decoder: any Decoder) throws {
        self = try ContractDecoding.string(decoder, expected: Self.expectedValues) { Self.fromWire($0) }
    }
}
