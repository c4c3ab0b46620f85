import Contract

/// A report version's text as the anonymisation gate checks it: every section with its title,
/// joined in report order, each part remembering where it starts so that a finding in the
/// joined text says which part and where in it (P4). Offsets are UTF-8 bytes, as the stages'
/// `CheckDisclosure` gives them.
struct ReportText: Sendable {
    /// One title or section text within `text`.
    struct Part: Sendable, Equatable {
        /// Its path: `whatHappened`, `whatHappened.title`, `otherSections[0].text`.
        var section: String
        /// Where it starts in `text`, in UTF-8 bytes.
        var start: Int
        /// Where it ends (exclusive).
        var end: Int
        /// The line of `text` it starts on, from 1.
        var firstLine: Int
    }

    /// Between parts: a blank line, so that no name runs from one part into the next.
    static let separator = "\n\n"

    /// The headings of the minimum contents (V9, Appendix 15), as the published report has them.
    static let headings: [(section: String, title: String, text: @Sendable (ReportSections) -> String?)] = [
        ("executiveSummary", "Executive summary", \.executiveSummary),
        ("whatHappened", "What happened", \.whatHappened),
        ("whyDecisionsWereTaken", "Why decisions were taken", \.whyDecisionsWereTaken),
        ("howAgenciesWorkedTogether", "How agencies worked together", \.howAgenciesWorkedTogether),
        ("whetherShortcomingsAreGeneral", "Whether the shortcomings are features of practice in general", \.whetherShortcomingsAreGeneral),
        ("whatMustChange", "What must change", \.whatMustChange),
        ("goodPractice", "Good practice", \.goodPractice),
        ("howAgenciesWillLearn", "How agencies will learn", \.howAgenciesWillLearn),
    ]

    /// The joined text sent to the stages.
    let text: String
    /// Its parts, in order.
    let parts: [Part]

    init(_ sections: ReportSections) {
        var text = ""
        var parts: [Part] = []
        var (offset, line) = (0, 1)
        func add(_ section: String, _ body: String) {
            let bytes = body.utf8.count
            parts.append(Part(section: section, start: offset, end: offset + bytes, firstLine: line))
            text += body + Self.separator
            offset += bytes + Self.separator.utf8.count
            line += body.utf8.count { $0 == UInt8(ascii: "\n") } + 2
        }
        for heading in Self.headings {
            guard let body = heading.text(sections) else { continue }
            add("\(heading.section).title", heading.title)
            add(heading.section, body)
        }
        for (index, section) in sections.otherSections.enumerated() {
            add("otherSections[\(index)].title", section.title)
            add("otherSections[\(index)].text", section.text)
        }
        self.text = text
        self.parts = parts
    }

    /// True when the text has nothing to publish.
    var isEmpty: Bool { parts.allSatisfy { $0.start == $0.end } }

    /// A stage's finding placed in its part: offset and line counted from the part's start.
    func place(_ finding: DisclosureAPI.DisclosureFinding, foundBy: String) -> PublicationAPI.GateFinding {
        let kind = PublicationAPI.GateFindingKind(rawValue: finding.kind.rawValue) ?? .name
        // The last part starting at or before the finding (a finding in a separator belongs
        // to the part before it).
        guard let part = parts.last(where: { $0.start <= finding.offset }) else {
            return PublicationAPI.GateFinding(
                kind: kind, whose: finding.whose, foundBy: foundBy, offset: finding.offset, length: finding.length, line: finding.line)
        }
        return PublicationAPI.GateFinding(
            kind: kind, whose: finding.whose, foundBy: foundBy, section: part.section, offset: finding.offset - part.start, length: finding.length,
            line: finding.line - part.firstLine + 1)
    }

    /// V10: every mention of the genogram, in any case, in any part.
    func genogramFindings(foundBy: String) -> [PublicationAPI.GateFinding] {
        let word = Array("genogram".utf8)
        let bytes = Array(text.utf8)
        var findings: [PublicationAPI.GateFinding] = []
        guard bytes.count >= word.count else { return findings }
        var line = 1
        for index in 0...(bytes.count - word.count) {
            if index > 0, bytes[index - 1] == UInt8(ascii: "\n") { line += 1 }
            // ASCII letters fold by their 0x20 bit; the word has no other bytes.
            guard (0..<word.count).allSatisfy({ bytes[index + $0] | 0x20 == word[$0] }) else { continue }
            let finding = DisclosureAPI.DisclosureFinding(kind: .name, whose: "", offset: index, length: word.count, line: line)
            var placed = place(finding, foundBy: foundBy)
            placed.kind = .genogram
            placed.whose = nil
            findings.append(placed)
        }
        return findings
    }

    /// P4, §10.5.2: the published report names the reviewers; at least the lead reviewer's
    /// name must appear (case and spacing aside). One finding when it does not.
    func reviewerFindings(leadReviewer: String?, foundBy: String) -> [PublicationAPI.GateFinding] {
        let normalised = { (text: String) in text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        if let lead = leadReviewer.map(normalised), !lead.isEmpty, normalised(text).contains(lead) { return [] }
        return [PublicationAPI.GateFinding(kind: .reviewerNotNamed, whose: "lead reviewer", foundBy: foundBy)]
    }
}
