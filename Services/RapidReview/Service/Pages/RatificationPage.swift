import Contract
import H2
import ServiceKit
import WebForms

/// The independent chair's decision (R9, §4.6.3): ratify the recommendation, or send it back
/// with a question. Posts to `Ratify`'s or `RequestClarification`'s own handler.
struct RatificationPage: Sendable {
    static let (prefix, clarificationPrefix) = ("/ratification/", "/clarification/")
    let handlers: RapidReviewHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let page = render(request, review, FormContext(values: FormData(values: [:])))
        return await request.audited("RatificationForm", caseReference: reference.description, page)
    }

    func ratify(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let values = CaseForm.values(request)
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        var errors: [FieldError] = []
        let on = DateInput.read(values, "ratifiedOn", label: "Date ratified", required: false, errors: &errors)
        guard errors.isEmpty else { return refused(errors) }
        let call = RapidReviewAPI.RatifyRequest(caseReference: reference, comments: values.text("comments"), ratifiedOn: on)
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.ratify, call, recorded: "ratification", reference: reference, dates: ["ratifiedOn"],
            handler: handlers.ratify, refused: refused)
    }

    func askClarification(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let values = CaseForm.values(request)
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        let call = RapidReviewAPI.RequestClarificationRequest(caseReference: reference, question: values["question"])
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.requestClarification, call, recorded: "clarification", reference: reference,
            handler: handlers.requestClarification, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = HTML.escape(review.caseReference.description)
        var html = FormContext.errorSummary(form.errors)
        if let main = form.errors.first(where: { $0.field == "main" }) {
            html += "<p class=\"error-message\" id=\"main-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(main.message))</p>\n"
        }
        if let agreed = review.recommendations.last {
            let decision = agreed.decision
            var rows = [("Recommendation", "\(agreed.letter)) \(RecommendationPage.words(decision.recommendation))"), ("Reasons", decision.reasons)]
            if let statement = decision.statement { rows.append(("Statement", statement)) }
            if let options = decision.otherOptionsConsidered { rows.append(("Other options considered", options)) }
            if let why = decision.whyNoFurtherLearning { rows.append(("Why no further learning", why)) }
            if let answer = agreed.answerToClarification { rows.append(("The panel's answer to your question", answer)) }
            html +=
                "<h2>The panel's recommendation (version \(agreed.version), agreed \(HTML.escape(CaseForm.long(agreed.agreedOn))))</h2>\n<dl class=\"summary\">\n"
            html += rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined(separator: "\n") + "\n</dl>\n"
        } else {
            html += "<p>No recommendation has been agreed yet.</p>\n"
        }
        html += CaseForm.section(
            "Ratify the recommendation",
            "<form method=\"post\" action=\"\(Self.prefix)\(reference)#main\" novalidate>\n\(FormContext.csrf(request.session))\(FormContext.idempotencyKey())"
                + form.text("comments", label: "Your comments (optional)", multiline: true)
                + form.date("ratifiedOn", legend: "Date ratified, if not today", hint: "Review-management's T7 counts from this date.")
                + "<div class=\"buttons\">" + FormContext.button("Ratify the recommendation", value: "ratify") + "</div>\n</form>\n")
        html += CaseForm.section(
            "Or ask the panel for clarification (R9)",
            "<form method=\"post\" action=\"\(Self.clarificationPrefix)\(reference)#main\" novalidate>\n\(FormContext.csrf(request.session))\(FormContext.idempotencyKey())"
                + form.text("question", label: "What needs clarifying, or what more information is needed", multiline: true)
                + "<div class=\"buttons\">" + FormContext.button("Ask for clarification", value: "ask", style: "secondary") + "</div>\n</form>\n")
        html += CaseForm.back(review.caseReference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Ratify the Rapid Review recommendation", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
