/// How agencies and partner organisations are compared: case and spacing do not make a
/// different one (intake's requests and returns, extensions' subjects, the partners of R1).
package enum AgencyKey {
    /// `name` lower-cased, its white space runs made one space, trimmed.
    package static func of(_ name: String) -> String {
        name.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
