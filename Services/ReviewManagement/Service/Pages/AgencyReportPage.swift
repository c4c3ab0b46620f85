import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// An agency's information report (Appendix 9, V7), on the agency's own page's terms: an
/// agency's token sees and submits only its own agency's; another agency's request and a
/// missing case get the same answer. Posts to `SubmitInformationReport`'s handler.
extension AgencyPages {
    static let reportPrefix = "/agency-report/"
    /// The report's free texts, by their field path, with Appendix 9's words.
    static let reportTexts: [(section: String, fields: [(name: String, label: String)])] = [
        ("1. Parallel processes and investigations", [("report.parallelProcesses.details", "Their type and who leads them, when one is")]),
        (
            "2. Sources of information",
            [
                ("report.sources.filesSecuredBy", "Files secured by"),
                ("report.sources.documentsReviewed", "Documents reviewed, and any not seen with why"),
                ("report.sources.interviews", "Interviews undertaken"),
            ]
        ),
        (
            "3. Summary of the agency's involvement",
            [
                ("report.involvementSummary.corrections", "Corrections and additional information on the people in the case"),
                ("report.involvementSummary.context", "Contextual information not captured elsewhere"),
            ]
        ),
        ("4. Analysis of involvement", [("report.analysis", "Analysis, addressing the key lines of enquiry")]),
        ("5. Good practice", [("report.goodPractice", "Good practice identified")]),
        ("6. Key learning", [("report.keyLearning", "Key learning points")]),
        (
            "7. Single agency learning",
            [("report.singleAgencyLearning.implemented", "Actions already implemented"), ("report.singleAgencyLearning.planned", "Actions planned")]
        ),
        ("8. Multi-agency learning", [("report.multiAgencyLearning", "Multi-agency learning for the review team to consider")]),
        ("9. Other relevant information", [("report.otherInformation", "Other relevant information")]),
    ]

    func reportForm(_ request: PageRequest) async -> HTTPResponse {
        let (agency, _) = Self.agency(request)
        guard let (review, asked) = await requestTo(ReviewForm.reference(request), agency), asked.asks.contains(.informationReport) else {
            return ReviewForm.notFound(request, Self.notOpen)
        }
        var values: [String: String] = [:]
        ReviewForm.dateValues("report.completedOn", handlers.clock.today, into: &values)
        let page = renderReport(request, review, asked, FormContext(values: FormData(values: values)))
        return await request.audited("AgencyInformationReportForm", caseReference: review.reference.description, page)
    }

