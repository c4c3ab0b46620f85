extension String {
    /// True when only white space: a required answer left empty.
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped == String {
    /// True when absent or only white space.
    var isBlank: Bool { self?.isBlank ?? true }
}
