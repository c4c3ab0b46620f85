import Contract
import H2
import RPC
import ServiceKit
import WebForms

/// Several action plan items in one form (`/action-plan-items/<case>`), a repeating group
/// without scripts: "Add another item" and each item's "Remove" post the form and return it
/// with one item more or less, what was typed kept. "Add the items" posts each item to
/// `AddActionPlanItem`'s own handler in order and stops at the first refusal: the items before
/// it are added (the page says how many), the refused one and those after it stay on the form
/// with the message beside its field. The whole post is applied once per hidden key.
struct ActionItemsPage: Sendable {
    static let prefix = "/action-plan-items/"
    /// Each item's fields after `items[i].`.
    static let parts = [
        "source", "recommendationNumber", "agreedAction", "ownerAgency", "leadOfficer", "targetDate.day", "targetDate.month", "targetDate.year",
    ]
    let handlers: PublicationHandlers

    /// `items[index].part`.
    static func field(_ index: Int, _ part: String) -> String { "items[\(index)].\(part)" }

    /// The items in the form (1 to 20).
    static func count(_ values: FormData) -> Int { max(1, min(20, Int(values["count.items"]) ?? 1)) }

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = PageForm.reference(request) else { return PageForm.notFound(request) }
        let missing = await PageForm.actionPlan(handlers, reference)?.recommendationsWithoutItems ?? []
        // One item per recommendation still without one (P6), or one empty item.
        var values: [String: String] = ["count.items": "\(max(1, missing.count))"]
        for (index, number) in missing.enumerated() {
            values[Self.field(index, "source")] = "recommendation"
            values[Self.field(index, "recommendationNumber")] = "\(number)"
        }
        let page = render(request, reference, FormContext(values: FormData(values: values)), added: 0)
        return await request.audited("action-items-form", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = PageForm.reference(request) else { return PageForm.notFound(request) }
        let values = PageForm.values(request)
        let action = request.form["action"]
        if let changed = Self.applying(action, to: values) {
            return render(request, reference, FormContext(values: changed), added: 0)
        }
        var errors: [FieldError] = []
        let count = Self.count(values)
        let items = (0..<count).compactMap { Self.read(reference, values, index: $0, errors: &errors) }
        guard errors.isEmpty else { return render(request, reference, FormContext(values: values, errors: errors), added: 0, status: 400) }
        let location = "\(ActionPlanPages.prefix)\(FormData.encode(reference.description))?recorded=items"
        // Each item is its own call; the page's key (`page_posts`) makes the whole post once.
        let outcome = await PageForm.submitEach(handlers, request, items, location: location) { item in
            await PageCall.run(
                PublicationAPI.addActionPlanItem, item, session: request.session, idempotencyKey: nil, database: handlers.context.database,
                logger: handlers.context.logger, writeRate: handlers.context.writeRate, handler: handlers.addActionPlanItem
            ).map { _ in () }
        }
        guard case .refused(let index, let error) = outcome else {
            if case .answered(let answer) = outcome { return answer }
            return PageForm.unavailable(request)
        }
        let refusal = (index: index, errors: Self.itemErrors(error, index: index))
        // The items before the refused one are added: the form keeps the rest, renumbered from 0.
        var kept: [String: String] = ["count.items": "\(count - refusal.index)"]
        for index in refusal.index..<count {
            for part in Self.parts { kept[Self.field(index - refusal.index, part)] = values[Self.field(index, part)] }
        }
        let rebased = Self.itemErrors(refusal.errors, from: refusal.index)
        return render(request, reference, FormContext(values: FormData(values: kept), errors: rebased), added: refusal.index, status: 400)
    }

    /// The form after "Add another item" or an item's "Remove", or nil for another button.
    static func applying(_ action: String, to values: FormData) -> FormData? {
        var fields = values.values
        let count = count(values)
        if action == "add:items" {
            fields["count.items"] = "\(min(20, count + 1))"
            return FormData(values: fields)
        }
        guard action.hasPrefix("remove:items:"), let index = Int(action.dropFirst("remove:items:".count)), (0..<count).contains(index), count > 1
        else { return nil }
        for item in index..<count {
            for part in parts { fields[field(item, part)] = item + 1 < count ? values[field(item + 1, part)] : nil }
        }
        fields["count.items"] = "\(count - 1)"
        return FormData(values: fields)
    }

