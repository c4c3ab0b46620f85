import Contract
import H2
import ServiceKit
import WebForms

/// The panel's recommendation (Appendix 5 §3, R7, R8): exactly one of a-j with its statement
/// and reasons; after the chair's question (R9), the answer with the revised recommendation.
/// Posts to `AgreeRecommendation`'s own handler.
struct RecommendationPage: Sendable {
    static let prefix = "/recommendation/"
    let handlers: RapidReviewHandlers

    /// Appendix 5 §3's options, in its words.
    static func words(_ recommendation: Recommendation) -> String {
        switch recommendation {
        case .nationalReview: "The case meets the criteria for a national Child Safeguarding Practice Review"
        case .localReview: "The case meets the criteria for a local Child Safeguarding Practice Review"
        case .alternativeLearningReview: "It does not meet the criteria, but warrants an alternative learning review"
        case .otherStatutoryReview: "It warrants consideration of a DHR, SAR, MAPPA SFO or other review (state which)"
        case .singleAgencyReview: "It warrants a single-agency review"
        case .multiAgencyAudit: "It warrants a multi-agency audit"
        case .singleAgencyAudit: "It warrants a single-agency audit"
        case .noFurtherAction: "No further action is needed"
        case .learningActedUpon: "Learning has been identified and acted upon, so no further review is needed"
        case .other: "Other (state)"
        }
    }

    static let all: [Recommendation] = [
        .nationalReview, .localReview, .alternativeLearningReview, .otherStatutoryReview, .singleAgencyReview, .multiAgencyAudit,
        .singleAgencyAudit, .noFurtherAction, .learningActedUpon, .other,
    ]

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        var values: [String: String] = [:]
        // A revision starts from the version the chair asked about.
        if let last = review.recommendations.last?.decision {
            values["decision.recommendation"] = last.recommendation.rawValue
            values["decision.statement"] = last.statement ?? ""
            values["decision.reasons"] = last.reasons
            values["decision.otherOptionsConsidered"] = last.otherOptionsConsidered ?? ""
            values["decision.whyNoFurtherLearning"] = last.whyNoFurtherLearning ?? ""
            values["decision.keyPracticeEpisodes"] = last.keyPracticeEpisodes ?? ""
            values["decision.racismAndInequalities"] = last.racismAndInequalities ?? ""
        }
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("RecommendationForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let values = CaseForm.values(request)
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        guard let recommendation = Recommendation(rawValue: values["decision.recommendation"]) else {
            return refused([FieldError(field: "decision.recommendation", message: "Recommendation: R7: choose exactly one of a to j")])
        }
        let decision = RecommendationDecision(
            recommendation: recommendation, statement: values.text("decision.statement"), reasons: values["decision.reasons"],
            otherOptionsConsidered: values.text("decision.otherOptionsConsidered"),
            whyNoFurtherLearning: values.text("decision.whyNoFurtherLearning"),
            keyPracticeEpisodes: values.text("decision.keyPracticeEpisodes"), racismAndInequalities: values.text("decision.racismAndInequalities"))
        let call = RapidReviewAPI.AgreeRecommendationRequest(
            caseReference: reference, decision: decision, answerToClarification: values.text("answerToClarification"))
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.agreeRecommendation, call, recorded: "recommendation", reference: reference,
            handler: handlers.agreeRecommendation, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        if let main = form.errors.first(where: { $0.field == "main" }) {
            html += "<p class=\"error-message\" id=\"main-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(main.message))</p>\n"
        }
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The panel agrees exactly one recommendation; the independent \
            chair then ratifies it or asks for clarification (R9).</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))#main" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        if let question = review.clarifications.last(where: { $0.answer == nil }) {
            html += CaseForm.section(
                "The independent chair's question",
                "<blockquote><p>\(HTML.escape(question.question))</p></blockquote>\n"
                    + form.text(
                        "answerToClarification", label: "The panel's answer", hint: "Revise the recommendation below if the answer changes it.",
                        multiline: true))
        }
        let options = Self.all.map { ($0.rawValue, "\($0.letter)) \(Self.words($0))") }
        html += CaseForm.section(
            "3. The recommendation (R7, R8)",
            form.radios("decision.recommendation", legend: "The Rapid Review recommends that", options: options)
                + form.text("decision.statement", label: "Please state (for d and j)", multiline: true)
                + form.text("decision.reasons", label: "Reasons, including the potential identified for additional learning", multiline: true)
                + form.text("decision.otherOptionsConsidered", label: "Other review options considered (for c to j)", multiline: true)
                + form.text("decision.whyNoFurtherLearning", label: "Why no further learning is to be gained (for h and i)", multiline: true)
                + form.text("decision.keyPracticeEpisodes", label: "Key practice episodes (Working Together 2023)", multiline: true)
                + form.text(
                    "decision.racismAndInequalities",
                    label: "How racism and other inequalities may have influenced the child's experience and the practice (Working Together 2023)",
                    multiline: true))
        html += "<div class=\"buttons\">" + FormContext.button("Agree the recommendation", value: "agree") + "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Agree the recommendation", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
