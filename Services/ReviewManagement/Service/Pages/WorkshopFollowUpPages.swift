import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The learning workshop after the event (§8.7, §8.8, Appendices 12-13): a one-to-one
/// conversation with an invitee who could not attend, the key themes and learning points (a
/// new version of the whole each time) and the feedback session. One page per call (two share
/// the field `on`, their contract path), each posting to its RPC's own handler and going back
/// to the learning event's page. Invitees are named: every view is audited.
struct WorkshopFollowUpPages: Sendable {
    static let themes = RepeatingItems(name: "themes", parts: ["text", "agencies"], initial: 1)
    static let points = RepeatingItems(name: "learningPoints", parts: ["text", "agencies"], initial: 1)
    let handlers: ReviewManagementHandlers

    /// The three forms, each its call's page.
    enum Form: String, CaseIterable, Sendable {
        case oneToOne = "one-to-one-conversation"
        case learningPoints = "learning-points"
        case feedbackSession = "feedback-session"

        /// `/<form>/`, the page's path before the case.
        var prefix: String { "/\(rawValue)/" }

        /// The roles of the form's RPC method.
        var roles: Set<String> {
            let api = ReviewManagementAPI.self
            return switch self {
            case .oneToOne: api.recordOneToOneConversation.info.roles
            case .learningPoints: api.recordLearningPoints.info.roles
            case .feedbackSession: api.recordFeedbackSession.info.roles
            }
        }

        /// The page's title.
        var title: String {
            switch self {
            case .oneToOne: "Record a one-to-one conversation"
            case .learningPoints: "Record the key themes and learning points"
            case .feedbackSession: "Record the feedback session"
            }
        }

        /// What the learning event's page says once it is recorded.
        var recorded: String {
            switch self {
            case .oneToOne: "The one-to-one conversation was recorded"
            case .learningPoints: "The key themes and learning points were recorded"
            case .feedbackSession: "The feedback session was recorded"
            }
        }
    }

