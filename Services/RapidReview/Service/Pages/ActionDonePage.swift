import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// An immediate action the meeting agreed marked done (R4; issue 15, item 11): which action,
/// when it was taken, and a note. Posts to `RecordActionDone`'s own handler.
struct ActionDonePage: Sendable {
    static let prefix = "/action-done/"
    let handlers: RapidReviewHandlers

    /// The quorate meeting's immediate actions still open, numbered from 1 as the call counts
    /// them: not taken at the meeting, not recorded as taken since.
    static func open(_ review: RapidReviewAPI.RapidReview) -> [(number: Int, action: ActionItem)] {
        let taken = Set(review.actionsDone?.map(\.action) ?? [])
        let actions = review.outcome?.immediateAction.actions ?? []
        return actions.enumerated().map { (number: $0.offset + 1, action: $0.element) }.filter { !$0.action.done && !taken.contains($0.number) }
    }

    /// An action in words: what, by whom, and by when.
    static func words(_ number: Int, _ action: ActionItem) -> String {
        "Action \(number): \(action.what), by \(action.who)" + (action.byWhen.map { " (by \(CaseForm.long($0)))" } ?? "")
    }

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let today = handlers.clock.today
        var values = ["doneOn.day": "\(today.day)", "doneOn.month": "\(today.month)", "doneOn.year": "\(today.year)"]
        if let chosen = Int(request.query["action"]), Self.open(review).contains(where: { $0.number == chosen }) { values["action"] = "\(chosen)" }
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("ActionDoneForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        // The call's field `action` is the radio's name here, so the button has another name
        // and the radio is kept (`CaseForm.values` drops the buttons' `action`).
        var fields = CaseForm.values(request).values
        fields["action"] = request.form["action"]
        let values = FormData(values: fields)
        // A refusal of the action itself (done already, no meeting yet) goes beside the action.
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            let placed = errors.map { $0.field == "main" ? FieldError(field: "action", message: "Which action: \($0.message)") : $0 }
            return render(request, review, FormContext(values: values, errors: placed), status: 400)
        }
        var errors: [FieldError] = []
        let action = Int(values["action"])
        if action == nil { errors.append(FieldError(field: "action", message: "Choose the action that was taken")) }
        let doneOn = DateInput.read(values, "doneOn", label: "Date it was taken", required: true, errors: &errors)
        guard errors.isEmpty, let action, let doneOn else { return refused(errors) }
        let call = RapidReviewAPI.RecordActionDoneRequest(caseReference: reference, action: action, doneOn: doneOn, note: values.text("note"))
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.recordActionDone, call, recorded: "actionDone", reference: reference, dates: ["doneOn"],
            handler: handlers.recordActionDone, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let open = Self.open(review)
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. An immediate action the meeting agreed (R4) stays an open \
            deadline until it is recorded as taken.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))#error-summary" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.radios(
            "action", legend: "Which action was taken", hint: open.isEmpty ? "No immediate action is open." : nil,
            options: open.map { ("\($0.number)", Self.words($0.number, $0.action)) })
        html += form.date("doneOn", legend: "Date it was taken", hint: "On or after the meeting, not after today.")
        html += form.text("note", label: "What was done (optional)", hint: "No child's or family member's details.", multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Record the action as done", name: "button", value: "done") + "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Record an immediate action as done", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
