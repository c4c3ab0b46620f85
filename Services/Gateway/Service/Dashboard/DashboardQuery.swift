import Contract
import Foundation

/// The dashboard's filters and page from its query string (`?stage=rapidReview&overdue=1&due=5&page=2`),
/// the filters the same as `ListCases`'. A value that makes no sense is dropped and said so on the page.
struct DashboardQuery: Equatable {
    /// Cases on a page.
    static let pageSize = 50
    /// The furthest page a link may ask for (500,000 cases at 50 a page).
    static let maxPage = 10_000

    var request = GatewayAPI.ListCasesRequest()
    /// The page wanted, from 1.
    var page = 1
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
            case "page":
                if let number = Int(trimmed), (1...Self.maxPage).contains(number) {
                    page = number
                } else {
                    problems.append("\"\(trimmed)\" is not a page number: the first page is shown.")
                }
            default:
                continue
            }
        }
    }

    /// The link to `page` with the same filters.
    func link(page: Int) -> String {
        var items: [String] = []
        if let stage = request.stage { items.append("stage=\(stage.rawValue)") }
        if request.overdueOnly == true { items.append("overdue=1") }
        if let days = request.dueWithinWorkingDays { items.append("due=\(days)") }
        items.append("page=\(page)")
        return "/?" + items.joined(separator: "&")
    }

    /// A form field's name or value: `+` is a space, then percent-decoding; nil when malformed.
    static func decode(_ text: Substring) -> String? {
        String(text).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
