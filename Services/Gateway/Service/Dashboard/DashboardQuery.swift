import Contract
import Foundation

/// The dashboard's filters from its query string (`?stage=rapidReview&overdue=1&due=5`), the
/// same as `ListCases`'. A value that makes no sense is dropped and said so on the page.
struct DashboardQuery: Equatable {
    var request = GatewayAPI.ListCasesRequest()
    var problems: [String] = []

    init(_ query: String?) {
        guard let query, !query.isEmpty else { return }
        // Parsed by hand: Foundation's URLComponents traps on some malformed percent-encodings
        // when they are set, and this is untrusted input.
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), let value = Self.decode(parts.count > 1 ? parts[1] : "") else {
                problems.append("A filter could not be read: ignored.")
                continue
            }
            let trimmed = value.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { continue }
            switch name {
            case "stage":
                if let stage = CaseStage(rawValue: trimmed) {
                    request.stage = stage
                } else {
                    problems.append("Unknown stage \"\(trimmed)\": every stage is shown.")
                }
            case "overdue":
                request.overdueOnly = trimmed == "1" || trimmed == "true" || trimmed == "on"
            case "due":
                if let days = Int(trimmed), (0...CaseFilter.maxWorkingDays).contains(days) {
                    request.dueWithinWorkingDays = days
                } else {
                    problems.append("\"\(trimmed)\" is not a number of working days between 0 and \(CaseFilter.maxWorkingDays): ignored.")
                }
            default:
                continue
            }
        }
    }

    /// A form field's name or value: `+` is a space, then percent-decoding; nil when malformed.
    static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
