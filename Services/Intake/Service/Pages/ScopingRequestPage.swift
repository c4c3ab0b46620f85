import Contract
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// Sending the scoping requests of a case (§4.3.3, T2) as a form: the agencies the referral
/// names (prefilled, FORMS.md: no asking twice) as checkboxes, each with its safeguarding
/// lead, and an "other agency" entry; then the letters (Appendix 4) to print.
enum ScopingRequestPage {
    /// Where the form of a case is (`/scoping/<reference>`), and its letters.
    static let (prefix, lettersPrefix) = ("/scoping/", "/letters/")

    /// One agency that may be asked: the referral's, or the "other agency" entry (`other`).
    struct Choice {
        var index: Int
        var agency: Agency?
        var contact: Contact?
        /// Asked already: not offered again, but its place is kept so that a form posted twice
        /// reads the same (its idempotency key then answers the first result).
        var asked = false
    }

    /// The agencies the referral names, in its order, then "other".
    static func choices(_ intakeCase: IntakeCase) -> [Choice] {
        let asked = Set(intakeCase.requests.map { AgencyKey.of($0.agency.name) })
        var seen = Set<String>()
        var choices: [Choice] = []
        for involvement in intakeCase.referral?.agenciesInvolved ?? [] where !seen.contains(AgencyKey.of(involvement.agency.name)) {
            seen.insert(AgencyKey.of(involvement.agency.name))
            choices.append(
                Choice(
                    index: choices.count, agency: involvement.agency, contact: involvement.contact,
                    asked: asked.contains(AgencyKey.of(involvement.agency.name))))
        }
        choices.append(Choice(index: choices.count, agency: nil, contact: nil))
        return choices
    }

    /// The form's first values: each offered agency's lead as the referral gave it, sent today.
    static func prefill(_ choices: [Choice], today: CivilDate) -> FormData {
        var values: [String: String] = ["dateSent.day": "\(today.day)", "dateSent.month": "\(today.month)", "dateSent.year": "\(today.year)"]
        for choice in choices {
            if let contact = choice.contact {
                values["requests[\(choice.index)].contact.name"] = contact.name
                values["requests[\(choice.index)].contact.agencyAndDesignation"] = contact.agencyAndDesignation
                values["requests[\(choice.index)].contact.email"] = contact.email ?? ""
            }
        }
        return FormData(values: values)
    }

