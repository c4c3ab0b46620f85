import Contract
import H2
import ServiceKit
import WebForms

/// Learning (§11.2-11.5): a case's plan for sharing its learning, and the partnership's
/// learning from national reviews (a list and its form on one page).
struct LearningPages: Sendable {
    static let nationalPath = "/national-learning"
    let handlers: PublicationHandlers

    /// `RecordLearningPlan`: how, to whom, by when (§11.3.2); returns to the action plan.
    static let learningPlan = StepForm<PublicationAPI.RecordLearningPlanRequest, PublicationAPI.RecordLearningPlanResponse>(
        prefix: "/learning-plan/", name: "learning-plan-form", title: "Record the plan for sharing the learning",
        method: PublicationAPI.recordLearningPlan, button: "Record the learning plan", recorded: "learning-plan",
        returnPrefix: ActionPlanPages.prefix, dates: ["byWhen"],
        load: { _, _ in StepContext(intro: "<p>How the learning from the review is shared, with whom and by when (§11.3.2).</p>\n") },
        fields: { form, _ in
            form.text("how", label: "How the learning is shared", hint: "For example, 7-minute briefings and a learning event", multiline: true)
                + form.text("audiences", label: "To whom", hint: "One agency or audience per line", multiline: true)
                + form.date("byWhen", legend: "By when")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let date = DateInput.read(values, "byWhen", label: "By when", required: true, errors: &errors)
            guard let date else { return nil }
            return .init(caseReference: reference, how: values.text("how") ?? "", audiences: values.lines("audiences"), byWhen: date)
        },
        handler: { $0.recordLearningPlan })

    /// `POST /national-learning`, standing for `RecordNationalLearning`.
    static let nationalForm = NationalLearningForm()

    /// `GET /national-learning`: what was taken from national reviews, and the form to add to it.
    func national(_ request: PageRequest) async -> HTTPResponse {
        await request.audited("NationalLearning", render(request, FormContext(values: FormData(values: [:]))))
    }

    func render(_ request: PageRequest, _ form: FormContext, status: Int = 200) async -> HTTPResponse {
        guard let listed = try? await handlers.listNationalLearning(.init(pageSize: 1000)) else { return PageForm.unavailable(request) }
        var html = FormContext.errorSummary(form.errors)
        if let done = PublicationPages.recorded[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(done))</h2></div>\n"
        }
        html += "<p>The Case Review Panel reviews the learning from all national reviews for local practice (§11.5.1).</p>\n"
        if listed.learning.isEmpty {
            html += "<p>Nothing recorded yet.</p>\n"
        } else {
            html += "<table>\n<caption>Learning taken from national reviews</caption>\n"
            html +=
                "<thead><tr><th scope=\"col\">National review</th><th scope=\"col\">Learning taken</th><th scope=\"col\">By when</th></tr></thead><tbody>\n"
            for entry in listed.learning {
                html += "<tr><td>\(HTML.escape(entry.nationalReview))</td><td>\(HTML.escape(entry.learningTaken))</td>"
                html += "<td>\(HTML.escape(PageForm.long(entry.byWhen)))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        if !request.session.principal.roles.isDisjoint(with: PublicationAPI.recordNationalLearning.info.roles) {
            html += "<h2>Record learning from a national review</h2>\n"
            html +=
                "<form method=\"post\" action=\"\(Self.nationalPath)\" novalidate>\n" + FormContext.csrf(request.session)
                + FormContext.idempotencyKey()
            html += form.text("nationalReview", label: "Which national review or report")
            html += form.text("learningTaken", label: "The learning taken for local practice", multiline: true)
            html += form.date("byWhen", legend: "By when")
            html += "<div class=\"buttons\">" + FormContext.button("Record the learning", value: "national-learning") + "</div>\n</form>\n"
        }
        return request.page(title: "Learning from national reviews", errors: !form.errors.isEmpty, body: html, status: status)
    }
}

/// The national learning's post: the same handler as `RecordNationalLearning`.
struct NationalLearningForm: Sendable {
    func register(_ routes: inout PageRoutes, _ handlers: PublicationHandlers) {
        routes.post(LearningPages.nationalPath, name: "national-learning", roles: PublicationAPI.recordNationalLearning.info.roles) {
            await post($0, handlers)
        }
    }

    func post(_ request: PageRequest, _ handlers: PublicationHandlers) async -> HTTPResponse {
        let values = PageForm.values(request)
        let pages = LearningPages(handlers: handlers)
        var errors: [FieldError] = []
        let date = DateInput.read(values, "byWhen", label: "By when", required: true, errors: &errors)
        guard let date else { return await pages.render(request, FormContext(values: values, errors: errors), status: 400) }
        let call = PublicationAPI.RecordNationalLearningRequest(
            nationalReview: values.text("nationalReview") ?? "", learningTaken: values.text("learningTaken") ?? "", byWhen: date)
        var refusal: [FieldError]?
        let answer = await PageForm.submit(
            handlers, request, PublicationAPI.recordNationalLearning, call, location: "\(LearningPages.nationalPath)?recorded=national-learning",
            dates: ["byWhen"], preconditions: [:], handler: handlers.recordNationalLearning,
            refused: { errors in
                refusal = errors
                return PageForm.unavailable(request)
            })
        // Refused: the page again with the call's errors (it reads the list, so it is drawn here, not in the closure).
        guard let refusal else { return answer }
        return await pages.render(request, FormContext(values: values, errors: refusal), status: 400)
    }
}
