import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The National Panel's decision on a recommended national review (§1.1.3, T7), recorded once:
/// it takes the review on, or declines, and then the partners decide whether to commission a
/// local review (b, c or e; its date starts T7) and why. Posts to `RecordNationalPanelDecision`.
struct NationalPanelPage: Sendable {
    static let prefix = "/national-panel-decision/"
    /// The reviews the partners may commission after the Panel declines, in Appendix 5's words.
    static let kinds: [(Recommendation, String)] = [
        (.localReview, "b) A local Child Safeguarding Practice Review"), (.alternativeLearningReview, "c) An alternative learning review"),
        (.singleAgencyReview, "e) A single-agency review"),
    ]
    let handlers: ReviewManagementHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        ReviewForm.dateValues("panelDecidedOn", handlers.clock.today, into: &values)
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("NationalPanelDecisionForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let decidedOn = DateInput.read(values, "panelDecidedOn", label: "Date the National Panel decided", required: true, errors: &errors)
        let verdict = ReviewManagementAPI.NationalPanelVerdict(rawValue: values["verdict"])
        if verdict == nil { errors.append(FieldError(field: "verdict", message: "Choose what the National Panel decided")) }
        var partners: ReviewManagementAPI.PartnersDecision?
        if verdict == .declined {
            let partnersOn = DateInput.read(
                values, "partnersDecision.decidedOn", label: "Date the partners decided", required: true, errors: &errors)
            let commission: Bool? = ["yes": true, "no": false][values["partnersDecision.commissionLocally"]]
            if commission == nil {
                errors.append(
                    FieldError(field: "partnersDecision.commissionLocally", message: "Answer yes or no: do the partners commission a local review?"))
            }
            if let partnersOn, let commission {
                partners = ReviewManagementAPI.PartnersDecision(
                    commissionLocally: commission, decidedOn: partnersOn,
                    reviewKind: commission ? Recommendation(rawValue: values["partnersDecision.reviewKind"]) : nil,
                    reasons: values["partnersDecision.reasons"])
            }
        }
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        guard errors.isEmpty, let decidedOn, let verdict else { return refused(errors) }
        let call = ReviewManagementAPI.RecordNationalPanelDecisionRequest(
            caseReference: reference, verdict: verdict, panelDecidedOn: decidedOn, partnersDecision: partners)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.recordNationalPanelDecision, call, recorded: "national-panel", reference: reference,
            dates: ["panelDecidedOn", "decidedOn"], handler: handlers.recordNationalPanelDecision, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        if let main = form.errors.first(where: { $0.field == "main" }) {
            html += "<p class=\"error-message\" id=\"main-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(main.message))</p>\n"
        }
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The Rapid Review recommended a national review (a). Record \
            what the National Panel decided; if it declined, what the safeguarding partners then decided and why (§1.1.3). A local \
            review's commissioning date starts T7.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.radios(
            "verdict", legend: "What did the National Panel decide?",
            options: [("accepted", "It takes the national review on"), ("declined", "It declines: the partners decide locally")])
        html += form.date("panelDecidedOn", legend: "Date the National Panel decided")
        let partners =
            form.radios(
                "partnersDecision.commissionLocally", legend: "Do the partners commission a local review?",
                options: [("yes", "Yes"), ("no", "No")])
            + form.date("partnersDecision.decidedOn", legend: "Date the partners decided", hint: "When they commission, T7 counts from this day.")
            + form.radios(
                "partnersDecision.reviewKind", legend: "The review they commission (if they do)", options: Self.kinds.map { ($0.0.rawValue, $0.1) })
            + form.text(
                "partnersDecision.reasons", label: "Why", hint: "A decision not to commission says why no local learning is sought.",
                multiline: true)
        html += FormContext.group(legend: "If the National Panel declined: the partners' decision", partners)
        html += "<div class=\"buttons\">" + FormContext.button("Record the decision", value: "record") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "The National Panel's decision", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
