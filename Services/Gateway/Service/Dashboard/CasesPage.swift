import Contract
import Foundation
import ServiceKit

/// `GET /`: the summary, the filters and a page of the cases by urgency.
enum CasesPage {
    static func render(
        state: ViewAsOf, summary: GatewayAPI.GetSummaryResponse, list: GatewayAPI.ListCasesResponse, query: DashboardQuery, cacheSeconds: Int
    ) -> String {
        var body = summarySection(summary)
        body += notices(query.problems)
        body += filters(query)
        body += table(list.cases, offset: list.offset, matching: list.total, total: summary.totalCases)
        body += pages(query, matching: list.total)
        return PageLayout.page(
            title: "Cases — CSPR", heading: "Child Safeguarding Practice Reviews: every case", state: state, cacheSeconds: cacheSeconds,
            body: body)
    }

    static func summarySection(_ summary: GatewayAPI.GetSummaryResponse) -> String {
        var html = "<section class=\"summary\" aria-label=\"Summary\">\n"
        html += "<div class=\"card\"><h2>Cases</h2><p class=\"figure\">\(summary.totalCases)</p><ul>"
        for count in summary.casesByStage {
            html += "<li><span>\(HTML.escape(Labels.stage(count.stage)))</span><b>\(count.count)</b></li>"
        }
        html += "</ul></div>\n"
        html +=
            "<div class=\"card\"><h2>Cases overdue</h2><p class=\"figure\(summary.overdueCases > 0 ? " red" : "")\">\(summary.overdueCases)</p><ul>"
        if summary.overdueByRule.isEmpty { html += "<li><span>No deadline overdue</span></li>" }
        for count in summary.overdueByRule {
            html += "<li><span>\(Labels.rule(count.rule)) overdue</span><b>\(count.count)</b></li>"
        }
        html += "</ul></div>\n"
        html += "<div class=\"card\"><h2>Rapid Reviews decided within 15 working days (\(Labels.rule(.t6)))</h2><ul>"
        for timeliness in summary.rapidReviewTimeliness {
            let label = timeliness.period == .thisYear ? "This year (\(timeliness.from.year))" : "Last 12 months"
            html += "<li><span>\(HTML.escape(label))</span><b>\(HTML.escape(Labels.share(timeliness)))</b></li>"
        }
        html += "</ul></div>\n</section>\n"
        return html
    }

    static func notices(_ problems: [String]) -> String {
        problems.map { HTML.element("p", $0, ["class": "notice"]) + "\n" }.joined()
    }

    static func filters(_ query: DashboardQuery) -> String {
        var html = "<form class=\"filters\" method=\"get\" action=\"/\">\n<label>Stage<select name=\"stage\"><option value=\"\">Any stage</option>"
        for stage in CaseStage.allCases {
            let selected = query.request.stage == stage ? " selected" : ""
            html += "<option value=\"\(HTML.escape(stage.rawValue))\"\(selected)>\(HTML.escape(Labels.stage(stage)))</option>"
        }
        html += "</select></label>\n"
        let checked = query.request.overdueOnly == true ? " checked" : ""
        html += "<label class=\"inline\"><input type=\"checkbox\" name=\"overdue\" value=\"1\"\(checked)> Overdue only</label>\n"
        let due = query.request.dueWithinWorkingDays.map(String.init) ?? ""
        html += "<label>Next deadline within (working days)<input type=\"number\" name=\"due\" min=\"0\" max=\"\(CaseFilter.maxWorkingDays)\""
        html += " value=\"\(HTML.escape(due))\"></label>\n<button type=\"submit\">Show</button> <a href=\"/\">Clear</a>\n</form>\n"
        return html
    }

    static func table(_ cases: [GatewayAPI.CaseOverview], offset: Int, matching: Int, total: Int) -> String {
        let shown = cases.isEmpty ? "none" : "\(offset + 1)–\(offset + cases.count)"
        var html = "<table class=\"cases\">\n<caption>Cases by urgency, the most urgent first: \(shown) of \(matching) matching"
        html += " (\(total) in all)</caption>\n"
        html += "<thead><tr><th>Case</th><th>Stage</th><th>State</th><th>Next deadline</th><th>Due</th>"
        html += "<th>Working days left</th><th>Reported by</th></tr></thead>\n<tbody>\n"
        if cases.isEmpty { html += "<tr><td colspan=\"7\">No cases match.</td></tr>\n" }
        for overview in cases {
            let reference = overview.reference.description
            html += "<tr class=\"urgency-\(overview.urgency.rawValue)\">"
            html += "<td><a href=\"/cases/\(HTML.escape(reference))\">\(HTML.escape(reference))</a></td>"
            html += "<td>" + HTML.escape(Labels.stage(overview.stage)) + nextStep(overview) + "</td>"
            html += "<td>" + HTML.element("span", Labels.urgency(overview.urgency), ["class": "badge state-\(overview.urgency.rawValue)"]) + "</td>"
            if let next = overview.nextDeadline {
                html += "<td>\(Labels.rule(next.rule, next.ruleSet))</td>"
                html += HTML.element("td", next.due.description, ["class": "number"])
                html += HTML.element("td", Labels.workingDaysLeft(next.workingDaysLeft), ["class": "number"])
            } else {
                html += "<td colspan=\"3\">No deadline open</td>"
            }
            html += HTML.element("td", overview.reportedBy.joined(separator: ", "))
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n"
        return html
    }

    /// The stage's next step under the stage's name, when the stage gives one.
    static func nextStep(_ overview: GatewayAPI.CaseOverview) -> String {
        guard let step = overview.nextStep else { return "" }
        return "<br>" + HTML.element("small", "Next: " + Labels.event(step), ["class": "next-step"])
    }

    /// Links to the previous and next pages, keeping the filters.
    static func pages(_ query: DashboardQuery, matching: Int) -> String {
        let last = max(1, (matching + DashboardQuery.pageSize - 1) / DashboardQuery.pageSize)
        guard last > 1 else { return "" }
        var html = "<nav class=\"pages\" aria-label=\"Pages\"><p>"
        if query.page > 1 { html += "<a href=\"\(HTML.escape(query.link(page: query.page - 1)))\" rel=\"prev\">← Previous</a> " }
        html += "Page \(min(query.page, last)) of \(last)"
        if query.page < last { html += " <a href=\"\(HTML.escape(query.link(page: query.page + 1)))\" rel=\"next\">Next →</a>" }
        html += "</p></nav>\n"
        return html
    }
}
