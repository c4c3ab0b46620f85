import Contract
import Foundation

/// The Combined Key Events Chronology as RFC 4180 CSV: a header row, CRLF line ends, and a
/// field quoted (its quotes doubled) when it holds a comma, a quote, CR or LF.
enum ChronologyCSV {
    /// The header row's fields.
    static let header = ["date", "time", "agency", "event", "source", "period"]

    /// The CSV of `entries`, in their order.
    static func render(_ entries: [ReviewManagementAPI.CombinedChronologyEntry]) -> String {
        let rows =
            [header]
            + entries.map { item in
                [item.entry.date.description, item.entry.time ?? "", item.agency, item.entry.event, item.entry.source, item.entry.period.rawValue]
            }
        return rows.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined()
    }

    /// One field, quoted when it needs to be.
    static func field(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
