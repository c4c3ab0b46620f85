extension String {
    /// True when only white space: a required answer left empty.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }

    /// Without leading and trailing white space.
    var trimmed: String {
        let characters = Substring(self).drop(while: \.isWhitespace)
        return String(characters.reversed().drop(while: \.isWhitespace).reversed())
    }

    /// The name as compared with another agency's: trimmed, case folded.
    var agencyKey: String { trimmed.lowercased() }
}

extension Optional where Wrapped == String {
    /// True when absent or only white space.
    var isBlank: Bool { self?.isBlank ?? true }
}