    func submitReport(_ request: PageRequest) async -> HTTPResponse {
        let (agency, own) = Self.agency(request)
        guard let reference = ReviewForm.reference(request), let (review, asked) = await requestTo(reference, agency),
            asked.asks.contains(.informationReport)
        else {
            return ReviewForm.notFound(request, Self.notOpen)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let completedOn = DateInput.read(values, "report.completedOn", label: "Date completed", required: true, errors: &errors)
        let endorsedOn = DateInput.read(values, "report.endorsedOn", label: "Date endorsed", required: false, errors: &errors)
        let securedOn = DateInput.read(
            values, "report.sources.filesSecuredOn", label: "Date the files were secured", required: false, errors: &errors)
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            renderReport(request, review, asked, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let completedOn else { return refused(errors) }
        func person(_ path: String) -> ReviewManagementAPI.ReportPerson? {
            guard let name = values.text("\(path).name") else { return nil }
            return ReviewManagementAPI.ReportPerson(
                name: name, designation: values.text("\(path).designation"), contactDetails: values.text("\(path).contactDetails"),
                involvement: values["\(path).involvement"] == "yes" ? .noInvolvement : nil)
        }
        func yesNo(_ name: String) -> Bool? { values[name] == "yes" ? true : values[name] == "no" ? false : nil }
        let report = ReviewManagementAPI.InformationReport(
            author: person("report.author") ?? .init(name: ""), completedOn: completedOn, endorser: person("report.endorser"), endorsedOn: endorsedOn,
            parallelProcesses: .init(underway: yesNo("report.parallelProcesses.underway"), details: values.text("report.parallelProcesses.details")),
            sources: .init(
                filesSecuredOn: securedOn, filesSecuredBy: values.text("report.sources.filesSecuredBy"),
                documentsReviewed: values.text("report.sources.documentsReviewed"), interviews: values.text("report.sources.interviews")),
            involvementSummary: .init(
                caseSummaryReviewed: yesNo("report.involvementSummary.caseSummaryReviewed"),
                corrections: values.text("report.involvementSummary.corrections"), context: values.text("report.involvementSummary.context")),
            analysis: values.text("report.analysis"), goodPractice: values.text("report.goodPractice"),
            keyLearning: values.text("report.keyLearning"),
            singleAgencyLearning: .init(
                implemented: values.text("report.singleAgencyLearning.implemented"), planned: values.text("report.singleAgencyLearning.planned")),
            multiAgencyLearning: values.text("report.multiAgencyLearning"), otherInformation: values.text("report.otherInformation"))
        let call = ReviewManagementAPI.SubmitInformationReportRequest(caseReference: reference, agency: asked.agency, report: report)
        var location = "\(Self.prefix)\(FormData.encode(reference.description))?recorded=information-report"
        if !own { location += "&agency=\(FormData.encode(asked.agency))" }
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.submitInformationReport, call, recorded: "information-report", reference: reference,
            location: location, dates: ["completedOn", "endorsedOn", "filesSecuredOn"], handler: handlers.submitInformationReport, refused: refused)
    }

    private func renderReport(
        _ request: PageRequest, _ review: Review, _ asked: ReviewManagementAPI.AgencyRequest, _ form: FormContext, status: Int = 200
    ) -> HTTPResponse {
        let ref = HTML.escape(review.reference.description)
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(ref)</strong>, \(HTML.escape(asked.agency)). Neither the individual completing this report nor the \
            senior officer endorsing it should have had any direct involvement in this case (Appendix 9); a senior officer other \
            than the author endorses it before it is submitted (V7). Sending it again makes a new version.</p>
            <form method="post" action="\(Self.reportPrefix)\(ref)" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        if !Self.agency(request).own { html += FormContext.hidden("agency", asked.agency) }
        func person(_ path: String, _ legend: String) -> String {
            FormContext.group(
                legend: legend,
                form.text("\(path).name", label: "Name") + form.text("\(path).designation", label: "Agency and designation or title")
                    + form.text("\(path).contactDetails", label: "Address, telephone and e-mail (optional)")
                    + form.checkboxes(
                        "\(path).involvement", legend: "Declaration",
                        boxes: [("\(path).involvement", "I declare I had no operational involvement in the management of the case")]))
        }
        html += person("report.author", "The individual completing the report")
        html += form.date("report.completedOn", legend: "Date completed")
        html += person("report.endorser", "The senior officer endorsing it")
        html += form.date("report.endorsedOn", legend: "Date endorsed")
        for (section, fields) in Self.reportTexts {
            var body = ""
            if section.hasPrefix("1.") {
                body += form.radios(
                    "report.parallelProcesses.underway", legend: "Is the agency undertaking an internal, multi-agency or parallel process?",
                    options: [("yes", "Yes"), ("no", "No")])
            }
            if section.hasPrefix("2.") { body += form.date("report.sources.filesSecuredOn", legend: "Date the files were secured") }
            if section.hasPrefix("3.") {
                body += form.radios(
                    "report.involvementSummary.caseSummaryReviewed", legend: "Have you reviewed the Case Summary's details?",
                    options: [("yes", "Yes"), ("no", "No")])
            }
            body += fields.map { form.text($0.name, label: $0.label, multiline: true) }.joined()
            html += ReviewForm.section(section, body)
        }
        html += "<div class=\"buttons\">" + FormContext.button("Submit the information report", value: "submit") + "</div>\n</form>\n"
        html += "<nav><p><a href=\"\(Self.prefix)\(ref)\">Back to your agency's request</a></p></nav>\n"
        return request.page(title: "Your agency's information report", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
