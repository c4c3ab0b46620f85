import Contract
import H2
import ServiceKit
import WebForms

/// Scheduling the meeting (T4, §4.4.2): its date and format, and why when the date is outside
/// the T4 window or after the T6 deadline. Posts to `ScheduleMeeting`'s own handler.
struct SchedulePage: Sendable {
    static let prefix = "/schedule/"
    let handlers: RapidReviewHandlers

    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        var values: [String: String] = ["format": review.schedule.last?.format.rawValue ?? MeetingFormat.faceToFace.rawValue]
        if let date = review.schedule.last?.date {
            values["date.day"] = "\(date.day)"
            values["date.month"] = "\(date.month)"
            values["date.year"] = "\(date.year)"
        }
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("ScheduleForm", caseReference: reference.description, page)
    }

    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let values = CaseForm.values(request)
        var errors: [FieldError] = []
        let date = DateInput.read(values, "date", label: "Date of the meeting", required: true, errors: &errors)
        let format = MeetingFormat(rawValue: values["format"])
        if format == nil { errors.append(FieldError(field: "format", message: "Choose how the meeting is held")) }
        func refused(_ errors: [FieldError]) -> HTTPResponse { render(request, review, FormContext(values: values, errors: errors), status: 400) }
        guard errors.isEmpty, let date, let format else { return refused(errors) }
        let call = RapidReviewAPI.ScheduleMeetingRequest(caseReference: reference, date: date, format: format, reason: values.text("reason"))
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.scheduleMeeting, call, recorded: "schedule", reference: reference, dates: ["date"],
            handler: handlers.scheduleMeeting, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let window =
            "Between \(CaseForm.long(review.handOver.meetingEarliest)) and \(CaseForm.long(review.handOver.meetingLatest)) (T4: 7 to 13 working days after the referral)."
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The Rapid Review meeting is held ideally face to face, \
            within the T4 window; a date outside it, or after the T6 deadline, needs a reason.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.date("date", legend: "Date of the meeting", hint: window)
        html += form.radios("format", legend: "How the meeting is held", options: [("faceToFace", "Face to face"), ("telephone", "By telephone")])
        html += form.text("reason", label: "Why the date is outside the T4 window or after the T6 deadline (if it is)", multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Schedule the meeting", value: "schedule") + "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Schedule the Rapid Review meeting", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
