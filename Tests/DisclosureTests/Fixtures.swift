import Contract
import Disclosure
import WorkingDays

/// The people the scanner tests look for: a child, a mother sharing the child's surname, a
/// grandmother whose name is two ordinary words, and a child with a hyphenated surname.
enum People {
    static func date(_ text: String) -> CivilDate? { CivilDate(text) }

    static let child = Person(
        name: "Zebedee Quillfeather", alsoKnownAs: ["Zeb Q"], dateOfBirth: date("2019-03-01"),
        addressHistory: [AddressEntry(address: "Flat 3, 12 Imaginary Lane, Testtown", postcode: "TE5 7AA")])
    static let mother = Person(name: "Marigold Quillfeather", dateOfBirth: date("1990-07-08"))
    static let grandmother = Person(name: "May Hope")
    static let cousin = Person(name: "Rowan O'Brien-Hale", dateOfBirth: date("2019-09-01"))

    static let family: [(whose: String, person: Person)] = [
        ("child", child), ("mother", mother), ("grandmother", grandmother), ("cousin", cousin),
    ]

    /// Each finding as "line kind whose: the text found", read back from its UTF-8 offset and length.
    static func findings(in text: String, people: [(whose: String, person: Person)] = family) -> [String] {
        let bytes = Array(text.utf8)
        return DisclosureScanner.scan(text, people: people).map { finding in
            let found = bytes[finding.offset..<(finding.offset + finding.length)]
            return "\(finding.line) \(finding.kind.rawValue) \(finding.whose): \(String(decoding: found, as: UTF8.self))"
        }
    }
}
