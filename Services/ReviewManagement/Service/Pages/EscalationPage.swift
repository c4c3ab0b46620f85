import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// An overdue agency request escalated (§2.1.7): the Case Review Panel, then the agency's
/// Strategic Safeguarding Lead, then the safeguarding partners, each posted to
/// `EscalateAgencyRequest`'s handler. The form offers the overdue agencies with the step each
/// is at; `?agency=` (the agency requests page's link) chooses one.
struct EscalationPage: Sendable {
    static let prefix = "/agency-escalation/"
    let handlers: ReviewManagementHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let standings = await overdue(reference)
        var values: [String: String] = [:]
        let chosen = standings.first { $0.request.agency == request.query["agency"] } ?? (standings.count == 1 ? standings.first : nil)
        if let chosen {
            values["agency"] = chosen.request.agency
            values["level"] = Self.nextLevel(after: chosen.escalatedTo)?.rawValue
        }
        let page = render(request, review, standings, FormContext(values: FormData(values: values)))
        return await request.audited("AgencyEscalationForm", caseReference: reference.description, page)
    }

    func escalate(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        let standings = await overdue(reference)
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            await request.audited(
                "AgencyEscalationForm", caseReference: reference.description,
                render(request, review, standings, FormContext(values: values, errors: errors), status: 400))
        }
        var errors: [FieldError] = []
        if values.text("agency") == nil { errors.append(FieldError(field: "agency", message: "Choose the agency whose request is overdue")) }
        let level = ReviewManagementAPI.EscalationLevel(rawValue: values["level"])
        if level == nil { errors.append(FieldError(field: "level", message: "Choose who the request is escalated to")) }
        guard errors.isEmpty, let level else { return await refused(errors) }
        let call = ReviewManagementAPI.EscalateAgencyRequestRequest(
            caseReference: reference, agency: values["agency"], level: level, reason: values["reason"])
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.escalateAgencyRequest, call, recorded: "escalated", reference: reference,
            handler: handlers.escalateAgencyRequest, refused: refused)
    }

    /// The requests overdue today, with the last step taken for each.
    private func overdue(_ reference: CaseReference) async -> [ReviewManagementAPI.AgencyRequestStanding] {
        let view = try? await handlers.store.review(reference).agencyRequestsView(today: handlers.clock.today)
        return view?.requests.filter(\.overdue) ?? []
    }

    /// §2.1.7's step after `level`; the first when none has been taken.
    static func nextLevel(after level: ReviewManagementAPI.EscalationLevel?) -> ReviewManagementAPI.EscalationLevel? {
        let order = ReviewManagementAPI.EscalationLevel.allCases
        guard let level else { return order.first }
        guard let index = order.firstIndex(of: level), index + 1 < order.count else { return nil }
        return order[index + 1]
    }

    /// A step in words.
    static func words(_ level: ReviewManagementAPI.EscalationLevel) -> String {
        switch level {
        case .caseReviewPanel: "The Case Review Panel"
        case .strategicSafeguardingLead: "The agency's Strategic Safeguarding Lead"
        case .safeguardingPartners: "The safeguarding partners, for formal action"
        }
    }

    private func render(
        _ request: PageRequest, _ review: ReviewManagementAPI.Review, _ standings: [ReviewManagementAPI.AgencyRequestStanding], _ form: FormContext,
        status: Int = 200
    ) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>A request still outstanding after its due date is escalated in §2.1.7's order: first the Case Review Panel, \
            then the agency's Strategic Safeguarding Lead, last the safeguarding partners. Each step is recorded.</p>

            """
        let known = standings.map(\.request.agency)
        if standings.isEmpty { html += "<p>No agency's request is overdue today.</p>\n" }
        html += "<form method=\"post\" action=\"\(Self.prefix)\(HTML.escape(reference.description))\" novalidate>\n"
        html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
        // An agency no longer overdue when the form comes back refused stays chosen, as posted.
        let posted = form.values["agency"]
        let agencies = known + (posted.isEmpty || known.contains(posted) ? [] : [posted])
        html += form.radios(
            "agency", legend: "Agency",
            options: agencies.map { agency in
                let standing = standings.first { $0.request.agency == agency }
                let step = standing.map {
                    "due \(ReviewForm.long($0.request.dueOn))" + ($0.escalatedTo.map { ", now with \(Self.words($0).lowercased())" } ?? "")
                }
                return (agency, step.map { "\(agency) (\($0))" } ?? agency)
            })
        html += form.radios(
            "level", legend: "Escalated to", hint: "The next step in order.",
            options: ReviewManagementAPI.EscalationLevel.allCases.map { ($0.rawValue, Self.words($0)) })
        html += form.text("reason", label: "Why", hint: "What is outstanding and what was tried. No names.", multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Record the escalation", value: "escalate") + "</div>\n</form>\n"
        html += "<nav><p><a href=\"\(AgencyPages.requestPrefix)\(HTML.escape(reference.description))\">The agencies asked</a></p></nav>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Escalate an overdue agency request", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
