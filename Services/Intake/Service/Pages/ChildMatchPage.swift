import Contract
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// A possible match of two cases' children (issue 17, item 7): the particulars of both children
/// side by side, for the Partnership Support Team to say whether they are one child, and the
/// decisions made. Confirmed, the later case is merged into the earlier (`ResolveChildMatch`).
enum ChildMatchPage {
    /// Where a case's possible matches are: `/child-matches/<reference>`.
    static let prefix = "/child-matches/"

    /// The page of `intakeCase`'s matches; `others` holds each other case that could be read.
    static func body(
        _ form: FormContext, intakeCase: IntakeCase, others: [CaseReference: IntakeCase], session: WebSession, dashboard: String?
    ) -> String {
        let reference = HTML.escape(intakeCase.reference.description)
        var html = FormContext.errorSummary(form.errors)
        if let into = intakeCase.mergedInto {
            let target = HTML.escape(into.description)
            html += "<p>Case <strong>\(reference)</strong> was merged into <a href=\"\(prefix)\(target)\">\(target)</a>"
            html += intakeCase.mergedOn.map { " on \($0)" } ?? ""
            html += ": its forms are in that case's file, where the work goes on.</p>\n"
        }
        let flagged = intakeCase.childMatches.filter { $0.state == .flagged }
        if flagged.isEmpty && intakeCase.mergedInto == nil {
            html += "<p>Case <strong>\(reference)</strong> has no possible match waiting for a decision.</p>\n"
        }
        for match in flagged {
            let other = HTML.escape(match.otherCase.description)
            html += "<h2>Case \(reference) and case \(other)</h2>\n"
            html += comparison(intakeCase, others[match.otherCase])
            html += "<form method=\"post\" action=\"\(prefix)\(reference)\" novalidate>\n"
            html += FormContext.csrf(session) + FormContext.idempotencyKey() + FormContext.hidden("otherCase", match.otherCase.description)
            html += form.radios(
                "sameChild", legend: "Are the children of case \(intakeCase.reference) and case \(match.otherCase) the same child?",
                hint: "Same child: the later case is merged into the earlier one, unless its own work has begun. Two children: the cases stay apart.",
                options: [("yes", "Yes, the same child"), ("no", "No, two different children")])
            html += "<div class=\"buttons\">" + FormContext.button("Record the decision", value: "decide") + "</div>\n</form>\n"
        }
        let decided = intakeCase.childMatches.filter { $0.state != .flagged }
        if !decided.isEmpty {
            html += "<h2>Decisions made</h2>\n<table><thead><tr><th scope=\"col\">The other case</th><th scope=\"col\">Decision</th>"
            html += "<th scope=\"col\">By</th><th scope=\"col\">On</th></tr></thead><tbody>\n"
            for match in decided {
                let words = match.state == .confirmed ? "The same child" : "Two different children"
                html += "<tr><td>\(HTML.escape(match.otherCase.description))</td><td>\(words)</td>"
                html += "<td>\(HTML.escape(match.decidedBy ?? ""))</td><td>\(match.decidedOn?.description ?? "")</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html + IntakePages.caseLinks(intakeCase.reference.description, dashboard: dashboard)
    }

    /// What the decision is made from: each child as its case's forms give them.
    private static func comparison(_ one: IntakeCase, _ other: IntakeCase?) -> String {
        func cells(_ intakeCase: IntakeCase?, _ row: (IntakeCase) -> String) -> String {
            "<td>\(HTML.escape(intakeCase.map(row) ?? "Could not be read"))</td>"
        }
        let rows: [(String, (IntakeCase) -> String)] = [
            ("Name", { $0.childName }),
            ("Also known as", { ($0.child?.alsoKnownAs ?? []).joined(separator: ", ") }),
            ("Date of birth", { $0.child?.dateOfBirth?.description ?? "Not given" }),
            ("Address", { $0.child?.addressHistory.last.map { "\($0.address) \($0.postcode ?? "")" } ?? "" }),
            ("Date of the incident", { $0.incident?.date.description ?? "" }),
            ("Where", { $0.incident?.location ?? "" }),
            ("First form received", { $0.anchor.description }),
        ]
        var html = "<table><thead><tr><th scope=\"col\">Particular</th>"
        html += "<th scope=\"col\">Case \(HTML.escape(one.reference.description))</th>"
        html += "<th scope=\"col\">Case \(HTML.escape(other?.reference.description ?? ""))</th></tr></thead><tbody>\n"
        for (label, row) in rows { html += "<tr><th scope=\"row\">\(label)</th>\(cells(one, row))\(cells(other, row))</tr>\n" }
        return html + "</tbody></table>\n"
    }

    /// A refusal of `ResolveChildMatch` beside the radios (or at the top when it is about the
    /// cases, not the choice).
    static func fieldErrors(_ error: RPCError) -> [FieldError] { [FieldError(field: "sameChild", message: error.message)] }
}
