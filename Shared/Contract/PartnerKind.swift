/// Which safeguarding partner an agency belongs to, if any. The health partner is the ICB
/// (formerly the CCG): both names are accepted on input and written as `health` (RULES.md).
package enum PartnerKind: String, WireEnum {
    case localAuthority
    case police
    case health
    /// Any other agency: schools, probation, voluntary sector, housing...
    case other

    /// The text a bad value is refused with, naming the health partner's other names.
    package static let expectedValues = "expected one of localAuthority, police, health (or icb, ccg), other"

    /// Reads a wire value, accepting `icb` and `ccg` for health.
    package static func fromWire(_ text: String) -> PartnerKind? {
        switch text {
        case "icb", "ccg", "ICB", "CCG": .health
        default: PartnerKind(rawValue: text)
        }
    }

    /// The three statutory safeguarding partners (R1 quorum).
    package static let safeguardingPartners: [PartnerKind] = [.localAuthority, .police, .health]
}
