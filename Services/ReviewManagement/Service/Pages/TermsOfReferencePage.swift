import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The terms of reference (§5, Appendix 6): drafted field by field with the key lines of
/// enquiry, the team's members and the key dates as repeating groups (`DraftTermsOfReference`),
/// agreed by the Case Review Panel (`AgreeTermsOfReference`, V1), and the document as an HTML
/// page with the A4 print stylesheet.
struct TermsOfReferencePage: Sendable {
    static let (prefix, agreePrefix, documentPrefix) = ("/terms-of-reference/", "/agree-terms-of-reference/", "/documents/terms-of-reference/")
    static let keyLines = RepeatingItems(name: "scope.keyLinesOfEnquiry", parts: [""], initial: 1)
    static let members = RepeatingItems(name: "reviewTeam.members", parts: ["name", "organisation", "responsibilities"], initial: 1)
    static let keyDates = RepeatingItems(name: "timeline.keyDates", parts: ["milestone", "date.day", "date.month", "date.year"], initial: 1)
    /// The single text fields, by their path in `TermsOfReference`, with their labels and hints.
    static let texts: [(section: String, fields: [(name: String, label: String, hint: String?, multiline: Bool)])] = [
        (
            "Case summary",
            [
                ("caseSummary.seriousIncident", "The serious incident", "A brief summary of the incident that led to the review.", true),
                ("caseSummary.family", "The child and family", "Who the family are, in the review's own words (not their names).", true),
            ]
        ),
        ("Lead reviewer", [("reviewTeam.leadReviewer", "Lead reviewer", "The independent reviewer appointed to lead the review.", false)]),
        ("Scope", [("scope.periodRationale", "Why this period", "The rationale for the time period under review.", true)]),
        (
            "Involving the child and family",
            [
                ("familyInvolvement.plans", "Plans to involve the child and family", nil, true),
                ("familyInvolvement.responsibleForContact", "Who is responsible for contact with the family", nil, false),
            ]
        ),
        ("Methodology", [("methodology", "Methodology", "How the review will be carried out.", true)]),
        (
            "Legal considerations",
            [
                (
                    "legal.parallelInvestigations", "Parallel investigations",
                    "Criminal, coronial or other proceedings and how the review relates to them.", true
                ),
                ("legal.legalAdvice", "Legal advice", nil, true),
            ]
        ),
        (
            "Racial, cultural, linguistic and religious considerations",
            [
                ("otherConsiderations.racial", "Racial", nil, true), ("otherConsiderations.cultural", "Cultural", nil, true),
                ("otherConsiderations.linguistic", "Linguistic", nil, true), ("otherConsiderations.religious", "Religious", nil, true),
                ("otherConsiderations.other", "Other considerations (optional)", nil, true),
            ]
        ),
    ]
    let handlers: ReviewManagementHandlers

