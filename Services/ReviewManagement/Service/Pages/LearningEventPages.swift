import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The practitioners' learning event (§8.8, Appendix 12): scheduled (`ScheduleLearningEvent`),
/// its invitees (`InviteToLearningEvent`) and their attendance (`RecordLearningEventAttendance`),
/// three forms on one page with distinct field names; its agenda (Appendix 14) and each
/// invitation letter (Appendices 12-13) as pages with the A4 print stylesheet. Invitees are
/// named: every view is audited.
struct LearningEventPages: Sendable {
    static let (prefix, invitePrefix, attendancePrefix) = ("/learning-event/", "/learning-event-invitation/", "/learning-event-attendance/")
    static let (agendaPrefix, letterPrefix) = ("/documents/learning-event-agenda/", "/documents/learning-event-invitation/")
    let handlers: ReviewManagementHandlers

    func page(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = ["kind": "practitioner"]
        ReviewForm.dateValues("invitedOn", handlers.clock.today, into: &values)
        if let event = review.learningWorkshop?.event {
            ReviewForm.dateValues("date", event.date, into: &values)
            values["startsAt"] = event.startsAt
            values["endsAt"] = event.endsAt
            values["venue"] = event.venue
            ReviewForm.dateValues("feedbackSessionDate", event.feedbackSessionDate, into: &values)
        }
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("LearningEvent", caseReference: reference.description, page)
    }

    func schedule(_ request: PageRequest) async -> HTTPResponse {
        await post(request) { values, errors, reference in
            let date = DateInput.read(values, "date", label: "Date of the learning event", required: true, errors: &errors)
            let feedback = DateInput.read(values, "feedbackSessionDate", label: "Feedback session", required: false, errors: &errors)
            guard let date else { return nil }
            let call = ReviewManagementAPI.ScheduleLearningEventRequest(
                caseReference: reference, kind: .practitionersWorkshop, date: date, startsAt: values.text("startsAt"), endsAt: values.text("endsAt"),
                venue: values.text("venue"), feedbackSessionDate: feedback)
            return { refused in
                await ReviewForm.submit(
                    handlers, request, ReviewManagementAPI.scheduleLearningEvent, call, recorded: "scheduled", reference: reference,
                    location: Self.location(reference, "scheduled"), dates: ["date", "feedbackSessionDate"], handler: handlers.scheduleLearningEvent,
                    refused: refused)
            }
        }
    }

    func invite(_ request: PageRequest) async -> HTTPResponse {
        await post(request) { values, errors, reference in
            let invitedOn = DateInput.read(values, "invitedOn", label: "Date invited", required: true, errors: &errors)
            let kind = ReviewManagementAPI.LearningEventInviteeKind(rawValue: values["kind"])
            if kind == nil { errors.append(FieldError(field: "kind", message: "Say whether they are a practitioner or a line manager")) }
            guard let invitedOn, let kind else { return nil }
            let call = ReviewManagementAPI.InviteToLearningEventRequest(
                caseReference: reference, name: values["name"], role: values["role"], agency: values["agency"], kind: kind, invitedOn: invitedOn)
            return { refused in
                await ReviewForm.submit(
                    handlers, request, ReviewManagementAPI.inviteToLearningEvent, call, recorded: "invited", reference: reference,
                    location: Self.location(reference, "invited"), dates: ["invitedOn"], handler: handlers.inviteToLearningEvent, refused: refused)
            }
        }
    }

    func attendance(_ request: PageRequest) async -> HTTPResponse {
        await post(request) { values, errors, reference in
            let invitee = Int(values["invitee"])
            if invitee == nil { errors.append(FieldError(field: "invitee", message: "Choose the invitee")) }
            let attendance = ReviewManagementAPI.LearningEventAttendance(rawValue: values["attendance"])
            if attendance == nil { errors.append(FieldError(field: "attendance", message: "Say whether they attended")) }
            guard let invitee, let attendance else { return nil }
            let call = ReviewManagementAPI.RecordLearningEventAttendanceRequest(caseReference: reference, invitee: invitee, attendance: attendance)
            return { refused in
                await ReviewForm.submit(
                    handlers, request, ReviewManagementAPI.recordLearningEventAttendance, call, recorded: "attendance", reference: reference,
                    location: Self.location(reference, "attendance"), handler: handlers.recordLearningEventAttendance, refused: refused)
            }
        }
    }

