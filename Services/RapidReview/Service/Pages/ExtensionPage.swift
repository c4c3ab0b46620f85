import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// Recording a decision extending T4, T5 or T6 (RULES.md; issue 15, item 5): the timescale,
/// the new due date and why (the National Panel's relaxation, a police request to delay).
/// Posts to `RecordExtension`'s own handler; the case's page then shows the new date beside
/// the original one.
struct ExtensionPage: Sendable {
    static let prefix = "/extension/"
    let handlers: RapidReviewHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let page = render(request, review, FormContext(values: FormData(values: [:])))
        return await request.audited("ExtensionForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let values = CaseForm.values(request)
        // A refusal of the deadline itself (met, another stage's) goes beside the timescale.
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            let placed = errors.map { $0.field == "main" ? FieldError(field: "rule", message: "Which timescale: \($0.message)") : $0 }
            return render(request, review, FormContext(values: values, errors: placed), status: 400)
        }
        var errors: [FieldError] = []
        let rule = TimescaleRule(rawValue: values["rule"]).flatMap { RapidReviewCase.extendableRules.contains($0) ? $0 : nil }
        if rule == nil { errors.append(FieldError(field: "rule", message: "Choose which timescale is extended (T4, T5 or T6)")) }
        let newDue = DateInput.read(values, "newDue", label: "New due date", required: true, errors: &errors)
        let agreedOn = DateInput.read(values, "agreedOn", label: "Date the decision was taken", required: false, errors: &errors)
        if values.text("reason") == nil { errors.append(FieldError(field: "reason", message: "Say why it is extended: it is a recorded decision")) }
        guard errors.isEmpty, let rule, let newDue else { return refused(errors) }
        let call = RecordExtensionRequest(caseReference: reference, rule: rule, newDue: newDue, reason: values["reason"], agreedOn: agreedOn)
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.recordExtension, call, recorded: "extension", reference: reference, dates: ["newDue", "agreedOn"],
            handler: handlers.recordExtension, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let words: [TimescaleRule: String] = [
            .t4: "T4: holding the Rapid Review meeting", .t5: "T5: submitting to the National Panel", .t6: "T6: completing the Rapid Review",
        ]
        let open = review.deadlines.filter { RapidReviewCase.extendableRules.contains($0.rule) && $0.metOn == nil }
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. A deadline is extended only by a recorded decision: who \
            agreed it, when, why and the new date. The original due date stays beside the new one.</p>

            """
        html += CasePages.deadlines(open)
        html += """
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))#error-summary" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.radios(
            "rule", legend: "Which timescale is extended", options: open.map { ($0.rule.rawValue, words[$0.rule] ?? $0.rule.rawValue) })
        html += form.date("newDue", legend: "New due date", hint: "Later than the date it is due by now.")
        html += form.text("reason", label: "Why it is extended", hint: "For example, the police asked to delay.", multiline: true)
        html += form.date("agreedOn", legend: "Date the decision was taken (if not today)")
        html += "<div class=\"buttons\">" + FormContext.button("Record the extension", value: "extend") + "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Extend a deadline", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
