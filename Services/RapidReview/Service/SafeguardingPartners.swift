import Contract
import Foundation
import ServiceKit
import WebForms

/// The partnership's safeguarding partners by name (R1, §4.6.1): its local authority, police
/// force and health partner (the ICB, formerly the CCG). A meeting is quorate when each is
/// represented by someone from that organisation, whatever `partnerKind` a participant
/// declares: an NHS trust's nurse is health, but not the ICB.
struct SafeguardingPartners: Sendable, Equatable {
    /// The names each partner is known by.
    var names: [PartnerKind: [String]]

    /// The partners of `partnership` when none are configured: Surrey's own, else names made
    /// from the partnership's name ("<Name> County Council", "<Name> Police", "<Name> ICB"...),
    /// which is what a fictional partnership on one machine calls its partners.
    static func defaults(for partnership: String) -> SafeguardingPartners {
        if partnership.uppercased() == "SURREY" {
            return SafeguardingPartners(names: [
                .localAuthority: ["Surrey County Council", "Surrey County Council Children's Services", "Surrey Children's Services"],
                .police: ["Surrey Police"],
                .health: ["NHS Surrey Heartlands ICB", "Surrey Heartlands Integrated Care Board", "Surrey ICB", "NHS Frimley ICB"],
            ])
        }
        let name = partnership.prefix(1).uppercased() + partnership.dropFirst().lowercased()
        return SafeguardingPartners(names: [
            .localAuthority: [
                "\(name) County Council", "\(name) Council", "\(name) Children's Services", "\(name) County Council Children's Services",
            ],
            .police: ["\(name) Police", "\(name) Constabulary"],
            .health: ["\(name) ICB", "\(name) Integrated Care Board", "NHS \(name) ICB"],
        ])
    }

    /// The partners represented among `agencies` (compared without regard to case or spacing;
    /// for health, an ICB's name and its former CCG's are the same partner).
    func represented(by agencies: [String]) -> Set<PartnerKind> {
        let present = Set(agencies.map(Self.key))
        var found = Set<PartnerKind>()
        for (kind, names) in names where names.flatMap({ kind == .health ? Self.healthNames($0) : [Self.key($0)] }).contains(where: present.contains)
        {
            found.insert(kind)
        }
        return found
    }

    /// `name`'s key with its ICB and CCG forms (RULES.md: both names of the health partner).
    static func healthNames(_ name: String) -> [String] {
        let key = Self.key(name)
        let pairs = [(" icb", " ccg"), ("integrated care board", "clinical commissioning group")]
        var forms = [key]
        for (icb, ccg) in pairs {
            if key.contains(icb) { forms.append(key.replacingOccurrences(of: icb, with: ccg)) }
            if key.contains(ccg) { forms.append(key.replacingOccurrences(of: ccg, with: icb)) }
        }
        return forms
    }

    static func key(_ name: String) -> String { AgencyKey.of(name) }

    /// Reads `kind = name` entries, one a line or separated by `;`; `#` starts a comment. Kinds:
    /// `localAuthority` (or `la`), `police`, `health` (or `icb`, `ccg`). Every partner needs a name.
    static func parse(_ text: String, variable: String) throws(ConfigurationError) -> SafeguardingPartners {
        var names: [PartnerKind: [String]] = [:]
        for raw in text.split(whereSeparator: { $0 == "\n" || $0 == ";" }) {
            let entry = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            guard !entry.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[1].isEmpty else {
                throw ConfigurationError(variable: variable, problem: "\"\(entry)\" is not kind = name")
            }
            let kind: PartnerKind
            switch parts[0].lowercased() {
            case "localauthority", "la", "local-authority": kind = .localAuthority
            case "police": kind = .police
            case "health", "icb", "ccg": kind = .health
            default: throw ConfigurationError(variable: variable, problem: "\"\(parts[0])\" is not localAuthority, police or health (icb, ccg)")
            }
            names[kind, default: []].append(parts[1])
        }
        for kind in PartnerKind.safeguardingPartners where names[kind, default: []].isEmpty {
            throw ConfigurationError(variable: variable, problem: "names no \(kind.rawValue) partner; R1 needs all three")
        }
        return SafeguardingPartners(names: names)
    }
}
