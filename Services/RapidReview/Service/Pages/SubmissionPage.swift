import Contract
import H2
import ServiceKit
import WebForms

/// The submission to the National Panel and the sharing with each agency and the referrer
/// (R10, T5, §4.7). Posts to `RecordSubmission`'s own handler.
struct SubmissionPage: Sendable {
    static let prefix = "/submission/"
    static let shared = RepeatingGroup(name: "sharedWith", parts: ["agency", "date.day", "date.month", "date.year", "referrer"], initial: 1)
    let handlers: RapidReviewHandlers

    /// The form, one row for each agency asked for scoping, the referrer marked.
    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        var values: [String: String] = [:]
        let agencies = review.handOver.agenciesAsked.map(\.name)
        for (index, agency) in agencies.enumerated() {
            values[Self.shared.field(index, "agency")] = agency
            if AgencyKey.of(agency) == review.handOver.referringAgency.map(AgencyKey.of) { values[Self.shared.field(index, "referrer")] = "yes" }
        }
        values["count.sharedWith"] = "\(max(1, agencies.count))"
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("SubmissionForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        var values = CaseForm.values(request)
        if let changed = Self.shared.applying(request.form["action"], to: values) {
            values = changed
            return render(request, review, FormContext(values: values))
        }
        guard request.form["action"] == "submit" else { return render(request, review, FormContext(values: values)) }
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        var errors: [FieldError] = []
        let submitted = DateInput.read(values, "submittedToNationalPanel", label: "Date sent to the National Panel", required: true, errors: &errors)
        var sharing: [RapidReviewAPI.OutcomeShared] = []
        for index in 0..<Self.shared.count(values) {
            let date = DateInput.read(
                values, "sharedWith[\(index)].date", label: "Agency \(index + 1)'s date shared", required: true, errors: &errors)
            if let date {
                sharing.append(
                    RapidReviewAPI.OutcomeShared(
                        agency: values[Self.shared.field(index, "agency")], date: date,
                        referrer: values[Self.shared.field(index, "referrer")] == "yes"))
            }
        }
        guard errors.isEmpty, let submitted else { return refused(errors) }
        let call = RapidReviewAPI.RecordSubmissionRequest(caseReference: reference, submittedToNationalPanel: submitted, sharedWith: sharing)
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.recordSubmission, call, recorded: "submission", reference: reference,
            dates: ["submittedToNationalPanel", "date"], handler: handlers.recordSubmission, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let values = form.values
        var html = FormContext.errorSummary(form.errors)
        if let main = form.errors.first(where: { $0.field == "main" }) {
            html += "<p class=\"error-message\" id=\"main-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(main.message))</p>\n"
        }
        let ref = HTML.escape(reference.description)
        html += """
            <p>Case <strong>\(ref)</strong>. Send the ratified <a href="\(DocumentPages.outcomePrefix)\(ref)">Rapid Review Outcome document</a> \
            with the <a href="\(DocumentPages.letterPrefix)\(ref)">covering letter</a> to the National Panel within 2 working days of \
            the meeting (T5), and share the outcome with every relevant agency and the referrer (R10).</p>
            <form method="post" action="\(Self.prefix)\(ref)#main" novalidate>
            <button type="submit" name="action" value="none" hidden tabindex="-1">Keep</button>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(Self.shared.hidden(values))
            """
        html += form.date("submittedToNationalPanel", legend: "Date sent to the National Panel")
        // A refusal about the list as a whole (R10: an agency left out) links here.
        var rows = "<div id=\"sharedWith\"></div>\n"
        for index in 0..<Self.shared.count(values) {
            let field = { Self.shared.field(index, $0) }
            rows += FormContext.group(
                legend: "Agency shared with \(index + 1)",
                form.text(field("agency"), label: "Agency") + form.date("sharedWith[\(index)].date", legend: "Date the outcome was shared")
                    + form.checkboxes(field("referrer"), legend: "The referrer", boxes: [(field("referrer"), "This agency made the referral")])
                    + "<div class=\"buttons\">"
                    + FormContext.button("Remove agency \(index + 1)", value: Self.shared.removeAction(index), style: "secondary") + "</div>\n",
                className: "group item")
        }
        rows += "<div class=\"buttons\">" + FormContext.button("Add another agency", value: Self.shared.addAction, style: "secondary") + "</div>\n"
        html += CaseForm.section("Shared with (R10)", rows)
        html += "<div class=\"buttons\">" + FormContext.button("Record the submission", value: "submit") + "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Record the submission and the sharing", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
