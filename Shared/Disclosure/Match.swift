import Contract

/// One match of a needle in the text, in UTF-16 units (as NSRegularExpression counts), before
/// overlaps are dropped and positions are turned into UTF-8 offsets and lines.
struct Match {
    var start: Int
    var end: Int
    /// The needle's place in the list, so that equal matches are ordered the same every time.
    var order: Int
    var kind: DisclosureAPI.DisclosureKind
    var whose: String

    var length: Int { end - start }

    /// The longest matches first, each kept unless it overlaps one already kept (the earlier
    /// in the text, then the earlier needle, when as long). Kept text is marked in one map of
    /// the text, so each match is checked against its own span only, not against every kept
    /// match (issue 17: that comparison made the check quadratic). Returned in text order.
    static func withoutOverlaps(_ found: [Match], textLength: Int) -> [Match] {
        let longestFirst = found.sorted {
            ($0.length, -$0.start, -$0.order) > ($1.length, -$1.start, -$1.order)
        }
        var taken = [Bool](repeating: false, count: textLength)
        var kept: [Match] = []
        for match in longestFirst where !taken[match.start..<match.end].contains(true) {
            taken.replaceSubrange(match.start..<match.end, with: repeatElement(true, count: match.length))
            kept.append(match)
        }
        return kept.sorted { ($0.start, $0.order) < ($1.start, $1.order) }
    }

    /// The findings of `matches` (disjoint, in text order) with UTF-8 offsets, lengths and
    /// lines, counted in one walk through the text (issue 17: counting from the start for each
    /// finding made the check quadratic). Lines count line feeds, so "\r\n" is one break.
    static func positions(of matches: [Match], in text: String) -> [DisclosureAPI.DisclosureFinding] {
        var units = text.utf16.makeIterator()
        var unit = 0
        var byte = 0
        var line = 1
        // Moves to the UTF-16 offset `target`, counting UTF-8 bytes and line feeds on the way.
        func walk(to target: Int) {
            while unit < target, let next = units.next() {
                unit += 1
                switch next {
                case 10: byte += 1; line += 1
                case ..<0x80: byte += 1
                case ..<0x800: byte += 2
                // A surrogate pair is one scalar of four UTF-8 bytes: all four on the first half.
                case 0xD800...0xDBFF: byte += 4
                case 0xDC00...0xDFFF: break
                default: byte += 3
                }
            }
        }
        return matches.map { match in
            walk(to: match.start)
            let (offset, atLine) = (byte, line)
            walk(to: match.end)
            return DisclosureAPI.DisclosureFinding(kind: match.kind, whose: match.whose, offset: offset, length: byte - offset, line: atLine)
        }
    }
}
