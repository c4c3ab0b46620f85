/// A case's reference: `<PARTNERSHIP>-<year>-<sequence>`, e.g. `SURREY-2025-0007`: the sequence
/// has at least 4 digits, zero-padded to 4, and up to 6 (`SURREY-2025-123456`; issue 17, item 9:
/// 9,999 a year could be used up). One spelling per reference: a sequence longer than 4 digits
/// has no leading zero. Allocated by intake, never reused; the only key other stages and the
/// gateway use.
package struct CaseReference: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The partnership prefix (upper-case letters, digits after the first letter; 2-16 characters).
    package let partnership: String
    /// The year the referral was received.
    package let year: Int
    /// The sequence within the year, from 1 to `maxSequence`.
    package let sequence: Int

    /// The last sequence of a year: six digits.
    package static let maxSequence = 999_999

    /// A reference from its parts; nil when a part is out of range.
    package init?(partnership: String, year: Int, sequence: Int) {
        guard Self.isValidPartnership(partnership), (2000...2999).contains(year), (1...Self.maxSequence).contains(sequence) else { return nil }
        self.partnership = partnership
        self.year = year
        self.sequence = sequence
    }

    /// Parses `SURREY-2025-0007`; nil for anything else.
    package init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[1].count == 4, (4...6).contains(parts[2].count), parts[2].count == 4 || parts[2].first != "0",
            parts[1].allSatisfy(\.isASCII), parts[1].allSatisfy(\.isNumber),
            parts[2].allSatisfy(\.isASCII), parts[2].allSatisfy(\.isNumber),
            let year = Int(parts[1]), let sequence = Int(parts[2])
        else { return nil }
        self.init(partnership: String(parts[0]), year: year, sequence: sequence)
    }

    /// True for a valid partnership prefix.
    package static func isValidPartnership(_ text: String) -> Bool {
        guard (2...16).contains(text.count), let first = text.unicodeScalars.first, ("A"..."Z").contains(first) else { return false }
        return text.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
    }

    package var description: String {
        let paddedSequence = String(repeating: "0", count: max(0, 4 - String(sequence).count)) + String(sequence)
        return "\(partnership)-\(year)-\(paddedSequence)"
    }

    package static func < (lhs: CaseReference, rhs: CaseReference) -> Bool {
        (lhs.partnership, lhs.year, lhs.sequence) < (rhs.partnership, rhs.year, rhs.sequence)
    }

    package init(from decoder: any Decoder) throws {
        self = try ContractDecoding.string(decoder, expected: "expected a case reference like \"SURREY-2025-0007\"") { CaseReference($0) }
    }

    package func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