    static func location(_ reference: CaseReference, _ recorded: String) -> String {
        "\(prefix)\(FormData.encode(reference.description))?recorded=\(recorded)"
    }

    /// A post of one of the three forms: `read` checks what the form alone can and returns the
    /// call to run, or nil with `errors` filled; a refusal shows the page again, audited.
    private func post(
        _ request: PageRequest,
        _ read: (FormData, inout [FieldError], CaseReference) -> ((([FieldError]) async -> HTTPResponse) async -> HTTPResponse)?
    ) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            await request.audited(
                "LearningEvent", caseReference: reference.description,
                render(request, review, FormContext(values: values, errors: errors), status: 400))
        }
        var errors: [FieldError] = []
        guard let run = read(values, &errors, reference), errors.isEmpty else { return await refused(errors) }
        return await run(refused)
    }

    private func render(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(form.errors)
        let done = [
            "scheduled": "The learning event was scheduled", "invited": "The invitation was recorded", "attendance": "The attendance was recorded",
        ]
        if let message = done[request.query["recorded"]] ?? WorkshopFollowUpPages.Form(rawValue: request.query["recorded"])?.recorded {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(message))</h2></div>\n"
        }
        let workshop = review.learningWorkshop
        if let event = workshop?.event {
            html += "<p>The practitioners' learning event: <strong>\(HTML.escape(ReviewForm.long(event.date)))</strong>"
            html += event.venue.map { ", \(HTML.escape($0))" } ?? ""
            html += ". <a href=\"\(Self.agendaPrefix)\(ref)\">The agenda</a> (Appendix 14, print for the PDF).</p>\n"
        }
        let invitees = workshop?.invitees ?? []
        if !invitees.isEmpty {
            html += """
                <table>
                <caption>Invited</caption>
                <thead><tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Agency</th>\
                <th scope="col">Attendance</th><th scope="col">Letter</th></tr></thead>
                <tbody>

                """
            for invitee in invitees {
                let invitation = invitee.invitation
                html += "<tr><td>\(invitation.invitee)</td><td>\(HTML.escape(invitation.name))</td><td>\(HTML.escape(invitation.role))</td>"
                html +=
                    "<td>\(HTML.escape(invitation.agency))</td><td>\(HTML.escape(invitee.attendance.map(Self.words) ?? "Not recorded"))</td>"
                html += "<td><a href=\"\(Self.letterPrefix)\(ref)?invitee=\(invitation.invitee)\">Invitation \(invitation.invitee)</a></td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += Self.followUp(review, roles: request.session.principal.roles)
        html += "<h2>Schedule the learning event</h2>\n"
        html += "<form method=\"post\" action=\"\(Self.prefix)\(ref)\" novalidate>\n"
        html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
        html += form.date("date", legend: "Date of the learning event", hint: "On or after the decision to commission the review (§8.8).")
        html += form.text("startsAt", label: "Starts at (optional)", hint: "24-hour, for example 09:45.", inputmode: "numeric")
        html += form.text("endsAt", label: "Ends at (optional)", hint: "24-hour, for example 15:30.", inputmode: "numeric")
        html += form.text("venue", label: "Venue (optional)")
        html += form.date("feedbackSessionDate", legend: "Date to hold for the feedback session (optional)", hint: "After the event (Appendix 12).")
        html += "<div class=\"buttons\">" + FormContext.button("Schedule the learning event", value: "schedule") + "</div>\n</form>\n"

        html += "<h2>Invite a practitioner</h2>\n"
        html += "<form method=\"post\" action=\"\(Self.invitePrefix)\(ref)\" novalidate>\n"
        html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
        html += form.text("name", label: "Name")
        html += form.text("role", label: "Job title")
        html += form.text("agency", label: "Agency")
        html += form.radios(
            "kind", legend: "Invited as", options: [("practitioner", "A practitioner involved in the case"), ("lineManager", "A line manager")])
        html += form.date("invitedOn", legend: "Date invited")
        html += "<div class=\"buttons\">" + FormContext.button("Record the invitation", value: "invite") + "</div>\n</form>\n"

        if !invitees.isEmpty {
            html += "<h2>Attendance</h2>\n"
            html += "<form method=\"post\" action=\"\(Self.attendancePrefix)\(ref)\" novalidate>\n"
            html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
            html += form.radios(
                "invitee", legend: "Invitee",
                options: invitees.map { ("\($0.invitation.invitee)", "\($0.invitation.invitee): \($0.invitation.name), \($0.invitation.agency)") })
            html += form.radios(
                "attendance", legend: "Attendance",
                options: [("attended", "Attended"), ("sentApologies", "Sent apologies"), ("didNotAttend", "Did not attend")])
            html += "<div class=\"buttons\">" + FormContext.button("Record the attendance", value: "attendance") + "</div>\n</form>\n"
        }
        html += ReviewForm.back(reference)
        return request.page(title: "The practitioners' learning event", errors: !form.errors.isEmpty, body: html, status: status)
    }

    /// `GetLearningEventDocument` run as a call (`PageCall`: refused and audited as the call
    /// is): the agenda, or the invitation of `?invitee=<n>`, shown with the A4 print stylesheet.
    func document(_ request: PageRequest, kind: ReviewManagementAPI.LearningEventDocumentKind) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request) else { return ReviewForm.notFound(request) }
        let call = ReviewManagementAPI.GetLearningEventDocumentRequest(caseReference: reference, kind: kind, invitee: Int(request.query["invitee"]))
        let context = handlers.context
        let result = await PageCall.run(
            ReviewManagementAPI.getLearningEventDocument, call, session: request.session, idempotencyKey: nil, database: context.database,
            logger: context.logger, writeRate: context.writeRate, handler: handlers.getLearningEventDocument)
        let title = kind == .agenda ? "The learning event's agenda (Appendix 14)" : "Invitation to the learning event (Appendix 12)"
        switch result {
        case .failure(let error):
            let status = ReviewForm.status(of: error)
            return PageResponse.message(status, title: title, text: error.message, session: request.session, settings: request.settings)
        case .success(let document):
            let body = """
                <nav class="document-nav"><p><a href="\(Self.prefix)\(HTML.escape(reference.description))">Back to the learning event</a> · \
                Print this page for the PDF (A4).</p></nav>
                <article class="document">
                \(PrintDocument.render(document.document))</article>

                """
            return PageResponse.html(
                FormPage.document(
                    title: "\(title) \(reference)", heading: title, session: request.session, settings: request.settings, mainClass: "document-page",
                    body: body))
        }
    }

    /// After the event: the learning points in force, the feedback session, one-to-one
    /// conversations, and the links to record them for the viewer's roles.
    static func followUp(_ review: ReviewManagementAPI.Review, roles: Set<String>) -> String {
        let workshop = review.learningWorkshop
        var html = "<h2>After the event</h2>\n"
        var rows: [(String, String)] = []
        for invitee in workshop?.invitees ?? [] {
            for talk in invitee.oneToOneConversations ?? [] {
                rows.append(("One-to-one with invitee \(invitee.invitation.invitee)", "\(ReviewForm.long(talk.on)), held by \(talk.with)"))
            }
        }
        if let learning = workshop?.learning {
            let list = { (points: [ReviewManagementAPI.LearningPoint]) in
                points.map { "\($0.text) (\($0.agencies.joined(separator: ", ")))" }.joined(separator: "; ")
            }
            rows.append(("Themes and learning points", "version \(learning.version), \(ReviewForm.long(learning.recordedOn))"))
            if !learning.themes.isEmpty { rows.append(("Key themes", list(learning.themes))) }
            if !learning.learningPoints.isEmpty { rows.append(("Learning points", list(learning.learningPoints))) }
        }
        if let session = workshop?.feedbackSession { rows.append(("Feedback session", ReviewForm.long(session.on))) }
        if !rows.isEmpty {
            html +=
                "<dl class=\"record\">\n" + rows.map { "<dt>\(HTML.escape($0.0))</dt><dd>\(HTML.escape($0.1))</dd>" }.joined(separator: "\n")
                + "\n</dl>\n"
        }
        let ref = HTML.escape(review.caseReference.description)
        let links = WorkshopFollowUpPages.Form.allCases.filter { !roles.isDisjoint(with: $0.roles) }
        if !links.isEmpty {
            html += "<ul>\n" + links.map { "<li><a href=\"\($0.prefix)\(ref)\">\($0.title)</a></li>" }.joined(separator: "\n") + "\n</ul>\n"
        }
        return html
    }

    static func words(_ attendance: ReviewManagementAPI.LearningEventAttendance) -> String {
        switch attendance {
        case .attended: "Attended"
        case .sentApologies: "Sent apologies"
        case .didNotAttend: "Did not attend"
        }
    }
}