    /// `GET /<form>/<case>`: the form; the learning points prefilled from the version in force.
    func form(_ request: PageRequest, _ form: Form) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        switch form {
        case .oneToOne: ReviewForm.dateValues("on", handlers.clock.today, into: &values)
        case .feedbackSession: ReviewForm.dateValues("on", handlers.clock.today, into: &values)
        case .learningPoints:
            let learning = review.learningWorkshop?.learning
            for (group, list) in [(Self.themes, learning?.themes ?? []), (Self.points, learning?.learningPoints ?? [])] {
                values["count.\(group.name)"] = "\(max(1, list.count))"
                for (index, point) in list.enumerated() {
                    values[group.field(index, "text")] = point.text
                    values[group.field(index, "agencies")] = point.agencies.joined(separator: ", ")
                }
            }
        }
        let page = render(request, review, form, FormContext(values: FormData(values: values)))
        return await request.audited("LearningEvent", caseReference: reference.description, page)
    }

    /// `POST /<form>/<case>`: the call, once per key; a refusal shows the form again, the values
    /// kept, the error beside its field.
    func post(_ request: PageRequest, _ form: Form) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values = ReviewForm.values(request)
        if form == .learningPoints {
            for group in [Self.themes, Self.points] {
                if let changed = group.applying(request.form["action"], to: values) {
                    values = changed
                    return render(request, review, form, FormContext(values: values))
                }
            }
        }
        var sent: [String: [Int]] = [:]
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            // A blank group is left out of the call: its refusal's index is the call's, put back to the form's.
            let errors = errors.map { error in
                for (name, indices) in sent {
                    let head = "\(name)["
                    guard error.field.hasPrefix(head), let close = error.field.firstIndex(of: "]"),
                        let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: head.count)..<close]), index < indices.count
                    else { continue }
                    return FieldError(field: "\(name)[\(indices[index])]" + error.field[error.field.index(after: close)...], message: error.message)
                }
                return error
            }
            return await request.audited(
                "LearningEvent", caseReference: reference.description,
                render(request, review, form, FormContext(values: values, errors: errors), status: 400))
        }
        var errors: [FieldError] = []
        let location = LearningEventPages.location(reference, form.rawValue)
        let api = ReviewManagementAPI.self
        switch form {
        case .oneToOne:
            let invitee = Int(values["invitee"])
            if invitee == nil { errors.append(FieldError(field: "invitee", message: "Choose the invitee")) }
            let on = DateInput.read(values, "on", label: "Date of the conversation", required: true, errors: &errors)
            guard errors.isEmpty, let invitee, let on else { return await refused(errors) }
            let call = api.RecordOneToOneConversationRequest(caseReference: reference, invitee: invitee, on: on, with: values["with"])
            return await ReviewForm.submit(
                handlers, request, api.recordOneToOneConversation, call, recorded: form.rawValue, reference: reference, location: location,
                dates: ["on"], handler: handlers.recordOneToOneConversation, refused: refused)
        case .learningPoints:
            func read(_ group: RepeatingItems) -> [ReviewManagementAPI.LearningPoint] {
                var list: [ReviewManagementAPI.LearningPoint] = []
                for index in 0..<group.count(values) {
                    let text = values[group.field(index, "text")]
                    let agencies = values[group.field(index, "agencies")]
                    if text.isBlank, agencies.isBlank { continue }
                    sent[group.name, default: []].append(index)
                    // "Testshire Police, Testshire ICB": each agency named once, blanks between commas are the agency left out.
                    let named = agencies.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                    list.append(ReviewManagementAPI.LearningPoint(text: text, agencies: agencies.isBlank ? [] : named))
                }
                return list
            }
            let call = api.RecordLearningPointsRequest(caseReference: reference, themes: read(Self.themes), learningPoints: read(Self.points))
            return await ReviewForm.submit(
                handlers, request, api.recordLearningPoints, call, recorded: form.rawValue, reference: reference, location: location,
                handler: handlers.recordLearningPoints, refused: refused)
        case .feedbackSession:
            let on = DateInput.read(values, "on", label: "Date held", required: true, errors: &errors)
            guard errors.isEmpty, let on else { return await refused(errors) }
            let call = api.RecordFeedbackSessionRequest(caseReference: reference, on: on)
            return await ReviewForm.submit(
                handlers, request, api.recordFeedbackSession, call, recorded: form.rawValue, reference: reference, location: location,
                dates: ["on"], handler: handlers.recordFeedbackSession, refused: refused)
        }
    }

    private func render(
        _ request: PageRequest, _ review: ReviewManagementAPI.Review, _ kind: Form, _ form: FormContext, status: Int = 200
    ) -> HTTPResponse {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(form.errors)
        let workshop = review.learningWorkshop
        if let event = workshop?.event {
            html += "<p>The practitioners' learning event: <strong>\(HTML.escape(ReviewForm.long(event.date)))</strong>.</p>\n"
        }
        html += "<form method=\"post\" action=\"\(kind.prefix)\(ref)\" novalidate>\n"
        html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
        let button: String
        switch kind {
        case .oneToOne:
            html += "<p>Appendix 12: an invitee unable to attend may meet the lead reviewer one to one instead.</p>\n"
            let invitees = (workshop?.invitees ?? []).filter { $0.attendance != .attended }
            html += form.radios(
                "invitee", legend: "Invitee", hint: "Those not recorded as attending.",
                options: invitees.map {
                    ("\($0.invitation.invitee)", "\($0.invitation.invitee): \($0.invitation.name), \($0.invitation.agency)")
                })
            html += form.date("on", legend: "Date of the conversation")
            html += form.text("with", label: "Held by", hint: "Normally the lead reviewer.")
            button = "Record the conversation"
        case .learningPoints:
            html +=
                "<p>Anonymised: comments are not attributable (Appendix 13). Each time, the whole list is a new version; earlier ones are kept.</p>\n"
            for (group, heading, noun) in [
                (Self.themes, "Key themes for analysis (§8.7.1)", "theme"), (Self.points, "Learning points (§9.2.1)", "learning point"),
            ] {
                var body = group.hidden(form.values)
                for index in 0..<group.count(form.values) {
                    var item = form.text(group.field(index, "text"), label: "The \(noun)", multiline: true)
                    item += form.text(group.field(index, "agencies"), label: "Agencies it concerns", hint: "Separated by commas.")
                    item += FormContext.button("Remove \(noun) \(index + 1)", value: group.removeAction(index), style: "secondary")
                    body += FormContext.group(legend: "\(noun.capitalizedFirst) \(index + 1)", item)
                }
                body += FormContext.button("Add another \(noun)", value: group.addAction, style: "secondary") + "\n"
                html += ReviewForm.section(heading, body)
            }
            button = "Record the themes and learning points"
        case .feedbackSession:
            html += "<p>The feedback session to the participants, after the workshop (Appendix 12).</p>\n"
            html += form.date("on", legend: "Date held")
            button = "Record the feedback session"
        }
        html += "<div class=\"buttons\">" + FormContext.button(button, value: "record") + "</div>\n</form>\n"
        html += "<nav><p><a href=\"\(LearningEventPages.prefix)\(ref)\">Back to the learning event</a> · "
        html += "<a href=\"\(ReviewPages.casePrefix)\(ref)\">Back to the review</a></p></nav>\n"
        return request.page(title: kind.title, errors: !form.errors.isEmpty, body: html, status: status)
    }
}