    // MARK: Draft

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = review.termsOfReference.last.map { Self.values(of: $0.termsOfReference) } ?? FormData(values: [:])
        let page = render(request, review, FormContext(values: values))
        return await request.audited("TermsOfReferenceForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values = ReviewForm.values(request)
        let action = request.form["action"]
        for group in [Self.keyLines, Self.members, Self.keyDates] {
            if let changed = group.applying(action, to: values) {
                values = changed
                return render(request, review, FormContext(values: values))
            }
        }
        var errors: [FieldError] = []
        let terms = Self.terms(from: values, errors: &errors)
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        guard errors.isEmpty else { return refused(errors) }
        let call = ReviewManagementAPI.DraftTermsOfReferenceRequest(caseReference: reference, termsOfReference: terms)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.draftTermsOfReference, call, recorded: "terms-of-reference", reference: reference,
            dates: ["scope.periodFrom", "scope.periodTo", "timeline.presentationToPartners", "date"], handler: handlers.draftTermsOfReference,
            refused: refused)
    }

    /// The form's values of a version (to redraft from).
    static func values(of terms: TermsOfReference) -> FormData {
        var values: [String: String] = [:]
        let texts: [String: String?] = [
            "caseSummary.seriousIncident": terms.caseSummary.seriousIncident, "caseSummary.family": terms.caseSummary.family,
            "reviewTeam.leadReviewer": terms.reviewTeam.leadReviewer, "scope.periodRationale": terms.scope.periodRationale,
            "familyInvolvement.plans": terms.familyInvolvement.plans,
            "familyInvolvement.responsibleForContact": terms.familyInvolvement.responsibleForContact, "methodology": terms.methodology,
            "legal.parallelInvestigations": terms.legal.parallelInvestigations, "legal.legalAdvice": terms.legal.legalAdvice,
            "otherConsiderations.racial": terms.otherConsiderations.racial, "otherConsiderations.cultural": terms.otherConsiderations.cultural,
            "otherConsiderations.linguistic": terms.otherConsiderations.linguistic,
            "otherConsiderations.religious": terms.otherConsiderations.religious, "otherConsiderations.other": terms.otherConsiderations.other,
        ]
        for (name, value) in texts { if let value { values[name] = value } }
        ReviewForm.dateValues("scope.periodFrom", terms.scope.periodFrom, into: &values)
        ReviewForm.dateValues("scope.periodTo", terms.scope.periodTo, into: &values)
        ReviewForm.dateValues("timeline.presentationToPartners", terms.timeline.presentationToPartners, into: &values)
        for (index, line) in terms.scope.keyLinesOfEnquiry.enumerated() { values[keyLines.field(index, "")] = line }
        values["count.\(keyLines.name)"] = "\(max(1, terms.scope.keyLinesOfEnquiry.count))"
        for (index, member) in terms.reviewTeam.members.enumerated() {
            values[members.field(index, "name")] = member.name
            values[members.field(index, "organisation")] = member.organisation
            values[members.field(index, "responsibilities")] = member.responsibilities
        }
        values["count.\(members.name)"] = "\(max(1, terms.reviewTeam.members.count))"
        for (index, keyDate) in terms.timeline.keyDates.enumerated() {
            values[keyDates.field(index, "milestone")] = keyDate.milestone
            ReviewForm.dateValues(keyDates.field(index, "date"), keyDate.date, into: &values)
        }
        values["count.\(keyDates.name)"] = "\(max(1, terms.timeline.keyDates.count))"
        return FormData(values: values)
    }

    /// The draft the form holds; its dates' errors appended to `errors`. Blank repeating items
    /// are left out (a form opens with one empty item of each).
    static func terms(from values: FormData, errors: inout [FieldError]) -> TermsOfReference {
        var terms = TermsOfReference()
        terms.caseSummary = CaseSummary(seriousIncident: values.text("caseSummary.seriousIncident"), family: values.text("caseSummary.family"))
        var team: [ReviewTeamMember] = []
        for index in 0..<members.count(values) {
            let (name, organisation) = (values.text(members.field(index, "name")), values.text(members.field(index, "organisation")))
            let responsibilities = values.text(members.field(index, "responsibilities"))
            if name == nil && organisation == nil && responsibilities == nil { continue }
            team.append(ReviewTeamMember(name: name ?? "", organisation: organisation ?? "", responsibilities: responsibilities))
        }
        terms.reviewTeam = ReviewTeamPlan(leadReviewer: values.text("reviewTeam.leadReviewer"), members: team)
        let from = DateInput.read(values, "scope.periodFrom", label: "Start of the period under review", required: false, errors: &errors)
        let to = DateInput.read(values, "scope.periodTo", label: "End of the period under review", required: false, errors: &errors)
        let lines = (0..<keyLines.count(values)).compactMap { values.text(keyLines.field($0, "")) }
        terms.scope = ReviewScope(periodFrom: from, periodTo: to, periodRationale: values.text("scope.periodRationale"), keyLinesOfEnquiry: lines)
        terms.familyInvolvement = FamilyInvolvementPlan(
            plans: values.text("familyInvolvement.plans"), responsibleForContact: values.text("familyInvolvement.responsibleForContact"))
        terms.methodology = values.text("methodology")
        terms.legal = LegalConsiderations(
            parallelInvestigations: values.text("legal.parallelInvestigations"), legalAdvice: values.text("legal.legalAdvice"))
        terms.otherConsiderations = OtherConsiderations(
            racial: values.text("otherConsiderations.racial"), cultural: values.text("otherConsiderations.cultural"),
            linguistic: values.text("otherConsiderations.linguistic"), religious: values.text("otherConsiderations.religious"),
            other: values.text("otherConsiderations.other"))
        var dates: [KeyDate] = []
        for index in 0..<keyDates.count(values) {
            let milestone = values.text(keyDates.field(index, "milestone"))
            let field = keyDates.field(index, "date")
            let blankDate = ["day", "month", "year"].allSatisfy { values.text("\(field).\($0)") == nil }
            if milestone == nil && blankDate { continue }
            let date = DateInput.read(values, field, label: "Key date \(index + 1)'s date", required: true, errors: &errors)
            if milestone == nil {
                errors.append(FieldError(field: keyDates.field(index, "milestone"), message: "Key date \(index + 1)'s milestone: name the milestone"))
            }
            if let milestone, let date { dates.append(KeyDate(milestone: milestone, date: date)) }
        }
        let presentation = DateInput.read(
            values, "timeline.presentationToPartners", label: "Presentation to the partners", required: false, errors: &errors)
        terms.timeline = ReviewTimeline(keyDates: dates, presentationToPartners: presentation)
        return terms
    }

    private func render(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let values = form.values
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. Each save is a new version of the terms of reference \
            (Appendix 6). The Case Review Panel agrees a version once every field is filled in (V1); a draft may be saved before.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += Self.keyLines.hidden(values) + Self.members.hidden(values) + Self.keyDates.hidden(values)
        for (index, section) in Self.texts.enumerated() {
            var body = section.fields.map { form.text($0.name, label: $0.label, hint: $0.hint, multiline: $0.multiline) }.joined()
            if section.section == "Lead reviewer" { body += members(form) }
            if section.section == "Scope" {
                body =
                    form.date("scope.periodFrom", legend: "Start of the period under review")
                    + form.date("scope.periodTo", legend: "End of the period under review") + body + keyLinesGroup(form)
            }
            html += ReviewForm.section(index == 1 ? "The review team" : section.section, body)
        }
        html += ReviewForm.section(
            "Timeline", keyDatesGroup(form) + form.date("timeline.presentationToPartners", legend: "Presentation to the partners"))
        html += "<div class=\"buttons\">" + FormContext.button("Save the terms of reference", value: "save") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Draft the terms of reference", errors: !form.errors.isEmpty, body: html, status: status)
    }

    private func keyLinesGroup(_ form: FormContext) -> String {
        let group = Self.keyLines
        var html = ""
        for index in 0..<group.count(form.values) {
            var item = form.text(group.field(index, ""), label: "Key line of enquiry \(index + 1)", multiline: true)
            item += FormContext.button("Remove key line of enquiry \(index + 1)", value: group.removeAction(index), style: "secondary")
            html += FormContext.group(legend: "Key line of enquiry \(index + 1)", item)
        }
        return html + FormContext.button("Add another key line of enquiry", value: group.addAction, style: "secondary") + "\n"
    }

    private func members(_ form: FormContext) -> String {
        let group = Self.members
        var html = ""
        for index in 0..<group.count(form.values) {
            var item = form.text(group.field(index, "name"), label: "Name")
            item += form.text(group.field(index, "organisation"), label: "Organisation")
            item += form.text(group.field(index, "responsibilities"), label: "Responsibilities on the review", multiline: true)
            item += FormContext.button("Remove member \(index + 1)", value: group.removeAction(index), style: "secondary")
            html += FormContext.group(legend: "Review team member \(index + 1)", item)
        }
        return html + FormContext.button("Add another member", value: group.addAction, style: "secondary") + "\n"
    }

    private func keyDatesGroup(_ form: FormContext) -> String {
        let group = Self.keyDates
        var html = ""
        for index in 0..<group.count(form.values) {
            var item = form.text(group.field(index, "milestone"), label: "Milestone")
            item += form.date(group.field(index, "date"), legend: "Date")
            item += FormContext.button("Remove key date \(index + 1)", value: group.removeAction(index), style: "secondary")
            html += FormContext.group(legend: "Key date \(index + 1)", item)
        }
        return html + FormContext.button("Add another key date", value: group.addAction, style: "secondary") + "\n"
    }

    // MARK: Agree

    func agreeForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        ReviewForm.dateValues("agreedOn", handlers.clock.today, into: &values)
        let page = renderAgree(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("AgreeTermsOfReferenceForm", caseReference: reference.description, page)
    }

    func agree(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let agreedOn = DateInput.read(values, "agreedOn", label: "Date agreed", required: true, errors: &errors)
        let version = Int(values["version"])
        if version == nil { errors.append(FieldError(field: "main", message: "V1: there is no draft of the terms of reference to agree")) }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            renderAgree(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let agreedOn, let version else { return refused(errors) }
        let call = ReviewManagementAPI.AgreeTermsOfReferenceRequest(caseReference: reference, version: version, agreedOn: agreedOn)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.agreeTermsOfReference, call, recorded: "agreed", reference: reference, dates: ["agreedOn"],
            handler: handlers.agreeTermsOfReference, refused: refused)
    }

    private func renderAgree(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(form.errors)
        guard let latest = review.termsOfReference.last else {
            html += "<p>Nothing has been drafted yet (V1).</p>\n" + ReviewForm.back(reference)
            return request.page(title: "Agree the terms of reference", errors: !form.errors.isEmpty, body: html, status: status)
        }
        let missing = TermsOfReferenceRules.missing(latest.termsOfReference)
        html += """
            <p>Case <strong>\(ref)</strong>: version \(latest.version), written on \(ReviewForm.long(latest.writtenOn)). \
            <a href="\(Self.documentPrefix)\(ref)">Read it as a document</a>.</p>

            """
        if missing.isEmpty {
            html += "<p>Every field Appendix 6 asks for is filled in (V1).</p>\n"
        } else {
            html += "<div class=\"warning\"><p>V1: the panel agrees terms of reference with every field; this version lacks:</p><ul>\n"
            html += missing.map { "<li>\(HTML.escape(ReviewForm.label($0)))</li>" }.joined(separator: "\n") + "\n</ul></div>\n"
        }
        html += """
            <form method="post" action="\(Self.agreePrefix)\(ref)" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(FormContext.hidden("version", "\(latest.version)"))
            """
        html += form.date("agreedOn", legend: "Date the Case Review Panel agreed them")
        html += "<div class=\"buttons\">" + FormContext.button("Agree version \(latest.version)", value: "agree") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Agree the terms of reference", errors: !form.errors.isEmpty, body: html, status: status)
    }

    // MARK: Document

    /// `GetTermsOfReferenceDocument` run as a call (`PageCall`: refused and audited as the
    /// call is), shown with the A4 print stylesheet.
    func document(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request) else { return ReviewForm.notFound(request) }
        let call = ReviewManagementAPI.GetTermsOfReferenceDocumentRequest(caseReference: reference, version: Int(request.query["version"]))
        let context = handlers.context
        let result = await PageCall.run(
            ReviewManagementAPI.getTermsOfReferenceDocument, call, session: request.session, idempotencyKey: nil, database: context.database,
            logger: context.logger, writeRate: context.writeRate, handler: handlers.getTermsOfReferenceDocument)
        let title = "Terms of reference"
        switch result {
        case .failure(let error):
            let status = ReviewForm.status(of: error)
            return PageResponse.message(status, title: title, text: error.message, session: request.session, settings: request.settings)
        case .success(let document):
            let body = """
                <nav class="document-nav"><p><a href="\(ReviewPages.casePrefix)\(HTML.escape(reference.description))">Back to the review</a> · \
                Version \(document.version)\(document.agreed ? ", agreed" : ", not agreed yet"). Print this page for the PDF (A4).</p></nav>
                <article class="document">
                \(PrintDocument.render(document.document))</article>

                """
            return PageResponse.html(
                FormPage.document(
                    title: "\(title) \(reference)", heading: title, session: request.session, settings: request.settings, mainClass: "document-page",
                    body: body))
        }
    }
}
