import Contract
import H2
import RPC
import ServiceKit
import WebForms
import WorkingDays

/// The report (§9, Appendix 15, V9, V10): a draft submitted section by section with its
/// recommendations as a repeating group (`SubmitReportDraft`), judged against the V9 checklist;
/// then the review team confirms it meets the terms of reference (`ConfirmTermsOfReferenceMet`)
/// and the board endorses the recommendations (`EndorseRecommendations`) and approves it
/// (`ApproveReport`), each on the latest version.
struct ReportPages: Sendable {
    static let (draftPrefix, stepsPrefix) = ("/report/", "/report-approval/")
    static let (confirmPrefix, endorsePrefix, approvePrefix) = ("/confirm-terms-of-reference-met/", "/endorse-recommendations/", "/approve-report/")
    static let recommendations = RepeatingItems(
        name: "recommendations", parts: ["text", "owner", "scope", "dueBy.day", "dueBy.month", "dueBy.year"], initial: 1)
    /// The V9 minimum contents and the executive summary, by their field path, with the framework's words.
    static let sections: [(name: String, label: String, hint: String)] = [
        ("sections.executiveSummary", "Executive summary", "No more than two A4 pages (Appendix 15 §3.2)."),
        ("sections.whatHappened", "What happened", "A brief overview of what happened and the key circumstances."),
        ("sections.whyDecisionsWereTaken", "Why decisions were taken", "Why relevant decisions by professionals were taken."),
        ("sections.howAgenciesWorkedTogether", "How agencies worked together", "And any shortcomings in this."),
        ("sections.whetherShortcomingsAreGeneral", "Whether the shortcomings are general", "Features of practice in general, or of this case."),
        ("sections.whatMustChange", "What must change", "To prevent harm to a child in similar circumstances."),
        ("sections.goodPractice", "Good practice", "Examples of good practice."),
        ("sections.howAgenciesWillLearn", "How agencies will learn", "What must happen for agencies to learn from the case."),
    ]
    let handlers: ReviewManagementHandlers

    // MARK: Draft

    func draftForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = ["count.recommendations": "1"]
        if let latest = review.report?.versions.last {
            let texts = [
                latest.sections.executiveSummary, latest.sections.whatHappened, latest.sections.whyDecisionsWereTaken,
                latest.sections.howAgenciesWorkedTogether, latest.sections.whetherShortcomingsAreGeneral, latest.sections.whatMustChange,
                latest.sections.goodPractice, latest.sections.howAgenciesWillLearn,
            ]
            for (section, text) in zip(Self.sections, texts) { values[section.name] = text }
            for (index, recommendation) in latest.recommendations.enumerated() {
                values[Self.recommendations.field(index, "text")] = recommendation.text
                values[Self.recommendations.field(index, "owner")] = recommendation.owner
                values[Self.recommendations.field(index, "scope")] = recommendation.scope?.rawValue
                ReviewForm.dateValues(Self.recommendations.field(index, "dueBy"), recommendation.dueBy, into: &values)
            }
            values["count.recommendations"] = "\(max(1, latest.recommendations.count))"
        }
        let page = renderDraft(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("ReportDraftForm", caseReference: reference.description, page)
    }

    func submitDraft(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values = ReviewForm.values(request)
        if let changed = Self.recommendations.applying(request.form["action"], to: values) {
            values = changed
            return renderDraft(request, review, FormContext(values: values))
        }
        var errors: [FieldError] = []
        var recommendations: [ReportRecommendation] = []
        let group = Self.recommendations
        for index in 0..<group.count(values) {
            if group.parts.allSatisfy({ values.text(group.field(index, $0)) == nil }) { continue }
            let dueBy = DateInput.read(
                values, group.field(index, "dueBy"), label: "Recommendation \(index + 1)'s date", required: false, errors: &errors)
            recommendations.append(
                ReportRecommendation(
                    text: values[group.field(index, "text")], owner: values.text(group.field(index, "owner")),
                    scope: ActionScope(rawValue: values[group.field(index, "scope")]), dueBy: dueBy))
        }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            renderDraft(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty else { return refused(errors) }
        let sections = ReportSections(
            executiveSummary: values.text("sections.executiveSummary"), whatHappened: values.text("sections.whatHappened"),
            whyDecisionsWereTaken: values.text("sections.whyDecisionsWereTaken"),
            howAgenciesWorkedTogether: values.text("sections.howAgenciesWorkedTogether"),
            whetherShortcomingsAreGeneral: values.text("sections.whetherShortcomingsAreGeneral"),
            whatMustChange: values.text("sections.whatMustChange"),
            goodPractice: values.text("sections.goodPractice"), howAgenciesWillLearn: values.text("sections.howAgenciesWillLearn"))
        let call = ReviewManagementAPI.SubmitReportDraftRequest(caseReference: reference, sections: sections, recommendations: recommendations)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.submitReportDraft, call, recorded: "report", reference: reference,
            location: "\(Self.stepsPrefix)\(FormData.encode(reference.description))?recorded=report", dates: ["dueBy"],
            handler: handlers.submitReportDraft, refused: refused)
    }

