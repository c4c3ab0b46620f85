import WebForms

/// Appendix 2's repeating groups on the form: how many of each the draft holds, and adding or
/// removing one without scripts (each is a submit button). Counts live in the draft's fields
/// under `count.<group>`, so the draft is one flat set of fields.
enum ReferralGroup: String, CaseIterable, Sendable {
    /// §1.1: the child's home address and earlier addresses.
    case addresses = "referral.child.person.addressHistory"
    /// §1.2: family members and significant others.
    case familyMembers = "referral.familyMembers"
    /// §1.3: other agencies known to be involved.
    case agencies = "referral.agenciesInvolved"
    /// §2: key events around the time of the incident.
    case keyEvents = "referral.keyEvents"

    /// The item's name in its legend and buttons: "family member".
    var itemName: String {
        switch self {
        case .addresses: "address"
        case .familyMembers: "family member"
        case .agencies: "agency"
        case .keyEvents: "key event"
        }
    }

    /// How many a new draft starts with: the child's home address; the others are added.
    var initialCount: Int { self == .addresses ? 1 : 0 }

    /// The most the form offers (a bound on what a post can make the server render).
    static let maximum = 30

    /// The name whose id the group's Add another button carries (the place to return to).
    var addButton: String { "\(rawValue)-add" }

    /// The field prefix of item `index`: `referral.familyMembers[1]`.
    func item(_ index: Int) -> String { "\(rawValue)[\(index)]" }

    /// The number of items in `values`.
    func count(_ values: FormData) -> Int {
        min(Self.maximum, max(0, Int(values["count.\(rawValue)"]) ?? initialCount))
    }

    /// `values` with one more, empty, item.
    func adding(to values: FormData) -> FormData {
        var fields = values.values
        fields["count.\(rawValue)"] = String(min(Self.maximum, count(values) + 1))
        return FormData(values: fields)
    }

    /// `values` without item `index`: the later items move up one, keeping what was typed.
    func removing(_ index: Int, from values: FormData) -> FormData {
        let total = count(values)
        guard index >= 0, index < total else { return values }
        var fields = values.values.filter { !$0.key.hasPrefix(item(index) + ".") }
        for later in (index + 1)..<max(total, index + 1) {
            for (key, value) in fields where key.hasPrefix(item(later) + ".") {
                fields.removeValue(forKey: key)
                fields[item(later - 1) + key.dropFirst(item(later).count)] = value
            }
        }
        fields["count.\(rawValue)"] = String(total - 1)
        return FormData(values: fields)
    }

    /// The group and index a button's value names: `remove:referral.familyMembers:1`.
    static func removal(_ action: String) -> (ReferralGroup, Int)? {
        let parts = action.split(separator: ":")
        guard parts.count == 3, parts[0] == "remove", let group = ReferralGroup(rawValue: String(parts[1])), let index = Int(parts[2]) else {
            return nil
        }
        return (group, index)
    }
}
