/// Which safeguarding partner an agency belongs to, if any. The health partner is the ICB
/// (formerly the CCG): both names are accepted on input and written as `health` (RULES.md).
package enum PartnerKind: String, Sendable, CaseIterable, Codable {
    case localAuthority
    case police
    case health
    /// Any other agency: schools, probation, voluntary sector, housing...
    case other

    package init(from decoder: any Decoder) throws {
        self = try ContractDecoding.string(decoder, expected: "expected one of localAuthority, police, health (or icb, ccg), other") {
            PartnerKind(wire: $0)
        }
    }

    /// Reads a wire value, accepting `icb` and `ccg` for health.
    package init?(wire: String) {
        switch wire {
        case "icb", "ccg", "ICB", "CCG": self = .health
        default:
            guard let kind = PartnerKind(rawValue: wire) else { return nil }
            self = kind
        }
    }

    /// The three statutory safeguarding partners (R1 quorum).
    package static let safeguardingPartners: [PartnerKind] = [.localAuthority, .police, .health]
}
