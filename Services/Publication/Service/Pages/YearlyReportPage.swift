import Contract
import H2
import ServiceKit
import WebForms

/// The yearly report as a printable page (`GET /yearly-report?year=2027`): `GetYearlyReport` run
/// as the call (its roles, its audit entry, its refusals: a year out of range beside the year,
/// a stage that cannot be read named at the top), its tables in a document the A4 print
/// stylesheet prints. No names: cases by reference, agencies and roles only.
struct YearlyReportPage: Sendable {
    static let path = "/yearly-report"
    let handlers: PublicationHandlers

    func page(_ request: PageRequest) async -> HTTPResponse {
        let asked = request.query.text("year")
        let year = asked.map { Int($0) ?? -1 } ?? handlers.clock.today.year
        let form = FormContext(values: FormData(values: ["year": asked ?? "\(year)"]))
        let result = await PageCall.run(
            PublicationAPI.getYearlyReport, .init(year: year), session: request.session, idempotencyKey: nil, database: handlers.context.database,
            logger: handlers.context.logger, handler: handlers.getYearlyReport)
        switch result {
        case .failure(let error):
            let errors = PageForm.fieldErrors(error, dates: [], preconditions: [:])
            let status = error.code == .invalidArgument ? 400 : 503
            return render(request, FormContext(values: form.values, errors: errors), report: nil, status: status)
        case .success(let response):
            return render(request, form, report: response.report)
        }
    }

    private func render(_ request: PageRequest, _ form: FormContext, report: PublicationAPI.YearlyReport?, status: Int = 200) -> HTTPResponse {
        var html = FormContext.errorSummary(form.errors)
        html += "<form method=\"get\" action=\"\(Self.path)\" novalidate>\n"
        html += form.text("year", label: "Year", hint: "For example, 2027", inputmode: "numeric")
        html += "<div class=\"buttons\">" + FormContext.button("Show the year", value: "show") + "</div>\n</form>\n"
        if let report { html += Self.document(report) }
        let title = report.map { "Yearly report \($0.year)" } ?? "Yearly report"
        return request.page(title: title, errors: !form.errors.isEmpty, body: html, status: status)
    }

    /// The report's tables, each a section of the printed document.
    static func document(_ report: PublicationAPI.YearlyReport) -> String {
        var html = "<article class=\"document\">\n<p>Judged on \(HTML.escape(PageForm.long(report.judgedOn))).</p>\n"
        html += PageForm.section(
            "Timescales T1-T10: deadlines due in \(report.year)",
            table(
                ["Timescale", "Met", "Late", "Outside the window", "Open", "Extended", "Total"],
                report.timescales.map {
                    [$0.rule.rawValue, "\($0.met)", "\($0.late)", "\($0.outsideWindow)", "\($0.open)", "\($0.extended)", "\($0.total)"]
                }))
        html += PageForm.section(
            "Published in \(report.year)",
            table(
                ["Case", "Document", "Published", "T9", "T10"],
                report.publications.map {
                    [
                        $0.caseReference.description, $0.document == .report ? "Report" : "Information about improvements",
                        PageForm.long($0.publishedOn),
                        $0.t9?.rawValue ?? "", $0.t10?.rawValue ?? "",
                    ]
                }))
        html += PageForm.section(
            "Recommendations and their items",
            table(
                ["Case", "Recommendation", "Owner", "Items", "Closed"],
                report.recommendations.map {
                    [
                        $0.caseReference.description, "\($0.recommendation.number). \($0.recommendation.text)", $0.recommendation.owner,
                        "\($0.items)", "\($0.closedItems)",
                    ]
                }))
        html += PageForm.section(
            "Action plan items open in \(report.year)",
            table(
                ["Case", "Item", "Agreed action", "Owner", "Target date", "Status", "Target met"],
                report.actionItems.map {
                    [
                        $0.caseReference.description, "\($0.item.number)", $0.item.agreedAction, $0.item.ownerAgency,
                        PageForm.long($0.item.targetDate),
                        $0.item.status.rawValue, $0.timeliness.rawValue,
                    ]
                }))
        html += PageForm.section(
            "Where the figures come from",
            table(["Stage", "Statuses read", "Pages"], report.sources.map { [$0.stage, "\($0.statuses)", "\($0.pages)"] }))
        return html + "</article>\n"
    }

    /// A table with a header row; "None" when empty.
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        guard !rows.isEmpty else { return "<p>None.</p>\n" }
        var html = "<table>\n<thead><tr>" + header.map { "<th scope=\"col\">\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</tbody></table>\n"
    }
}
