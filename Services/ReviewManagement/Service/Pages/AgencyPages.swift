import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The agencies' part (§8.2-8.4, V6): the review team asks an agency for its chronology and
/// information report (`RequestAgencyInformation`); an agency's own page shows its request and
/// takes its chronology, one entry per key event (`SubmitChronology`); the combined chronology
/// (`GetCombinedChronology`). An agency's token sees only its own agency's request, and gets
/// one answer whether the case is missing or asked only other agencies.
struct AgencyPages: Sendable {
    static let (requestPrefix, prefix, combinedPrefix) = ("/agency-requests/", "/agency/", "/combined-chronology/")
    static let entries = RepeatingItems(
        name: "entries", parts: ["date.day", "date.month", "date.year", "time", "event", "source", "period"], initial: 1)
    let handlers: ReviewManagementHandlers

    // MARK: Requests (the review team)

    func requestForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = FormData(values: ["asks.chronology": "yes", "asks.informationReport": "yes"])
        let page = await renderRequest(request, review, FormContext(values: values))
        return await request.audited("AgencyRequestForm", caseReference: reference.description, page)
    }

    func ask(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let dueOn = DateInput.read(values, "dueOn", label: "Date due", required: true, errors: &errors)
        let asks: [ReviewManagementAPI.AgencySubmissionKind] =
            (values["asks.chronology"] == "yes" ? [.chronology] : []) + (values["asks.informationReport"] == "yes" ? [.informationReport] : [])
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            // "asks" names the checkboxes: its message goes to the first.
            let errors = errors.map { $0.field == "asks" ? FieldError(field: "asks.chronology", message: $0.message) : $0 }
            return await renderRequest(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let dueOn else { return await refused(errors) }
        let contact = ReviewManagementAPI.AgencyContact(
            name: values["contact.name"], designation: values.text("contact.designation"), contactDetails: values.text("contact.contactDetails"))
        let chosen = values.text("agencyChoice").flatMap { $0 == "another" ? nil : $0 }
        let call = ReviewManagementAPI.RequestAgencyInformationRequest(
            caseReference: reference, agency: chosen ?? values["agency"], contact: contact, asks: asks, dueOn: dueOn)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.requestAgencyInformation, call, recorded: "agency-request", reference: reference,
            location: "\(Self.requestPrefix)\(FormData.encode(reference.description))?recorded=agency-request", dates: ["dueOn"],
            handler: handlers.requestAgencyInformation, refused: refused)
    }

    private func renderRequest(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) async
        -> HTTPResponse
    {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(form.errors)
        if request.query["recorded"] == "agency-request" {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>The agency was asked for its information</h2></div>\n"
        }
        let requests = try? await handlers.store.review(reference).agencyRequestsView(today: handlers.clock.today)
        if let requests, !requests.requests.isEmpty {
            html += """
                <table>
                <caption>Agencies asked</caption>
                <thead><tr><th scope="col">Agency</th><th scope="col">Asked for</th><th scope="col">Due by</th><th scope="col">Still to come</th><th scope="col">Escalation (§2.1.7)</th></tr></thead>
                <tbody>

                """
            for standing in requests.requests {
                let asked = standing.request.asks.map(Self.words).joined(separator: ", ")
                let outstanding = standing.outstanding.isEmpty ? "Nothing" : standing.outstanding.map(Self.words).joined(separator: ", ")
                html += "<tr><td>\(HTML.escape(standing.request.agency))</td><td>\(HTML.escape(asked))</td>"
                html += "<td>\(HTML.escape(ReviewForm.long(standing.request.dueOn)))\(standing.overdue ? " (overdue)" : "")</td>"
                html += "<td>\(HTML.escape(outstanding))</td><td>\(Self.escalation(standing, reference: reference))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += """
            <h2>Ask an agency</h2>
            <p>Each agency involved is asked for a chronology of its contact with the child and family and an information report \
            (§8.2, Appendices 7-9). The agency's safeguarding lead opens <code>\(Self.prefix)\(ref)</code> with their own token.</p>
            <form method="post" action="\(Self.requestPrefix)\(ref)" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        let known = Self.knownAgencies(review, asked: requests?.requests.map(\.request.agency) ?? [])
        if known.isEmpty {
            html += form.text("agency", label: "Agency", hint: "Its name as on the agency's token, e.g. Testshire Police.")
        } else {
            html += form.radios(
                "agencyChoice", legend: "Agency", hint: "The agencies on the review team and in the terms of reference not asked yet.",
                options: known.map { ($0, $0) } + [("another", "Another agency")])
            html += form.text("agency", label: "Another agency's name", hint: "As on the agency's token, e.g. Testshire Police.")
        }
        html += form.text("contact.name", label: "The agency's contact for the review", hint: "§8.2.2: the person who coordinates the agency's part.")
        html += form.text("contact.designation", label: "Their designation (optional)")
        html += form.text("contact.contactDetails", label: "Their contact details (optional)")
        html += form.checkboxes(
            "asks.chronology", legend: "What the agency is asked for",
            boxes: [("asks.chronology", "A chronology (Appendix 7)"), ("asks.informationReport", "An information report (Appendix 9)")])
        html += form.date("dueOn", legend: "Date due", hint: "After today.")
        html += "<div class=\"buttons\">" + FormContext.button("Ask the agency", value: "ask") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Ask agencies for their information", errors: !form.errors.isEmpty, body: html, status: status)
    }

    /// The agencies the review knows (the review team's, the terms of reference's members'
    /// organisations) that have not been asked yet, in the order first named.
    static func knownAgencies(_ review: ReviewManagementAPI.Review, asked: [String]) -> [String] {
        let named =
            (review.reviewTeam?.teams.last?.members.map(\.agency.name) ?? [])
            + (review.termsOfReference.last?.termsOfReference.reviewTeam.members.map(\.organisation) ?? [])
        var seen = Set(asked.map { $0.trimmingWhitespace.lowercased() })
        return named.filter { !$0.isBlank && seen.insert($0.trimmingWhitespace.lowercased()).inserted }
    }

    /// The escalation cell of a request's row: the step it is at, and for an overdue one the
    /// link to escalate it.
    static func escalation(_ standing: ReviewManagementAPI.AgencyRequestStanding, reference: CaseReference) -> String {
        var cell = standing.escalatedTo.map { HTML.escape(EscalationPage.words($0)) } ?? (standing.overdue ? "Not yet" : "Not overdue")
        if standing.overdue, EscalationPage.nextLevel(after: standing.escalatedTo) != nil {
            let agency = FormData.encode(standing.request.agency)
            cell += " <a href=\"\(EscalationPage.prefix)\(HTML.escape(reference.description))?agency=\(HTML.escape(agency))\">Escalate</a>"
        }
        return cell
    }

    static func words(_ kind: ReviewManagementAPI.AgencySubmissionKind) -> String {
        switch kind {
        case .chronology: "chronology"
        case .informationReport: "information report"
        }
    }
}
