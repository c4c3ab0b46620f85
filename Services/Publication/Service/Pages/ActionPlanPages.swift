import Contract
import H2
import ServiceKit
import WebForms

/// A case's action plan (P6, Appendix 16) as a printable page: its items with their owners,
/// target dates, progress and RAG ratings, the recommendations still without an item, the
/// learning plans, and the links to add an item, record progress and close an item. The
/// print stylesheet (A4, navigation hidden) gives the document the board sees.
struct ActionPlanPages: Sendable {
    static let prefix = "/action-plan/"
    let handlers: PublicationHandlers

    /// `GET /action-plan/<reference>`.
    func page(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = PageForm.reference(request) else { return PageForm.notFound(request) }
        let plan = await PageForm.actionPlan(handlers, reference)
        let publication = plan == nil ? await PageForm.publication(handlers, reference) : nil
        guard plan != nil || publication != nil else { return PageForm.notFound(request) }
        let roles = request.session.principal.roles
        let ref = HTML.escape(FormData.encode(reference.description))
        var html = ""
        if let done = PublicationPages.recorded[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(done))</h2></div>\n"
        }
        var links: [String] = []
        if !roles.isDisjoint(with: PublicationAPI.addActionPlanItem.info.roles) {
            links.append("<a href=\"\(ActionPlanForms.add.prefix)\(ref)\">Add an item</a> (P6)")
            links.append("<a href=\"\(ActionItemsPage.prefix)\(ref)\">Add several items</a>, one per recommendation without one")
            if plan?.items.contains(where: { $0.status == .open }) == true {
                links.append("<a href=\"\(ActionPlanForms.progress.prefix)\(ref)\">Record progress on an item</a>")
                links.append("<a href=\"\(ActionPlanForms.close.prefix)\(ref)\">Close an item on evidence</a> (P6, §11.4.1)")
            }
            links.append("<a href=\"\(LearningPages.learningPlan.prefix)\(ref)\">Record the plan for sharing the learning</a> (§11.3.2)")
        }
        if !links.isEmpty {
            html +=
                "<nav aria-label=\"What can be done next\"><h2>What can be done next</h2>\n<ul>\n"
                + links.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>\n</nav>\n"
        }
        html += "<article class=\"document\">\n"
        html += PageForm.section("Action plan items", Self.items(plan?.items ?? []))
        if let missing = plan?.recommendationsWithoutItems, !missing.isEmpty {
            html += "<p>Recommendations without an item yet (P6): \(missing.map(String.init).joined(separator: ", ")).</p>\n"
        }
        html += PageForm.section("Target dates", PageForm.deadlines(plan?.deadlines ?? []))
        html += PageForm.section("Sharing the learning (§11.3.2)", Self.learning(plan?.learningPlans ?? []))
        html += "</article>\n"
        html += "<nav aria-label=\"Back\"><p><a href=\"\(CasePages.casePrefix)\(ref)\">The publication</a> · "
        html += "<a href=\"\(CasePages.listPath)\">All publications</a></p></nav>\n"
        let page = request.page(title: "Action plan \(reference)", body: html)
        return await request.audited("ActionPlan", caseReference: reference.description, page)
    }

    /// The items as Appendix 16's table.
    static func items(_ items: [PublicationAPI.ActionPlanItem]) -> String {
        guard !items.isEmpty else { return "<p>No items yet: add the first (a plan starts with its first item).</p>\n" }
        var html = """
            <table>
            <caption>Appendix 16: the agreed actions</caption>
            <thead><tr><th scope="col">Item</th><th scope="col">From</th><th scope="col">Agreed action</th><th scope="col">Owner</th>\
            <th scope="col">Target date</th><th scope="col">Progress (RAG)</th><th scope="col">Status</th></tr></thead>
            <tbody>

            """
        for item in items {
            let source = item.recommendationNumber.map { "Recommendation \($0)" } ?? PageForm.words(item.source.rawValue)
            let progress = item.progress.map { "\(PageForm.long($0.date)): \($0.text) (\($0.rag.rawValue.uppercased()))" }.joined(separator: "; ")
            let status = item.closure.map { "Closed on \(PageForm.long($0.judgedOn)): \($0.evidence)" } ?? "Open"
            html += "<tr><td>\(item.number)</td><td>\(HTML.escape(source))</td><td>\(HTML.escape(item.agreedAction))</td>"
            html +=
                "<td>\(HTML.escape(item.ownerAgency)), \(HTML.escape(item.leadOfficer))</td><td>\(HTML.escape(PageForm.long(item.targetDate)))</td>"
            html += "<td>\(HTML.escape(progress.isEmpty ? "None yet" : progress))</td><td>\(HTML.escape(status))</td></tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// The learning plans, the latest in force.
    static func learning(_ plans: [PublicationAPI.LearningPlan]) -> String {
        guard let plan = plans.last else { return "<p>No plan for sharing the learning yet.</p>\n" }
        return PageForm.summary([
            ("Plan", "Version \(plan.number), recorded \(PageForm.long(plan.recordedOn))"), ("How", plan.how),
            ("To whom", plan.audiences.joined(separator: ", ")), ("By when", PageForm.long(plan.byWhen)),
        ])
    }
}

/// The action plan's forms (P6, Appendix 16): each returns to the plan's page.
enum ActionPlanForms {
    /// A form's context from the plan (or, before its first item, the publication).
    static func loading(_ intro: @escaping @Sendable (PublicationAPI.ActionPlan?) -> StepContext?)
        -> @Sendable (
            PublicationHandlers, CaseReference
        ) async -> StepContext?
    {
        { handlers, reference in intro(await PageForm.actionPlan(handlers, reference)) }
    }

    /// The open items as radios' options.
    static func openItems(_ plan: PublicationAPI.ActionPlan) -> [(value: String, label: String)] {
        plan.items.filter { $0.status == .open }.map { ("\($0.number)", "Item \($0.number): \($0.agreedAction)") }
    }

    /// `AddActionPlanItem`: one item at a time. Its page post is applied once per hidden key
    /// (`page_posts`), though the call itself takes no key.
    static let add = StepForm<PublicationAPI.AddActionPlanItemRequest, PublicationAPI.ActionPlanItemResponse>(
        prefix: "/action-plan-item/", name: "action-item-form", title: "Add an action plan item", method: PublicationAPI.addActionPlanItem,
        button: "Add the item", recorded: "item", returnPrefix: ActionPlanPages.prefix, dates: ["targetDate"],
        preconditions: ["P6": "main"],
        load: loading { plan in
            let missing = plan?.recommendationsWithoutItems ?? []
            let intro =
                "<p>An agreed action, who owns it and by when (Appendix 16). Each recommendation becomes items (P6).</p>\n"
                + (missing.isEmpty ? "" : "<p>Recommendations without an item yet: \(missing.map(String.init).joined(separator: ", ")).</p>\n")
            return StepContext(intro: intro, values: ["source": "recommendation", "recommendationNumber": missing.first.map(String.init) ?? ""])
        },
        fields: { form, _ in
            form.radios(
                "source", legend: "Where it comes from",
                options: [
                    ("recommendation", "A recommendation of the report"), ("rapidReviewImmediateAction", "An immediate action of the Rapid Review"),
                    ("decisionH", "A Rapid Review decided h (single-agency)"), ("decisionI", "A Rapid Review decided i (no review)"),
                ])
                + form.text("recommendationNumber", label: "Recommendation number (for a recommendation)", inputmode: "numeric")
                + form.text("agreedAction", label: "Agreed action", multiline: true)
                + form.text("ownerAgency", label: "Agency responsible") + form.text("leadOfficer", label: "Lead officer, by role")
                + form.date("targetDate", legend: "Target date")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let source = PublicationAPI.ActionSource(rawValue: values["source"])
            if source == nil { errors.append(FieldError(field: "source", message: "Choose where the item comes from")) }
            var number: Int?
            if let text = values.text("recommendationNumber") {
                number = Int(text)
                if number == nil { errors.append(FieldError(field: "recommendationNumber", message: "Recommendation number must be a number")) }
            }
            let target = DateInput.read(values, "targetDate", label: "Target date", required: true, errors: &errors)
            guard let source, let target, errors.isEmpty else { return nil }
            return .init(
                caseReference: reference, source: source, recommendationNumber: number, agreedAction: values.text("agreedAction") ?? "",
                ownerAgency: values.text("ownerAgency") ?? "", leadOfficer: values.text("leadOfficer") ?? "", targetDate: target)
        },
        handler: { $0.addActionPlanItem })

    /// `RecordActionProgress`: a progress update with its RAG rating.
    static let progress = StepForm<PublicationAPI.RecordActionProgressRequest, PublicationAPI.ActionPlanItemResponse>(
        prefix: "/action-progress/", name: "action-progress-form", title: "Record progress on an item",
        method: PublicationAPI.recordActionProgress, button: "Record the progress", recorded: "progress", returnPrefix: ActionPlanPages.prefix,
        dates: ["date"], preconditions: ["P6": "itemNumber"],
        load: loading { plan in
            guard let plan else { return nil }
            return StepContext(intro: "<p>A progress update and its RAG rating (Appendix 16).</p>\n", options: openItems(plan))
        },
        fields: { form, context in
            form.radios("itemNumber", legend: "Which item", options: context.options) + form.date("date", legend: "Date of the update")
                + form.text("text", label: "Progress", multiline: true)
                + form.radios("rag", legend: "RAG rating", options: [("red", "Red"), ("amber", "Amber"), ("green", "Green")])
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let number = Int(values["itemNumber"])
            if number == nil { errors.append(FieldError(field: "itemNumber", message: "Choose which item")) }
            let date = DateInput.read(values, "date", label: "Date of the update", required: true, errors: &errors)
            let rag = PublicationAPI.RAGRating(rawValue: values["rag"])
            if rag == nil { errors.append(FieldError(field: "rag", message: "Choose a RAG rating")) }
            guard let number, let date, let rag else { return nil }
            return .init(caseReference: reference, itemNumber: number, date: date, text: values.text("text") ?? "", rag: rag)
        },
        handler: { $0.recordActionProgress })

    /// `CloseActionPlanItem`: closed only on evidence that the improvement is sustained.
    static let close = StepForm<PublicationAPI.CloseActionPlanItemRequest, PublicationAPI.ActionPlanItemResponse>(
        prefix: "/action-close/", name: "action-close-form", title: "Close an item on evidence", method: PublicationAPI.closeActionPlanItem,
        button: "Close the item", recorded: "close", returnPrefix: ActionPlanPages.prefix, dates: ["judgedOn"], preconditions: ["P6": "evidence"],
        load: loading { plan in
            guard let plan else { return nil }
            return StepContext(
                intro: "<p>An item is closed only with evidence that the improvement is sustained, judged by whom and when (P6, §11.4.1).</p>\n",
                options: openItems(plan))
        },
        fields: { form, context in
            form.radios("itemNumber", legend: "Which item", options: context.options)
                + form.text("evidence", label: "Evidence that the improvement is sustained", multiline: true)
                + form.date("judgedOn", legend: "Judged on") + form.text("judgedBy", label: "Judged by", hint: "For example, the Case Review Panel")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let number = Int(values["itemNumber"])
            if number == nil { errors.append(FieldError(field: "itemNumber", message: "Choose which item")) }
            let judged = DateInput.read(values, "judgedOn", label: "Judged on", required: false, errors: &errors)
            guard let number, errors.isEmpty else { return nil }
            return .init(
                caseReference: reference, itemNumber: number, evidence: values.text("evidence"), judgedOn: judged, judgedBy: values.text("judgedBy"))
        },
        handler: { $0.closeActionPlanItem })
}
