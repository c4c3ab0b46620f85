import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The review team's quality assurance of the agencies' submissions (§8.6, V8): every
/// agency's latest chronology and information report with the decision on it, and a form to
/// accept one or send it back with a question (`ReviewSubmission`'s handler). The agency sees
/// the question on its own page.
extension AgencyPages {
    static let submissionsPrefix = "/agency-submissions/"

    /// The latest submission of each agency and kind, in the agencies' order.
    static func latest(_ review: Review) -> [ReviewManagementAPI.SubmissionKey] {
        review.agencyRequests.flatMap { asked in
            [ReviewManagementAPI.AgencySubmissionKind.chronology, .informationReport].compactMap { review.latestSubmission(asked.agency, $0) }
        }
    }

    /// A submission's radio value: `agency|kind|version`.
    static func value(_ key: ReviewManagementAPI.SubmissionKey) -> String { "\(key.agency)|\(key.kind.rawValue)|\(key.version)" }

    func submissionsPage(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = try? await handlers.store.review(reference) else {
            return ReviewForm.notFound(request)
        }
        let page = renderSubmissions(request, review, FormContext(values: FormData(values: [:])))
        return await request.audited("AgencySubmissions", caseReference: reference.description, page)
    }

    func decide(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = try? await handlers.store.review(reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let key = Self.latest(review).first { Self.value($0) == values["submission"] }
        if key == nil { errors.append(FieldError(field: "submission", message: "Choose the submission")) }
        let outcome = ReviewManagementAPI.SubmissionOutcome(rawValue: values["outcome"])
        if outcome == nil { errors.append(FieldError(field: "outcome", message: "Say whether it is accepted or sent back")) }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            renderSubmissions(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let key, let outcome else { return refused(errors) }
        let call = ReviewManagementAPI.ReviewSubmissionRequest(
            caseReference: reference, submission: key, outcome: outcome, question: values.text("question"))
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.reviewSubmission, call, recorded: "decided", reference: reference,
            location: "\(Self.submissionsPrefix)\(FormData.encode(reference.description))?recorded=decided", handler: handlers.reviewSubmission,
            refused: refused)
    }

    private func renderSubmissions(_ request: PageRequest, _ review: Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let ref = HTML.escape(review.reference.description)
        var html = FormContext.errorSummary(form.errors)
        if request.query["recorded"] == "decided" {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>The decision was recorded</h2></div>\n"
        }
        let keys = Self.latest(review)
        guard !keys.isEmpty else {
            html += "<p>No agency has submitted anything yet.</p>\n" + ReviewForm.back(review.reference)
            return request.page(title: "The agencies' submissions", errors: !form.errors.isEmpty, body: html, status: status)
        }
        html += """
            <table>
            <caption>The latest submission of each agency</caption>
            <thead><tr><th scope="col">Agency</th><th scope="col">Submission</th><th scope="col">Version</th><th scope="col">Decision</th></tr></thead>
            <tbody>

            """
        for key in keys {
            let decision = review.decision(on: key)
            let words =
                decision.map { $0.outcome == .accepted ? "Accepted" : "Sent back: \($0.question ?? "")" } ?? "Not reviewed yet"
            html += "<tr><td>\(HTML.escape(key.agency))</td><td>\(HTML.escape(Self.words(key.kind)))</td><td>\(key.version)</td>"
            html += "<td>\(HTML.escape(words))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        html += "<p><a href=\"\(Self.combinedPrefix)\(ref)\">The combined chronology</a></p>\n"
        let open = keys.filter { review.decision(on: $0) == nil }
        if !open.isEmpty {
            html += """
                <h2>Review a submission</h2>
                <p>The review team accepts a submission, or sends it back to the agency for more information or revision (V8, §8.6.2).</p>
                <form method="post" action="\(Self.submissionsPrefix)\(ref)" novalidate>
                \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
                """
            html += form.radios(
                "submission", legend: "Submission",
                options: open.map { (Self.value($0), "\($0.agency): \(Self.words($0.kind)), version \($0.version)") })
            html += form.radios("outcome", legend: "Decision", options: [("accepted", "Accept it"), ("sentBack", "Send it back with a question")])
            html += form.text("question", label: "The question for the agency (when sent back)", multiline: true)
            html += "<div class=\"buttons\">" + FormContext.button("Record the decision", value: "decide") + "</div>\n</form>\n"
        }
        html += ReviewForm.back(review.reference)
        return request.page(title: "The agencies' submissions", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
