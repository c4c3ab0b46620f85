import Contract

/// The yearly report as CSV (RFC 4180): one table after another, each under a line with its
/// name, a blank line between. A field starting with `=`, `+`, `-` or `@` is prefixed with `'`
/// so a spreadsheet does not read it as a formula.
enum YearlyReportCSV {
    static func text(_ report: PublicationAPI.YearlyReport) -> String {
        var tables: [[[String]]] = []
        tables.append(
            [["timescales"], ["rule", "met", "late", "outsideWindow", "open", "extended", "total"]]
                + report.timescales.map { [$0.rule.rawValue] + [$0.met, $0.late, $0.outsideWindow, $0.open, $0.extended, $0.total].map(String.init) })
        tables.append(
            [["publications"], ["caseReference", "document", "publishedOn", "address", "t9", "t10", "extended"]]
                + report.publications.map {
                    [
                        $0.caseReference.description, $0.document.rawValue, $0.publishedOn.description, $0.address, $0.t9?.rawValue ?? "",
                        $0.t10?.rawValue ?? "", String($0.extended),
                    ]
                })
        tables.append(
            [["recommendations"], ["caseReference", "number", "text", "owner", "scope", "dueBy", "items", "closedItems"]]
                + report.recommendations.map {
                    [
                        $0.caseReference.description, String($0.recommendation.number), $0.recommendation.text, $0.recommendation.owner,
                        $0.recommendation.scope.rawValue, $0.recommendation.dueBy.description, String($0.items), String($0.closedItems),
                    ]
                })
        tables.append(
            [
                ["actionItems"],
                [
                    "caseReference", "number", "source", "recommendationNumber", "agreedAction", "ownerAgency", "leadOfficer", "targetDate", "status",
                    "timeliness", "latestRag", "evidence", "judgedOn", "judgedBy",
                ],
            ]
                + report.actionItems.map {
                    [
                        $0.caseReference.description, String($0.item.number), $0.item.source.rawValue,
                        $0.item.recommendationNumber.map(String.init) ?? "",
                        $0.item.agreedAction, $0.item.ownerAgency, $0.item.leadOfficer, $0.item.targetDate.description, $0.item.status.rawValue,
                        $0.timeliness.rawValue, $0.item.progress.last?.rag.rawValue ?? "", $0.item.closure?.evidence ?? "",
                        $0.item.closure?.judgedOn.description ?? "", $0.item.closure?.judgedBy ?? "",
                    ]
                })
        tables.append([["sources"], ["stage", "statuses", "pages"]] + report.sources.map { [$0.stage, String($0.statuses), String($0.pages)] })
        return tables.map { table in table.map { $0.map(field).joined(separator: ",") + "\r\n" }.joined() }.joined(separator: "\r\n")
    }

    /// One field, quoted when it must be, never read as a formula.
    static func field(_ value: String) -> String {
        var text = value
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
