import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The lead reviewer's answers to Appendix 15 §4's seven quality markers for one report version
/// (`RecordQualityMarkers`): advisory, they never decide approval. Each marker's answer and
/// comment are `answers[i].answer` and `answers[i].comment` in Appendix 15's order, prefilled
/// from the version's checklist; a marker left unanswered is not sent.
struct QualityMarkersPage: Sendable {
    static let prefix = "/quality-markers/"
    static let markers = ReviewManagementAPI.QualityMarker.allCases
    let handlers: ReviewManagementHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let report = review.report
        let version = Int(request.query["version"]) ?? report?.versions.last?.version
        var values: [String: String] = ["version": version.map(String.init) ?? ""]
        let entries = report?.checklists.first { $0.version == version }?.qualityMarkers ?? []
        for (index, marker) in Self.markers.enumerated() {
            guard let entry = entries.first(where: { $0.marker == marker }) else { continue }
            values["answers[\(index)].answer"] = entry.answer?.rawValue
            values["answers[\(index)].comment"] = entry.comment
        }
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("QualityMarkersForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var sent: [Int] = []
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            // The call's `answers[k]` is the k-th answered marker: put back to the form's row;
            // "answers" (none answered) goes to the first marker's answer.
            let errors = errors.map { error -> FieldError in
                if error.field == "answers" { return FieldError(field: "answers[0].answer", message: error.message) }
                guard error.field.hasPrefix("answers["), let close = error.field.firstIndex(of: "]"),
                    let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: 8)..<close]), index < sent.count
                else { return error }
                return FieldError(field: "answers[\(sent[index])].answer", message: error.message)
            }
            return await request.audited(
                "QualityMarkersForm", caseReference: reference.description,
                render(request, review, FormContext(values: values, errors: errors), status: 400))
        }
        guard let version = Int(values["version"]) else {
            return await refused([FieldError(field: "version", message: "Choose the report version")])
        }
        var answers: [ReviewManagementAPI.QualityMarkerResponse] = []
        for (index, marker) in Self.markers.enumerated() {
            guard let answer = ReviewManagementAPI.QualityMarkerAnswer(rawValue: values["answers[\(index)].answer"]) else { continue }
            sent.append(index)
            answers.append(.init(marker: marker, answer: answer, comment: values.text("answers[\(index)].comment")))
        }
        let call = ReviewManagementAPI.RecordQualityMarkersRequest(caseReference: reference, version: version, answers: answers)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.recordQualityMarkers, call, recorded: "quality-markers", reference: reference,
            handler: handlers.recordQualityMarkers, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Appendix 15 §4: questions reviewers may wish to consider. The answers are advisory: they never decide the report's \
            approval (V9 does). A later answer to the same marker of the same version replaces it; a marker left unanswered is not sent.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        let versions = review.report?.versions.map(\.version) ?? []
        if versions.isEmpty { html += "<p>No draft of the report has been submitted yet.</p>\n" }
        html += form.radios("version", legend: "Report version", options: versions.reversed().map { ("\($0)", "Version \($0)") })
        for (index, marker) in Self.markers.enumerated() {
            var item = form.radios(
                "answers[\(index)].answer", legend: marker.question, options: [("yes", "Yes"), ("partly", "Partly"), ("no", "No")])
            item += form.text("answers[\(index)].comment", label: "Comment (optional)", multiline: true)
            html += ReviewForm.section("Quality marker \(index + 1)", item)
        }
        html += "<div class=\"buttons\">" + FormContext.button("Record the answers", value: "record") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "The quality markers (Appendix 15)", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
