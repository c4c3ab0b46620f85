import Foundation
import RPC

#if canImport(Glibc)
    import Glibc
#endif

/// The bearer tokens of DESIGN.md (Security): one `<token> <principal> <role>[,<role>...]` per
/// line, `#` comments, in a file readable by its owner only (mode 0600, refused otherwise).
/// An agency's token ends its line with `agency=<the agency's name>` (spaces allowed): it then
/// speaks for that agency only (`AgencyScope`). Lines without it read as before.
package struct TokensFile: Sendable {
    private struct Entry: Sendable {
        let token: [UInt8]
        let principal: Principal
    }

    private let entries: [Entry]

    /// The principals it knows (for logs at start: names and roles, never tokens).
    package var principals: [Principal] { entries.map(\.principal) }

    /// Tokens from text, for tests; `source` names the file in errors.
    package init(text: String, source: String = "tokens file") throws(ConfigurationError) {
        var entries: [Entry] = []
        // Each token's line: two principals sharing a token would both be whichever came last.
        var lineOfToken: [String: Int] = [:]
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            if fields.isEmpty { continue }
            var agency: String?
            if fields.count > 3, fields[3].hasPrefix(Self.agencyField) {
                let name = fields[3...].joined(separator: " ").dropFirst(Self.agencyField.count)
                guard !name.isEmpty else {
                    throw ConfigurationError(variable: "\(source) line \(index + 1)", problem: "\(Self.agencyField) names no agency")
                }
                agency = String(name)
                fields.removeSubrange(3...)
            }
            guard fields.count == 3 else {
                throw ConfigurationError(
                    variable: "\(source) line \(index + 1)", problem: "expected \"<token> <principal> <role>[,<role>...] [agency=<name>]\"")
            }
            guard fields[0].count >= 16 else {
                throw ConfigurationError(variable: "\(source) line \(index + 1)", problem: "the token is shorter than 16 characters")
            }
            if let first = lineOfToken[String(fields[0])] {
                throw ConfigurationError(
                    variable: "\(source) lines \(first) and \(index + 1)", problem: "the same token is on both lines; each principal needs its own")
            }
            lineOfToken[String(fields[0])] = index + 1
            let roles = Set(fields[2].split(separator: ",").map(String.init))
            entries.append(Entry(token: Array(fields[0].utf8), principal: Principal(name: String(fields[1]), roles: roles, agency: agency)))
        }
        self.entries = entries
    }

    /// The field that names the agency a token speaks for.
    package static let agencyField = "agency="

    /// Reads the file at `url`, refusing it unless only its owner can read it.
    package static func load(_ url: URL) throws(ConfigurationError) -> TokensFile {
        var info = stat()
        guard stat(url.path, &info) == 0 else {
            throw ConfigurationError(variable: "CSPR_TOKENS_FILE", problem: "cannot read \(url.path): \(String(cString: strerror(errno)))")
        }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw ConfigurationError(
                variable: "CSPR_TOKENS_FILE",
                problem: "\(url.path) has mode \(String(mode, radix: 8)); it must be readable by its owner only (chmod 600 \(url.path))")
        }
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw ConfigurationError(variable: "CSPR_TOKENS_FILE", problem: "cannot read \(url.path) as UTF-8 text")
        }
        return try TokensFile(text: text, source: url.path)
    }

    /// The token of `principal` holding `role`: a service finds its own token for the calls it
    /// makes to its peers (its line names it, e.g. `<token> intake service`).
    package func token(ofPrincipal principal: String, role: String) -> String? {
        entries.first { $0.principal.name == principal && $0.principal.roles.contains(role) }
            .map { String(decoding: $0.token, as: UTF8.self) }
    }

    /// The principal holding `token`. Every entry is compared in full, in constant time, so
    /// the time taken says nothing about which token, or how much of one, matched.
    package func principal(for token: String) -> Principal? {
        let presented = Array(token.utf8)
        var found: Principal?
        for entry in entries {
            if Self.constantTimeEqual(entry.token, presented) { found = entry.principal }
        }
        return found
    }

    /// True when `a` and `b` are the same bytes, in time that depends on their lengths only.
    /// The lengths are compared in full (folded into 8 bits, a token followed by 256 NUL bytes
    /// would match it; issue 17, item 10).
    static func constantTimeEqual(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var difference = a.count ^ b.count
        let length = max(a.count, b.count)
        for i in 0..<length {
            let x = i < a.count ? a[i] : 0
            let y = i < b.count ? b[i] : 0
            difference |= Int(x ^ y)
        }
        return difference == 0
    }
}
