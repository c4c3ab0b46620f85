import Foundation

/// An HTML form's post (`application/x-www-form-urlencoded`), field by field. A name given
/// twice keeps its last value; the order of first appearance is kept for the buttons.
package struct FormData: Sendable, Equatable {
    /// The fields, by name.
    package private(set) var values: [String: String]

    /// Parses a form body; malformed percent-escapes are kept as typed.
    package init(_ body: Data) {
        self.init(query: String(decoding: body, as: UTF8.self))
    }

    /// Parses `a=1&b=2` (a body or a URL's query).
    package init(query: String) {
        var values: [String: String] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = Self.decode(parts[0])
            guard !name.isEmpty else { continue }
            values[name] = parts.count > 1 ? Self.decode(parts[1]) : ""
        }
        self.values = values
    }

    /// The most fields a posted form may have: the largest form (a referral at every list's
    /// limit: 20 family members of 10 addresses each, 100 key events, 50 agencies) has under
    /// 3,000, and parsing a body of a million one-letter fields would hold every other page.
    package static let maxFields = 5000

    /// The number of fields in a form body, counted without parsing it.
    package static func fieldCount(_ body: Data) -> Int {
        guard !body.isEmpty else { return 0 }
        return body.reduce(1) { $1 == UInt8(ascii: "&") ? $0 + 1 : $0 }
    }

    /// Fields from a dictionary, for tests and for drafts read back.
    package init(values: [String: String]) { self.values = values }

    /// The value of `name`, or "" when absent.
    package subscript(name: String) -> String { values[name] ?? "" }

    /// The value of `name` trimmed, or nil when absent or blank.
    package func text(_ name: String) -> String? {
        let trimmed = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return trimmed.isEmpty ? nil : trimmed
    }

    /// `+` is a space, then percent-decoding; text that does not decode is kept as it came.
    static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// `text` encoded for a form body or a query.
    package static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
