import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// Correcting the quorate meeting's record before the chair ratifies (`CorrectMeeting`): the
/// meeting's form, filled in with the record as it now reads, and why it is corrected. The
/// record as first made is kept; the correction stands in for it.
struct MeetingCorrectionPage: Sendable {
    static let prefix = "/meeting-correction/"
    let handlers: RapidReviewHandlers

    /// The record as it now reads, as the meeting form's fields.
    static func values(of meeting: RapidReviewAPI.RecordedMeeting) -> FormData {
        let content = meeting.meeting
        var values: [String: String] = ["format": meeting.format.rawValue, "caseSummary": content.caseSummary]
        func date(_ name: String, _ date: CivilDate?) { values.merge(CaseWords.dateValues(name, date)) { $1 } }
        func yesNo(_ answer: Bool) -> String { answer ? "yes" : "no" }
        date("meetingDate", content.meetingDate)
        for (index, participant) in content.participants.enumerated() {
            let field = { MeetingPage.participants.field(index, $0) }
            (values[field("name")], values[field("role")], values[field("agency")]) = (participant.name, participant.role, participant.agency)
            values[field("partnerKind")] = participant.partnerKind.rawValue
        }
        values["count.\(MeetingPage.participants.name)"] = "\(content.participants.count)"
        for (index, omission) in content.omissions.enumerated() {
            (values[MeetingPage.omissions.field(index, "agency")], values[MeetingPage.omissions.field(index, "reason")]) =
                (omission.agency, omission.reason)
        }
        values["count.\(MeetingPage.omissions.name)"] = "\(content.omissions.count)"
        values["immediateAction.allTaken"] = yesNo(content.immediateAction.allTaken)
        for (index, action) in content.immediateAction.actions.enumerated() {
            (values[MeetingPage.actions.field(index, "what")], values[MeetingPage.actions.field(index, "who")]) = (action.what, action.who)
            date(MeetingPage.actions.field(index, "byWhen"), action.byWhen)
        }
        values["count.\(MeetingPage.actions.name)"] = "\(content.immediateAction.actions.count)"
        values["immediateAction.details"] = content.immediateAction.details ?? ""
        for criterion in content.criteria { values["criteria.\(criterion.rawValue)"] = "yes" }
        let discussion = content.discussion
        (values["discussion.natureOfHarm"], values["discussion.keyIssues"]) = (discussion.natureOfHarm, discussion.keyIssues)
        values["discussion.meetsSeriousHarm"] = yesNo(discussion.meetsSeriousHarm)
        values["discussion.immediateLearning"] = discussion.immediateLearning ?? ""
        values["discussion.learningSharedBy"] = discussion.learningSharedBy ?? ""
        values["discussion.legalAdvice.answer"] = yesNo(discussion.legalAdvice.answer)
        values["discussion.legalAdvice.details"] = discussion.legalAdvice.details ?? ""
        return FormData(values: values)
    }

    /// The meeting to correct, or the page saying why there is none.
    private enum Held {
        case meeting(RapidReviewAPI.RecordedMeeting)
        case none(HTTPResponse)
    }

    /// The quorate meeting of a Rapid Review not yet ratified, or the page saying why there is none.
    private func held(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview) -> Held {
        if review.ratification != nil {
            return .none(
                PageResponse.message(
                    409, title: "Ratified", text: "R9: the outcome is ratified; the meeting's record is kept as ratified.", session: request.session,
                    settings: request.settings))
        }
        guard let meeting = review.meetings.first(where: \.quorate) else {
            return .none(
                PageResponse.message(
                    409, title: "No meeting to correct", text: "R1: only a quorate meeting's record is corrected; none is recorded yet.",
                    session: request.session, settings: request.settings))
        }
        return .meeting(meeting)
    }

    /// `GET /meeting-correction/<reference>`: the record as it now reads.
    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        switch held(request, review) {
        case .none(let page): return page
        case .meeting(let meeting):
            let page = render(request, review, FormContext(values: Self.values(of: meeting)))
            return await request.audited("MeetingCorrection", caseReference: reference.description, page)
        }
    }

    /// `POST /meeting-correction/<reference>`: a group's Add or Remove, or the correction through
    /// `CorrectMeeting`'s own handler.
    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        guard case .meeting(let meeting) = held(request, review) else { return await form(request) }
        let action = request.form["action"]
        var values = CaseForm.values(request)
        for group in [MeetingPage.participants, MeetingPage.omissions, MeetingPage.actions] {
            if let changed = group.applying(action, to: values) {
                values = changed
                break
            }
        }
        guard action == "correct" else { return render(request, review, FormContext(values: values)) }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            // The call names the content's fields under `meeting.`; the form's fields are the content's.
            let shown = errors.map {
                FieldError(field: $0.field.hasPrefix("meeting.") ? String($0.field.dropFirst(8)) : $0.field, message: $0.message)
            }
            return render(request, review, FormContext(values: values, errors: shown), status: 400)
        }
        var errors: [FieldError] = []
        if values.text("reason") == nil { errors.append(FieldError(field: "reason", message: "Why the record is corrected: say why")) }
        let (read, readErrors) = MeetingPage.read(values, reference)
        guard var content = read?.meeting, errors.isEmpty, readErrors.isEmpty else { return refused(errors + readErrors) }
        // The form does not show which actions were taken at the meeting; the record keeps them.
        for index in content.immediateAction.actions.indices where index < meeting.immediateAction.actions.count {
            content.immediateAction.actions[index].done = meeting.immediateAction.actions[index].done
        }
        let call = RapidReviewAPI.CorrectMeetingRequest(caseReference: reference, meeting: content, reason: values["reason"])
        return await CaseForm.submit(
            handlers, request, RapidReviewAPI.correctMeeting, call, recorded: "meeting-correction", reference: reference,
            dates: ["meetingDate", "byWhen"], handler: handlers.correctMeeting, refused: refused)
    }

    private func render(_ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        if let main = form.errors.first(where: { $0.field == "main" }) {
            html += "<p class=\"error-message\" id=\"main-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(main.message))</p>\n"
        }
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. Correct the record of the Rapid Review meeting before the chair \
            ratifies it, for example when it names someone intake has since learnt is family (P4). The record as first made is kept; \
            the correction is read in its place. The meeting must stay quorate (R1) and keep every immediate action already taken (R4).</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))#main" novalidate>
            <button type="submit" name="action" value="update" hidden tabindex="-1">Update</button>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(MeetingPage.participants.hidden(form.values))\(MeetingPage.omissions.hidden(form.values))\(MeetingPage.actions.hidden(form.values))
            """
        html += CaseForm.section("Why the record is corrected", form.text("reason", label: "Why the record is corrected", multiline: true))
        html += MeetingPage(handlers: handlers).sections(form)
        html += "<div class=\"buttons\">" + FormContext.button("Record the correction", value: "correct") + "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Correct the meeting's record", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
