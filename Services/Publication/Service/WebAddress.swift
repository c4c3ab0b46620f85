import Foundation

/// The address a report is published at: an http or https URL with a host.
enum WebAddress {
    /// Refuses `value` at `path` unless it is an http or https address.
    static func check(_ value: String, path: String) throws(PublicationError) {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(), ["http", "https"].contains(scheme), url.host != nil else {
            throw .invalidField(path: path, rule: .p5, problem: "\"\(value)\" is not an http or https address")
        }
    }
}