    private func renderDraft(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let group = Self.recommendations
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. Each submission is a new version of the report, judged \
            against the minimum contents (V9); a section may be left for a later draft. The genogram is never part of the report (V10).</p>
            <form method="post" action="\(Self.draftPrefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(group.hidden(form.values))
            """
        html += ReviewForm.section(
            "The report", Self.sections.map { form.text($0.name, label: $0.label, hint: $0.hint, multiline: true) }.joined())
        var items = ""
        for index in 0..<group.count(form.values) {
            var item = form.text(group.field(index, "text"), label: "What is recommended", multiline: true)
            item += form.text(group.field(index, "owner"), label: "Who must act", hint: "An agency, the partnership or a national body.")
            item += form.radios(
                group.field(index, "scope"), legend: "Local or national",
                options: [("local", "Local: the partnership or its agencies"), ("national", "National")])
            item += form.date(group.field(index, "dueBy"), legend: "By when")
            item += FormContext.button("Remove recommendation \(index + 1)", value: group.removeAction(index), style: "secondary")
            items += FormContext.group(legend: "Recommendation \(index + 1)", item)
        }
        items += FormContext.button("Add another recommendation", value: group.addAction, style: "secondary") + "\n"
        html += ReviewForm.section("Recommendations", items)
        html += "<div class=\"buttons\">" + FormContext.button("Submit the draft", value: "submit") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Submit a draft of the report", errors: !form.errors.isEmpty, body: html, status: status)
    }

    // MARK: Confirmation, endorsement, approval

    /// The latest version, its checklist and its steps, with the forms the viewer's roles may post.
    func stepsPage(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let page = renderSteps(request, review, errors: [])
        return await request.audited("ReportApproval", caseReference: reference.description, page)
    }

    /// One of the three steps on the latest version, posted to its RPC's handler.
    func step(
        _ request: PageRequest, _ method: RPC.Method<ReviewManagementAPI.ReportVersionStepRequest, ReviewManagementAPI.ReportVersionStepResponse>
    )
        async -> HTTPResponse
    {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        // Each step's form names its date after the step, so that two forms on one page keep distinct ids.
        let key = Self.key(method)
        var errors: [FieldError] = []
        let on = DateInput.read(values, "\(key).on", label: "Date", required: true, errors: &errors)
        let version = Int(values["version"])
        if version == nil { errors.append(FieldError(field: "main", message: "V9: there is no draft of the report yet")) }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            let errors = errors.map { error in
                error.field.hasPrefix("on.")
                    ? FieldError(field: "\(key).\(error.field)", message: error.message)
                    : error.field == "version" ? FieldError(field: "main", message: error.message) : error
            }
            return renderSteps(request, review, errors: errors, values: values, status: 400)
        }
        guard errors.isEmpty, let on, let version else { return refused(errors) }
        let handler:
            @Sendable (ReviewManagementAPI.ReportVersionStepRequest, CallContext) async throws -> ReviewManagementAPI.ReportVersionStepResponse
        let recorded: String
        switch method.info.name {
        case ReviewManagementAPI.confirmTermsOfReferenceMet.info.name: (handler, recorded) = (handlers.confirmTermsOfReferenceMet, "confirmed")
        case ReviewManagementAPI.endorseRecommendations.info.name: (handler, recorded) = (handlers.endorseRecommendations, "endorsed")
        default: (handler, recorded) = (handlers.approveReport, "approved")
        }
        return await ReviewForm.submit(
            handlers, request, method, .init(caseReference: reference, version: version, on: on), recorded: recorded, reference: reference,
            location: "\(Self.stepsPrefix)\(FormData.encode(reference.description))?recorded=\(recorded)", dates: ["on"], handler: handler,
            refused: refused)
    }

    /// A step's short name: its form's fields and the confirmation.
    static func key(_ method: RPC.Method<ReviewManagementAPI.ReportVersionStepRequest, ReviewManagementAPI.ReportVersionStepResponse>) -> String {
        switch method.info.name {
        case ReviewManagementAPI.confirmTermsOfReferenceMet.info.name: "confirm"
        case ReviewManagementAPI.endorseRecommendations.info.name: "endorse"
        default: "approve"
        }
    }

    private func renderSteps(
        _ request: PageRequest, _ review: ReviewManagementAPI.Review, errors: [FieldError], values: FormData? = nil, status: Int = 200
    ) -> HTTPResponse {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(errors)
        let done = [
            "report": "The draft was submitted", "confirmed": "The terms of reference are confirmed met",
            "endorsed": "The recommendations are endorsed", "approved": "The report is approved",
        ]
        if let message = done[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(message))</h2></div>\n"
        }
        guard let report = review.report, let latest = report.versions.last else {
            html += "<p>No draft of the report has been submitted yet.</p>\n" + ReviewForm.back(reference)
            return request.page(title: "The report", errors: !errors.isEmpty, body: html, status: status)
        }
        var rows: [(String, String)] = [("Version", "\(latest.version), drafted \(ReviewForm.long(latest.draftedOn)) by \(latest.draftedBy)")]
        func step(_ steps: [ReviewManagementAPI.ReportVersionStep]) -> String {
            steps.last { $0.version == latest.version }.map { "Yes, on \(ReviewForm.long($0.on)) by \($0.recordedBy)" } ?? "Not yet"
        }
        rows.append(("Terms of reference met (review team)", step(report.termsOfReferenceMet)))
        rows.append(("Recommendations endorsed (board)", step(report.recommendationsEndorsed)))
        rows.append(
            ("Approved (board)", report.approval.map { "Version \($0.version) on \(ReviewForm.long($0.on)) by \($0.recordedBy)" } ?? "Not yet"))
        html += "<dl class=\"record\">\n" + rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined(separator: "\n")
        html += "\n</dl>\n"
        if let checklist = report.checklists.last(where: { $0.version == latest.version }) {
            html += "<table>\n<caption>The minimum contents (V9)\(checklist.passes ? ": all met" : "")</caption>\n"
            html += "<thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Met</th></tr></thead><tbody>\n"
            for entry in checklist.entries {
                let met = entry.met ? "Yes" : "No: \(entry.missing ?? "missing")"
                html += "<tr><td>\(HTML.escape(ReviewForm.words(entry.item.rawValue).capitalizedFirst))</td><td>\(HTML.escape(met))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        let roles = request.session.principal.roles
        var values: [String: String] = values?.values ?? [:]
        for key in ["confirm", "endorse", "approve"] where values["\(key).on.day"] == nil {
            ReviewForm.dateValues("\(key).on", handlers.clock.today, into: &values)
        }
        let form = FormContext(values: FormData(values: values), errors: errors.filter { $0.field != "main" })
        let forms: [(RPC.Method<ReviewManagementAPI.ReportVersionStepRequest, ReviewManagementAPI.ReportVersionStepResponse>, String, String)] = [
            (ReviewManagementAPI.confirmTermsOfReferenceMet, Self.confirmPrefix, "Confirm the report meets the terms of reference"),
            (ReviewManagementAPI.endorseRecommendations, Self.endorsePrefix, "Endorse the recommendations"),
            (ReviewManagementAPI.approveReport, Self.approvePrefix, "Approve the report"),
        ]
        if report.approval == nil {
            for (method, prefix, label) in forms where !roles.isDisjoint(with: method.info.roles) {
                html += "<form method=\"post\" action=\"\(prefix)\(ref)\" novalidate>\n"
                html += FormContext.csrf(request.session) + FormContext.idempotencyKey() + FormContext.hidden("version", "\(latest.version)")
                html += FormContext.group(legend: "\(label): version \(latest.version)", form.date("\(Self.key(method)).on", legend: "Date"))
                html += "<div class=\"buttons\">" + FormContext.button(label, value: "step") + "</div>\n</form>\n"
            }
        }
        html += ReviewForm.back(reference)
        return request.page(title: "The report", errors: !errors.isEmpty, body: html, status: status)
    }
}
