import Contract
import Foundation
import ServiceKit
import WorkingDays

/// `GET /cases/<reference>`: one case, its deadlines, and its timeline.
enum CasePage {
    static func render(_ overview: GatewayAPI.CaseOverview, state: ViewAsOf, cacheSeconds: Int, pages: [String: String] = [:]) -> String {
        let reference = overview.reference.description
        var body = "<nav><p><a href=\"/\">← All cases</a></p></nav>\n"
        body += "<p>Stage: <b>\(HTML.escape(Labels.stage(overview.stage)))</b> · "
        body += HTML.element("span", Labels.urgency(overview.urgency), ["class": "badge state-\(overview.urgency.rawValue)"])
        body += " · reported by " + HTML.escape(overview.reportedBy.joined(separator: ", ")) + "</p>\n"
        if let step = overview.nextStep { body += "<p>Next step: <b>\(HTML.escape(Labels.event(step)))</b></p>\n" }
        body += StageLinks.render(overview, pages: pages)
        body += deadlines(overview.deadlines)
        body += timeline(overview, today: state.today)
        return PageLayout.page(
            title: "\(reference) — CSPR", heading: "Case \(reference)", state: state, cacheSeconds: cacheSeconds, body: body)
    }

    static func deadlines(_ deadlines: [GatewayAPI.TrackedDeadline]) -> String {
        var html = "<h2>Deadlines</h2>\n<table class=\"deadlines\">\n<thead><tr><th>Rule</th><th>Due</th><th>Window opens</th>"
        html += "<th>State</th><th>Met on</th><th>Working days left</th><th>Reported by</th></tr></thead>\n<tbody>\n"
        if deadlines.isEmpty { html += "<tr><td colspan=\"7\">No deadlines reported.</td></tr>\n" }
        for deadline in deadlines {
            html += "<tr><td>\(Labels.rule(deadline.rule, deadline.ruleSet))</td>"
            var due = deadline.due.description
            if let original = deadline.originalDue { due += " (extended from \(original))" }
            html += HTML.element("td", due, ["class": "number"])
            html += HTML.element("td", deadline.earliest?.description ?? "—", ["class": "number"])
            html += "<td>" + HTML.element("span", Labels.status(deadline.status), ["class": "badge state-\(deadline.status.rawValue)"]) + "</td>"
            html += HTML.element("td", deadline.metOn?.description ?? "—", ["class": "number"])
            html += HTML.element("td", Labels.workingDaysLeft(deadline.workingDaysLeft), ["class": "number"])
            html += HTML.element("td", deadline.reportedBy)
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    /// One entry of the timeline.
    struct Entry {
        var date: CivilDate
        /// Milestones first on a date, then deadlines, then today.
        var rank: Int
        var html: String
        var kind: String
    }

    static func timeline(_ overview: GatewayAPI.CaseOverview, today: CivilDate) -> String {
        var entries: [Entry] = overview.milestones.map { milestone in
            Entry(date: milestone.date, rank: 0, html: HTML.escape(Labels.event(milestone.event)), kind: "milestone")
        }
        for deadline in overview.deadlines {
            var text = "\(Labels.rule(deadline.rule, deadline.ruleSet)) due"
            if let earliest = deadline.earliest { text += HTML.escape(" (window from \(earliest))") }
            text += " " + HTML.element("span", Labels.status(deadline.status), ["class": "badge state-\(deadline.status.rawValue)"])
            if let metOn = deadline.metOn { text += HTML.escape(" met on \(metOn)") }
            entries.append(Entry(date: deadline.due, rank: 1, html: text, kind: "deadline deadline-\(deadline.status.rawValue)"))
        }
        entries.append(Entry(date: today, rank: 2, html: "Today", kind: "today"))
        let ordered = entries.enumerated().sorted { ($0.element.date, $0.element.rank, $0.offset) < ($1.element.date, $1.element.rank, $1.offset) }
        var html = "<h2>Timeline</h2>\n<ol class=\"timeline\">\n"
        for (_, entry) in ordered {
            html += "<li class=\"\(entry.kind)\"><time datetime=\"\(entry.date)\">\(entry.date)</time> \(entry.html)</li>\n"
        }
        html += "</ol>\n"
        return html
    }
}
