import Contract
import Foundation
import WorkingDays

/// Finds, in a report text, the names, aliases, addresses, postcodes and dates of birth of a
/// case's child and family (P4), in the forms people write them: any case, possessive, first
/// or last name alone, dates as "1 March 2019", "1st March 2019", "March 1, 2019", "01/03/2019",
/// "1/3/19" or "2019-03-01", postcodes with or without their space.
enum DisclosureScanner {
    /// One thing to look for.
    struct Needle {
        var kind: IntakeAPI.DisclosureKind
        var whose: String
        var pattern: String
    }

    static func needles(for people: [(whose: String, person: Person)]) -> [Needle] {
        var needles: [Needle] = []
        for (whose, person) in people {
            for (kind, name) in [(IntakeAPI.DisclosureKind.name, person.name)] + person.alsoKnownAs.map({ (IntakeAPI.DisclosureKind.alias, $0) }) {
                let parts = name.split(whereSeparator: { $0.isWhitespace }).map(String.init)
                if parts.count > 1 { needles.append(Needle(kind: kind, whose: whose, pattern: words(parts))) }
                // Each part alone: a first name or a surname is enough to identify a family.
                for part in parts where part.count >= 3 { needles.append(Needle(kind: kind, whose: whose, pattern: words([part]))) }
            }
            for entry in person.addressHistory {
                // The first line of the address (house and street), however it is spaced.
                if let firstLine = entry.address.split(separator: ",").first {
                    let parts = firstLine.split(whereSeparator: { $0.isWhitespace }).map(String.init)
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

    /// Whole words in order, any spacing, an optional possessive after the last.
    static func words(_ parts: [String]) -> String {
        "(?<![\\p{L}\\p{N}])" + parts.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "\\s+") + "(?:['’]s)?(?![\\p{L}\\p{N}])"
    }

    static func datePattern(_ date: CivilDate) -> String {
        let month = DateWords.months[date.month - 1]
        let short = String(month.prefix(3))
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

    /// Every finding, in the order they appear; overlapping findings of the same kind and
    /// person are reported once (the longest).
    static func scan(_ text: String, people: [(whose: String, person: Person)]) -> [IntakeAPI.DisclosureFinding] {
        let nsText = text as NSString
        var found: [(range: NSRange, kind: IntakeAPI.DisclosureKind, whose: String)] = []
        for needle in needles(for: people) {
            guard let expression = try? NSRegularExpression(pattern: needle.pattern, options: [.caseInsensitive]) else { continue }
            for match in expression.matches(in: text, range: NSRange(location: 0, length: nsText.length)) {
                found.append((match.range, needle.kind, needle.whose))
            }
        }
        // Longest first, then drop anything inside an earlier finding.
        found.sort { $0.range.length != $1.range.length ? $0.range.length > $1.range.length : $0.range.location < $1.range.location }
        var kept: [(range: NSRange, kind: IntakeAPI.DisclosureKind, whose: String)] = []
        for candidate in found where !kept.contains(where: { NSIntersectionRange($0.range, candidate.range).length > 0 }) {
            kept.append(candidate)
        }
        kept.sort { $0.range.location < $1.range.location }
        return kept.map { finding in
            let prefix = nsText.substring(to: finding.range.location)
            let matched = nsText.substring(with: finding.range)
            return IntakeAPI.DisclosureFinding(
                kind: finding.kind, whose: finding.whose, offset: prefix.utf8.count, length: matched.utf8.count,
                line: prefix.reduce(1) { $1 == "\n" ? $0 + 1 : $0 })
        }
    }
}
