import Contract
import Foundation
import WorkingDays

/// Finds, in a report text, the names, aliases, addresses, postcodes and dates of birth of a
/// case's child and family, and the names of practitioners (P4), in the forms people write them: any case, possessive, first
/// or last name alone, dates as "1 March 2019", "1st March 2019", "March 1, 2019", "01/03/2019",
/// "1/3/19" or "2019-03-01", postcodes with or without their space.
package enum DisclosureScanner {
    /// The most dates a checked text may hold.
    package static let maxDates = 200

    /// Why `text` is refused before it is scanned, or nil: a report mentions a few dates; a list of
    /// thousands would find a date of birth by elimination, so a text that looks like such a list
    /// is refused (every stage that answers `CheckDisclosure` asks this first).
    package static func refusalBeforeScan(_ text: String) -> String? {
        let dates = dateLikeTokens(in: text)
        guard dates > maxDates else { return nil }
        return "has \(dates) dates; a report is checked, not a list (at most \(maxDates))"
    }

    /// How many things in `text` look like dates (numeric or with a month's name).
    package static func dateLikeTokens(in text: String) -> Int {
        let pattern =
            "\\b(?:\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{4})\\b"
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return 0 }
        return expression.numberOfMatches(in: text, range: NSRange(location: 0, length: (text as NSString).length))
    }

    /// One thing to look for.
    struct Needle {
        /// What kind of datum it finds.
        var kind: DisclosureAPI.DisclosureKind
        /// Whose datum it is.
        var whose: String
        /// The regular expression.
        var pattern: String
        /// Names are matched as names are written (capitalised or in capitals), so that a
        /// mother called May Hope does not make every "may" and "hope" a finding.
        var caseInsensitive = true
    }

    /// What to look for to find `people`.
    static func needles(for people: [(whose: String, person: Person)]) -> [Needle] {
        var needles: [Needle] = []
        for (whose, person) in people {
            for (kind, name) in [(DisclosureAPI.DisclosureKind.name, person.name)]
                + person.alsoKnownAs.map({ (DisclosureAPI.DisclosureKind.alias, $0) })
            {
                needles += nameNeedles(name, kind: kind, whose: whose)
            }
            for entry in person.addressHistory {
                // Each line of the address with a house and a street ("Flat 3", "12 Imaginary
                // Lane"), however it is spaced; a town alone identifies no one.
                for line in entry.address.split(separator: ",") {
                    let parts = line.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                    if parts.count >= 2 { needles.append(Needle(kind: .address, whose: whose, pattern: words(parts))) }
                }
                if let postcode = entry.postcode {
                    let compact = postcode.uppercased().filter { $0.isLetter || $0.isNumber }
                    if compact.count >= 5 {
                        let outward = NSRegularExpression.escapedPattern(for: String(compact.dropLast(3)))
                        let inward = NSRegularExpression.escapedPattern(for: String(compact.suffix(3)))
                        needles.append(Needle(kind: .postcode, whose: whose, pattern: "\\b\(outward)\\s*\(inward)\\b"))
                    }
                }
            }
            if let born = person.dateOfBirth {
                needles.append(Needle(kind: .dateOfBirth, whose: whose, pattern: datePattern(born)))
            }
        }
        return needles
    }

    /// A name whole, and each part alone (and each half of a hyphenated one): a first name
    /// or a surname is enough to identify a family, or a practitioner.
    static func nameNeedles(_ name: String, kind: DisclosureAPI.DisclosureKind, whose: String) -> [Needle] {
        let parts = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var needles: [Needle] = []
        if parts.count > 1 { needles.append(Needle(kind: kind, whose: whose, pattern: nameForms(parts), caseInsensitive: false)) }
        let single = parts + parts.filter { $0.contains("-") }.flatMap { $0.split(separator: "-").map(String.init) }
        for part in single where part.count >= 2 && part.contains(where: \.isLetter) {
            needles.append(Needle(kind: kind, whose: whose, pattern: nameForms([part]), caseInsensitive: false))
        }
        return needles
    }

    /// Whole words in order, any spacing, an optional possessive after the last; either
    /// apostrophe matches either.
    static func words(_ parts: [String]) -> String {
        let escaped = parts.map {
            NSRegularExpression.escapedPattern(for: $0).replacingOccurrences(of: "['’]", with: "['’]", options: .regularExpression)
        }
        return "(?<![\\p{L}\\p{N}])" + escaped.joined(separator: "\\s+") + "(?:['’]s)?(?![\\p{L}\\p{N}])"
    }

    /// A name as written in the record, capitalised, or in capitals.
    static func nameForms(_ parts: [String]) -> String {
        let forms = [parts, parts.map(\.capitalized), parts.map { $0.uppercased() }]
        var seen = Set<String>()
        let patterns = forms.map(words).filter { seen.insert($0).inserted }
        return "(?:" + patterns.joined(separator: "|") + ")"
    }

    /// The months' names, as dates are written in a report.
    static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// A date of birth in every written form the scanner promises.
    static func datePattern(_ date: CivilDate) -> String {
        let month = months[date.month - 1]
        let short = date.month == 9 ? "Sept?" : String(month.prefix(3))
        let day = "0?\(date.day)(?:st|nd|rd|th)?"
        let monthName = "(?:\(month)|\(short)\\.?)"
        let year = "\(date.year)"
        let twoDigitYear = String(format: "%02d", date.year % 100)
        let numericMonth = "0?\(date.month)"
        let alternatives = [
            "\(day)\\s+(?:of\\s+)?\(monthName),?\\s+\(year)",
            "\(monthName)\\s+\(day),?\\s+\(year)",
            "0?\(date.day)[/.-]\(numericMonth)[/.-](?:\(year)|\(twoDigitYear))",
            "\(year)-\(String(format: "%02d", date.month))-\(String(format: "%02d", date.day))",
        ]
        return "(?<![\\p{L}\\p{N}])(?:" + alternatives.joined(separator: "|") + ")(?![\\p{N}])"
    }

    /// Every finding, in the order they appear; of findings that overlap, the longest is
    /// reported (the first in the text when as long), and the others not.
    /// `practitioners` are looked for by name only (kind `practitionerName`), `whose` being
    /// their part in the review, never the name.
    package static func scan(
        _ text: String, people: [(whose: String, person: Person)], practitioners: [(whose: String, name: String)] = []
    ) -> [DisclosureAPI.DisclosureFinding] {
        let whole = NSRange(location: 0, length: (text as NSString).length)
        let practitionerNeedles = practitioners.flatMap { nameNeedles($0.name, kind: .practitionerName, whose: $0.whose) }
        var found: [Match] = []
        for (order, needle) in (needles(for: people) + practitionerNeedles).enumerated() {
            guard let expression = try? NSRegularExpression(pattern: needle.pattern, options: needle.caseInsensitive ? [.caseInsensitive] : []) else {
                continue
            }
            for match in expression.matches(in: text, range: whole) {
                found.append(Match(start: match.range.location, end: NSMaxRange(match.range), order: order, kind: needle.kind, whose: needle.whose))
            }
        }
        return Match.positions(of: Match.withoutOverlaps(found, textLength: whole.length), in: text)
    }
}
