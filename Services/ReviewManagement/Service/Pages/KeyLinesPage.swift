import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// After agreement, the key lines of enquiry change only with the Case Review Panel's approval
/// and reason (V2): the lines as a repeating group, prefilled from the version in force, posted
/// to `ChangeKeyLinesOfEnquiry`'s handler. Every earlier version stays readable.
struct KeyLinesPage: Sendable {
    static let prefix = "/key-lines-of-enquiry/"
    static let lines = RepeatingItems(name: "keyLinesOfEnquiry", parts: [""], initial: 1)
    let handlers: ReviewManagementHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let current = review.termsOfReference.last?.termsOfReference.scope.keyLinesOfEnquiry ?? []
        var values: [String: String] = ["count.keyLinesOfEnquiry": "\(max(1, current.count))"]
        for (index, line) in current.enumerated() { values[Self.lines.field(index, "")] = line }
        ReviewForm.dateValues("approvedOn", handlers.clock.today, into: &values)
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("KeyLinesOfEnquiryForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values = ReviewForm.values(request)
        if let changed = Self.lines.applying(request.form["action"], to: values) {
            values = changed
            return render(request, review, FormContext(values: values))
        }
        var errors: [FieldError] = []
        let approvedOn = DateInput.read(values, "approvedOn", label: "Date the panel approved the change", required: true, errors: &errors)
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            // "keyLinesOfEnquiry" names the whole list: its message goes to the first line.
            let errors = errors.map { $0.field == Self.lines.name ? FieldError(field: Self.lines.field(0, ""), message: $0.message) : $0 }
            return render(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let approvedOn else { return refused(errors) }
        let lines = (0..<Self.lines.count(values)).compactMap { values.text(Self.lines.field($0, "")) }
        let call = ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest(
            caseReference: reference, keyLinesOfEnquiry: lines, reason: values["reason"], approvedOn: approvedOn)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.changeKeyLinesOfEnquiry, call, recorded: "key-lines", reference: reference,
            dates: ["approvedOn"], handler: handlers.changeKeyLinesOfEnquiry, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let group = Self.lines
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The terms of reference are agreed: the key lines of \
            enquiry change only with the Case Review Panel's approval and its reason (V2). The change is a new version; every \
            earlier version stays readable.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(group.hidden(form.values))
            """
        for index in 0..<group.count(form.values) {
            var item = form.text(group.field(index, ""), label: "Key line of enquiry \(index + 1)", multiline: true)
            item += FormContext.button("Remove key line of enquiry \(index + 1)", value: group.removeAction(index), style: "secondary")
            html += FormContext.group(legend: "Key line of enquiry \(index + 1)", item)
        }
        html += FormContext.button("Add another key line of enquiry", value: group.addAction, style: "secondary") + "\n"
        html += form.text("reason", label: "The panel's reason for the change", multiline: true)
        html += form.date("approvedOn", legend: "Date the panel approved the change")
        html += "<div class=\"buttons\">" + FormContext.button("Change the key lines of enquiry", value: "change") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Change the key lines of enquiry", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
