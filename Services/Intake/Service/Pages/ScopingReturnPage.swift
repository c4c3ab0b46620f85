import Contract
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// An agency's Initial Scoping and Information Sharing form (Appendix 3, §4.3.4, T3) as a
/// form: an agency's token sees only the cases that asked its agency and records its own
/// agency's return; the partnership's officer records any asked agency's.
enum ScopingReturnPage {
    /// The list, a case's form (`/returns/<reference>`) and the confirmation.
    static let (listPath, prefix, recordedPrefix) = ("/returns", "/returns/", "/returns-recorded/")

    /// The cases open to `scope`: each with the agencies still to return that it may speak for.
    static func list(_ cases: [(CaseReference, [String])]) -> String {
        guard !cases.isEmpty else { return "<p>No case has a scoping request open to you.</p>\n" }
        var html = "<p>The cases whose scoping form (Appendix 3) is asked of you. Return each within 5 working days of the referral (T3).</p>\n"
        html += "<table><thead><tr><th scope=\"col\">Case</th><th scope=\"col\">Still to return</th></tr></thead><tbody>\n"
        for (reference, agencies) in cases {
            let link = "<a href=\"\(prefix)\(HTML.escape(reference.description))\">\(HTML.escape(reference.description))</a>"
            html += "<tr><td>\(link)</td><td>\(HTML.escape(agencies.isEmpty ? "Returned" : agencies.joined(separator: ", ")))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The form for `reference`: `own` is the agency of an agency's token (its name is not
    /// asked); otherwise `outstanding` are the agencies the officer may record for.
    static func body(_ form: FormContext, reference: CaseReference, own: String?, outstanding: [String], session: WebSession) -> String {
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>: the Initial Scoping and Information Sharing form. Record \
            what your agency knows of the child and family; a return after T3 is accepted and marked late.</p>
            <form method="post" action="\(prefix)\(HTML.escape(reference.description))#error-summary" novalidate>
            \(FormContext.csrf(session))\(FormContext.idempotencyKey())
            """
        var agency = ""
        if let own {
            agency += "<p>Returned for <strong>\(HTML.escape(own))</strong>.</p>\n" + FormContext.hidden("scopingReturn.agency.name", own)
        } else {
            agency += form.radios(
                "scopingReturn.agency.name", legend: "Which agency's form is this?", options: outstanding.map { ($0, $0) })
            agency += form.date("scopingReturn.dateReceived", legend: "Date the partnership received it", hint: "T3 is judged against this date.")
        }
        agency += form.text("scopingReturn.completedBy.name", label: "Name of the person completing this form")
        agency += form.text("scopingReturn.completedBy.agencyAndDesignation", label: "Their agency and designation or title")
        agency += form.text("scopingReturn.completedBy.telephone", label: "Telephone (optional)", inputmode: "tel")
        agency += form.text("scopingReturn.completedBy.email", label: "Email address (optional)")
        agency += form.date("scopingReturn.dateCompleted", legend: "Date completed")
        html += section("Contact details of the individual and agency completing this form", agency)
        html += section(
            "Section 1: family composition",
            form.radios(
                "scopingReturn.knownToAgency", legend: "Are the child or the family known to your agency?",
                hint: "If not, this return is your written confirmation that they are not known (Appendix 4).",
                options: [("yes", "Yes"), ("no", "No")])
                + form.text(
                    "scopingReturn.familyDetailAnomalies", label: "Anomalies between the family composition sent and your records (optional)",
                    multiline: true))
        html += section(
            "Section 2: your agency's involvement",
            form.text(
                "scopingReturn.involvementSummary", label: "Summary of your involvement with the child and the family",
                hint: "Key events in date order. Required when the child or family are known to you.", multiline: true)
                + form.text(
                    "scopingReturn.practiceAnalysis", label: "Brief analysis of individual or agency practice (optional)",
                    hint: "Outstanding practice and learning.", multiline: true)
                + form.text(
                    "scopingReturn.partnershipConcerns", label: "Concerns about how partners worked together to safeguard the child (optional)",
                    multiline: true)
                + form.text("scopingReturn.otherAgenciesInvolved", label: "Other agencies you know to be involved (optional)", multiline: true)
                + form.text("scopingReturn.furtherInformation", label: "Anything else for the Rapid Review meeting (optional)", multiline: true)
                + form.date("scopingReturn.recordsSecuredOn", legend: "Date your agency secured its records (if it has)"))
        html += "<div class=\"buttons\">" + FormContext.button("Record the return", value: "record") + "</div>\n</form>\n"
        return html
    }

    /// The return read from its fields (the partnership receives an agency's own post today),
    /// or the errors a form alone can make (dates, the yes or no).
    static func read(_ values: FormData, own: String?, kind: (String) -> PartnerKind, today: CivilDate) -> (ScopingReturn?, [FieldError]) {
        var errors: [FieldError] = []
        let completed = DateInput.read(values, "scopingReturn.dateCompleted", label: "Date completed", required: true, errors: &errors)
        let received =
            own == nil
            ? DateInput.read(values, "scopingReturn.dateReceived", label: "Date the partnership received it", required: true, errors: &errors)
            : today
        let secured = DateInput.read(
            values, "scopingReturn.recordsSecuredOn", label: "Date your agency secured its records", required: false, errors: &errors)
        let known = values["scopingReturn.knownToAgency"]
        if known != "yes" && known != "no" {
            errors.append(FieldError(field: "scopingReturn.knownToAgency", message: "Say whether the child or the family are known to your agency"))
        }
        let agencyName = own ?? values["scopingReturn.agency.name"]
        if agencyName.isEmpty { errors.append(FieldError(field: "scopingReturn.agency.name", message: "Choose the agency whose form this is")) }
        guard errors.isEmpty, let completed, let received else { return (nil, errors) }
        let scopingReturn = ScopingReturn(
            agency: Agency(name: agencyName, kind: kind(agencyName)),
            completedBy: Contact(
                name: values["scopingReturn.completedBy.name"], agencyAndDesignation: values["scopingReturn.completedBy.agencyAndDesignation"],
                telephone: values.text("scopingReturn.completedBy.telephone"), email: values.text("scopingReturn.completedBy.email")),
            dateCompleted: completed, dateReceived: received, knownToAgency: known == "yes",
            familyDetailAnomalies: values.text("scopingReturn.familyDetailAnomalies"),
            involvementSummary: values.text("scopingReturn.involvementSummary"), practiceAnalysis: values.text("scopingReturn.practiceAnalysis"),
            partnershipConcerns: values.text("scopingReturn.partnershipConcerns"),
            otherAgenciesInvolved: values.text("scopingReturn.otherAgenciesInvolved"),
            furtherInformation: values.text("scopingReturn.furtherInformation"), recordsSecuredOn: secured)
        return (scopingReturn, [])
    }

    /// A refusal of `scopingReturn.…` beside its field (a date's at its day); any other (the
    /// rule id and what is missing, or the agency scope's one refusal) at the top.
    static func fieldErrors(_ error: RPCError) -> [FieldError] {
        guard error.code == .invalidArgument || error.code == .alreadyExists, let colon = error.message.range(of: ": "),
            error.message.hasPrefix("scopingReturn.")
        else { return [FieldError(field: "main", message: error.message)] }
        let path = String(error.message[..<colon.lowerBound])
        let problem = String(error.message[colon.upperBound...])
        let labels = [
            "scopingReturn.completedBy.name": "The name of the person completing this form",
            "scopingReturn.completedBy.agencyAndDesignation": "Their agency and designation",
            "scopingReturn.dateCompleted": "Date completed", "scopingReturn.dateReceived": "Date the partnership received it",
            "scopingReturn.recordsSecuredOn": "Date your agency secured its records",
            "scopingReturn.involvementSummary": "The summary of your involvement", "scopingReturn.agency.name": "The agency",
        ]
        let isDate = ["scopingReturn.dateCompleted", "scopingReturn.dateReceived", "scopingReturn.recordsSecuredOn"].contains(path)
        return [FieldError(field: isDate ? "\(path).day" : path, message: "\(labels[path] ?? "This answer") \(problem)")]
    }

    /// The confirmation: recorded, in time or late.
    static func recorded(_ reference: CaseReference, late: Bool) -> String {
        """
        <div class="panel-confirmation">
        <h2>Scoping return recorded</h2>
        <p>For case</p>
        <p class="reference">\(HTML.escape(reference.description))</p>
        </div>
        <p>\(late ? "It was received after T3 and is marked late." : "It was received in time (T3).") It goes to the Rapid Review meeting \
        with the other agencies' returns.</p>
        <nav><p><a href="\(listPath)">Your cases</a> · <a href="/">Your pages</a></p></nav>

        """
    }

    private static func section(_ heading: String, _ body: String) -> String {
        "<section class=\"form-section\" aria-labelledby=\"\(FormContext.id(heading))\">\n<h2 id=\"\(FormContext.id(heading))\">\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }
}
