import Contract
import ServiceKit
import WorkingDays

/// How the stages' pages word dates and deadlines, in one place: every stage's case page
/// shows its deadlines the same way.
package enum CaseWords {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ]

    /// A date in words: "24 March 2025".
    package static func long(_ date: CivilDate) -> String {
        "\(date.day) \(months[max(0, min(11, date.month - 1))]) \(date.year)"
    }

    /// Where a deadline stands, in words.
    package static func state(_ status: DeadlineStatus) -> String {
        switch status {
        case .met: "Done in time"
        case .metLate: "Done late"
        case .overdue: "Overdue"
        case .dueSoon: "Due soon"
        default: "Not yet"
        }
    }

    /// A date's three inputs' values (`<name>.day`, `.month`, `.year`), for a form filled in
    /// from what is held; none for no date.
    package static func dateValues(_ name: String, _ date: CivilDate?) -> [String: String] {
        guard let date else { return [:] }
        return ["\(name).day": "\(date.day)", "\(name).month": "\(date.month)", "\(name).year": "\(date.year)"]
    }

    /// The deadlines as a table (timescale and subject, due by, state); `empty` when there are
    /// none. With `extended`, a deadline moved by a recorded extension says from when.
    package static func deadlineTable(_ deadlines: [Deadline], empty: String = "", extended: Bool = false) -> String {
        guard !deadlines.isEmpty else { return empty }
        var html =
            "<table>\n<caption>Deadlines</caption>\n<thead><tr><th scope=\"col\">Timescale</th><th scope=\"col\">Due by</th><th scope=\"col\">State</th></tr></thead><tbody>\n"
        for deadline in deadlines {
            html += "<tr><td>\(HTML.escape(deadline.rule.rawValue))\(deadline.subject.map { ": " + HTML.escape($0) } ?? "")</td>"
            let from = extended ? deadline.originalDue.map { " (extended from \(long($0)))" } ?? "" : ""
            html += "<td>\(HTML.escape(long(deadline.due) + from))</td><td>\(state(deadline.status))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// A stage's cases as a table: each case linked to its page at `casePrefix`, the step it is
    /// at and its next deadline ("T6 by 14 April 2025 (overdue)", or "None").
    package static func stepTable(
        caption: String, casePrefix: String, rows: [(reference: CaseReference, step: String, next: Deadline?, overdue: Bool)]
    ) -> String {
        var html = """
            <table>
            <caption>\(HTML.escape(caption))</caption>
            <thead><tr><th scope="col">Case</th><th scope="col">Step</th><th scope="col">Next deadline</th></tr></thead>
            <tbody>

            """
        for row in rows {
            let reference = HTML.escape(row.reference.description)
            let deadline = row.next.map { "\($0.rule.rawValue) by \(long($0.due))" + (row.overdue ? " (overdue)" : "") } ?? "None"
            html += "<tr><td><a href=\"\(casePrefix)\(reference)\">\(reference)</a></td><td>\(HTML.escape(row.step))</td>"
            html += "<td>\(HTML.escape(deadline))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }
}