    /// Item `index`'s request, or nil with its errors.
    static func read(_ reference: CaseReference, _ values: FormData, index: Int, errors: inout [FieldError]) -> PublicationAPI
        .AddActionPlanItemRequest?
    {
        let (f, label) = ({ (part: String) in field(index, part) }, "Item \(index + 1)'s ")
        let source = PublicationAPI.ActionSource(rawValue: values[f("source")])
        if source == nil { errors.append(FieldError(field: f("source"), message: "\(label)source: choose where it comes from")) }
        var number: Int?
        if let text = values.text(f("recommendationNumber")) {
            number = Int(text)
            if number == nil {
                errors.append(FieldError(field: f("recommendationNumber"), message: "\(label)recommendation number must be a number"))
            }
        }
        let target = DateInput.read(values, f("targetDate"), label: "\(label)target date", required: true, errors: &errors)
        guard let source, let target else { return nil }
        return .init(
            caseReference: reference, source: source, recommendationNumber: number, agreedAction: values.text(f("agreedAction")) ?? "",
            ownerAgency: values.text(f("ownerAgency")) ?? "", leadOfficer: values.text(f("leadOfficer")) ?? "", targetDate: target)
    }

    /// A call's refusal of item `index` beside that item's field.
    static func itemErrors(_ error: RPCError, index: Int) -> [FieldError] {
        PageForm.fieldErrors(error, dates: ["targetDate"], preconditions: ["P6": "recommendationNumber"]).map { error in
            error.field == "main" || error.field == "caseReference"
                ? error
                : FieldError(
                    field: field(index, error.field),
                    message: "Item \(index + 1)'s " + error.message.prefix(1).lowercased() + error.message.dropFirst())
        }
    }

    /// Errors of item `from` and after, renumbered as the form keeps them (from item 1).
    static func itemErrors(_ errors: [FieldError], from: Int) -> [FieldError] {
        errors.map { error in
            guard error.field.hasPrefix("items[\(from)]") else { return error }
            return FieldError(
                field: "items[0]" + error.field.dropFirst("items[\(from)]".count),
                message: error.message.replacingOccurrences(of: "Item \(from + 1)'s", with: "Item 1's"))
        }
    }

    private func render(_ request: PageRequest, _ reference: CaseReference, _ form: FormContext, added: Int, status: Int = 200) -> HTTPResponse {
        let ref = HTML.escape(FormData.encode(reference.description))
        var html = FormContext.errorSummary(form.errors)
        if added > 0 {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(added) item\(added == 1 ? "" : "s") added</h2>"
            html += "<p>The items below were not added yet: correct the first and add them again.</p></div>\n"
        }
        html += "<p>Case <strong>\(HTML.escape(reference.description))</strong>. Each agreed action, who owns it and by when "
        html += "(Appendix 16); each recommendation becomes items (P6).</p>\n"
        html +=
            "<form method=\"post\" action=\"\(Self.prefix)\(ref)\" novalidate>\n" + FormContext.csrf(request.session) + FormContext.idempotencyKey()
        let count = Self.count(form.values)
        html += FormContext.hidden("count.items", "\(count)")
        for index in 0..<count {
            let f = { (part: String) in Self.field(index, part) }
            var item = form.radios(
                f("source"), legend: "Where it comes from",
                options: [
                    ("recommendation", "A recommendation of the report"), ("rapidReviewImmediateAction", "An immediate action of the Rapid Review"),
                    ("decisionH", "A Rapid Review decided h (single-agency)"), ("decisionI", "A Rapid Review decided i (no review)"),
                ])
            item += form.text(f("recommendationNumber"), label: "Recommendation number (for a recommendation)", inputmode: "numeric")
            item += form.text(f("agreedAction"), label: "Agreed action", multiline: true)
            item += form.text(f("ownerAgency"), label: "Agency responsible") + form.text(f("leadOfficer"), label: "Lead officer, by role")
            item += form.date(f("targetDate"), legend: "Target date")
            if count > 1 { item += FormContext.button("Remove item \(index + 1)", value: "remove:items:\(index)", style: "secondary") }
            html += FormContext.group(legend: "Item \(index + 1)", item)
        }
        html += "<div class=\"buttons\">" + FormContext.button("Add another item", value: "add:items", style: "secondary")
        html += FormContext.button("Add the items", value: "items") + "</div>\n</form>\n"
        html += PageForm.back(reference)
        return request.page(title: "Add action plan items", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