    /// The form for `intakeCase`.
    static func body(_ form: FormContext, intakeCase: IntakeCase, choices: [Choice], session: WebSession, dashboard: String?) -> String {
        let reference = intakeCase.reference.description
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference))</strong>. The Initial Scoping and Information Sharing form (Appendix 3) and its \
            letter go to each agency within 2 working days of the referral (T2); each asks for the return within 5 working days (T3).</p>

            """
        if !intakeCase.requests.isEmpty {
            html += "<h2>Already asked</h2>\n<ul>\n"
            html += intakeCase.requests.map { "<li>\(HTML.escape($0.agency.name)), sent \(HTML.escape($0.dateSent.description))</li>" }
                .joined(separator: "\n")
            html += "\n</ul>\n<p><a href=\"\(lettersPrefix)\(HTML.escape(reference))\">See and print the letters sent</a></p>\n"
        }
        html += """
            <form method="post" action="\(prefix)\(HTML.escape(reference))#error-summary" novalidate>
            \(FormContext.csrf(session))\(FormContext.idempotencyKey())
            """
        for choice in choices where !choice.asked {
            let name = "requests[\(choice.index)]"
            var part = ""
            if let agency = choice.agency {
                part += form.checkboxes(
                    "\(name).selected", legend: "Send to this agency?", boxes: [("\(name).selected", "Send the form and letter to \(agency.name)")])
            } else {
                part += form.checkboxes(
                    "\(name).selected", legend: "Send to another agency?", boxes: [("\(name).selected", "Send the form and letter to another agency")]
                )
                part += form.text("\(name).agency.name", label: "Name of the other agency")
                part += form.radios(
                    "\(name).agency.kind", legend: "Which safeguarding partner it belongs to",
                    options: [("localAuthority", "Local authority"), ("police", "Police"), ("health", "Health"), ("other", "None of these")])
            }
            part += form.text("\(name).contact.name", label: "Safeguarding lead's name", hint: "The letter is addressed to them.")
            part += form.text("\(name).contact.agencyAndDesignation", label: "Their agency and designation or title")
            part += form.text("\(name).contact.email", label: "Their email address (optional)")
            html += FormContext.group(legend: choice.agency?.name ?? "Another agency", part)
        }
        html += form.date("dateSent", legend: "Date the forms and letters are sent", hint: "T2: within 2 working days of the referral.")
        html += form.text("signatory", label: "Who signs the letters (optional)", hint: "For example, Partnership Support Team")
        html += form.text("queriesContact", label: "Who to contact with questions (optional)", hint: "A name and telephone number")
        html += "<div class=\"buttons\">" + FormContext.button("Send the scoping requests", value: "send") + "</div>\n</form>\n"
        html += IntakePages.caseLinks(reference, dashboard: dashboard, roles: session.principal.roles)
        return html
    }

    /// The request read from the ticked agencies, with each posted index's place in it (a
    /// refusal of `requests[k]` goes back to the box it came from), or the form's own errors.
    static func read(_ values: FormData, reference: CaseReference, choices: [Choice]) -> (
        IntakeAPI.SendScopingRequestsRequest?, [Int], [FieldError]
    ) {
        var errors: [FieldError] = []
        let dateSent = DateInput.read(values, "dateSent", label: "Date the forms and letters are sent", required: true, errors: &errors)
        var drafts: [IntakeAPI.ScopingRequestDraft] = []
        var indexes: [Int] = []
        for choice in choices where values["requests[\(choice.index)].selected"] == "yes" {
            let name = "requests[\(choice.index)]"
            let agency =
                choice.agency
                ?? Agency(name: values["\(name).agency.name"], kind: PartnerKind(rawValue: values["\(name).agency.kind"]) ?? .other)
            let contact = Contact(
                name: values["\(name).contact.name"], agencyAndDesignation: values["\(name).contact.agencyAndDesignation"],
                email: values.text("\(name).contact.email"))
            if let dateSent { drafts.append(IntakeAPI.ScopingRequestDraft(agency: agency, contact: contact, dateSent: dateSent)) }
            indexes.append(choice.index)
        }
        if indexes.isEmpty { errors.append(FieldError(field: "requests[0].selected", message: "Choose at least one agency to send to")) }
        guard errors.isEmpty else { return (nil, indexes, errors) }
        let request = IntakeAPI.SendScopingRequestsRequest(
            caseReference: reference, requests: drafts, letterFormat: .text, signatory: values.text("signatory"),
            queriesContact: values.text("queriesContact"))
        return (request, indexes, [])
    }

    /// A refusal of `requests[k]…` as the error of the box it came from (`indexes[k]`); a date's
    /// goes to the date's day; anything else at the top.
    static func fieldErrors(_ error: RPCError, indexes: [Int]) -> [FieldError] {
        guard error.code == .invalidArgument || error.code == .alreadyExists, let colon = error.message.range(of: ": "),
            error.message.hasPrefix("requests[")
        else { return [FieldError(field: "main", message: error.message)] }
        let path = String(error.message[..<colon.lowerBound])
        let problem = String(error.message[colon.upperBound...])
        guard let close = path.firstIndex(of: "]"), let posted = Int(path.dropFirst("requests[".count).prefix(while: { $0 != "]" })),
            indexes.indices.contains(posted)
        else { return [FieldError(field: "main", message: error.message)] }
        let rest = String(path[path.index(after: close)...])
        if rest == ".dateSent" { return [FieldError(field: "dateSent.day", message: "Date the forms and letters are sent \(problem)")] }
        let labels = [
            ".agency.name": "The agency's name", ".contact.name": "The safeguarding lead's name",
            ".contact.agencyAndDesignation": "Their agency and designation",
        ]
        return [FieldError(field: "requests[\(indexes[posted])]\(rest)", message: "\(labels[rest] ?? "This answer") \(problem)")]
    }

    /// The letters of a case as a printable document: one section (one A4 page on print) each.
    static func letters(_ intakeCase: IntakeCase, t3Due: CivilDate?, dashboard: String?) -> String {
        let reference = intakeCase.reference.description
        var html = "<p class=\"screen-only\">Print this page for the letters: each starts on a new page.</p>\n"
        if intakeCase.requests.isEmpty { html += "<p>No scoping requests were sent for this case yet.</p>\n" }
        for request in intakeCase.requests {
            let text = ScopingLetterRenderer.render(
                request, reference: intakeCase.reference, format: .text, signatory: request.signatory,
                queriesContact: request.queriesContact, t3Due: t3Due)
            html += "<section class=\"letter\" aria-label=\"Letter to \(HTML.escape(request.agency.name))\">\n"
            html += "<h2>To \(HTML.escape(request.agency.name))</h2>\n"
            for paragraph in text.components(separatedBy: "\n\n") where !paragraph.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                html += "<p>" + paragraph.split(separator: "\n").map { HTML.escape(String($0)) }.joined(separator: "<br>") + "</p>\n"
            }
            html += "</section>\n"
        }
        return html + IntakePages.caseLinks(reference, dashboard: dashboard)
    }
}
