import Contract
import Foundation
import H2
import RPC
import ServiceKit
import Storage
import WebForms
import WorkingDays

/// Recording the Rapid Review meeting (Appendix 5, R1-R6): who took part (name, role, partner
/// kind and agency) with the quorum shown as it is filled (R1), the agencies absent (R2), the
/// case summary, the immediate actions (R4), the criteria (R5) and the discussion (R6). Posts
/// to `RecordMeeting`'s own handler; without scripts, "Add another participant" and "Check
/// quorum" post the form and show it again with the quorum judged.
struct MeetingPage: Sendable {
    static let prefix = "/meeting/"
    static let participants = RepeatingGroup(name: "participants", parts: ["name", "role", "agency", "partnerKind"], initial: 3)
    static let omissions = RepeatingGroup(name: "omissions", parts: ["agency", "reason"], initial: 0)
    static let actions = RepeatingGroup(
        name: "immediateAction.actions", parts: ["what", "who", "byWhen.day", "byWhen.month", "byWhen.year"], initial: 1)
    /// Appendix 5 §2.2's criteria, in its words.
    static let criteria: [(Criterion, String)] = [
        (
            .improvementsNeeded,
            "1. Highlights improvements needed to safeguard and promote the welfare of children, including where those improvements have been previously identified"
        ),
        (.recurrentThemes, "2. Highlights recurrent themes in the safeguarding and promotion of the welfare of children"),
        (.multiAgencyWorking, "3. Highlights concerns regarding two or more organisations or agencies working together effectively"),
        (.nationalPanelReferredLocal, "4. The National Panel has considered and concluded a local review may be more appropriate"),
        (.singleAgencyConcern, "5. Cause for concern about the actions of a single agency"),
        (.noAgencyInvolvement, "6. No agency involvement, and this gives the safeguarding partners cause for concern"),
        (.crossBoundary, "7. More than one local authority, police area or health area is involved"),
        (.institutionalSettings, "8. Issues relating to children in institutional settings"),
        (.noneOfTheAbove, "None of the above"),
    ]
    let handlers: RapidReviewHandlers

    /// `GET /meeting/<reference>`: the person's draft of the form, or the form prefilled from
    /// the case: the date and format scheduled, a row for each agency asked for scoping with
    /// its partner kind.
    func form(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let (principal, lifetime) = (request.session.principal.name, handlers.settings.draftLifetime)
        let draft: FormData?
        do {
            draft = try await handlers.context.database.read {
                try MeetingDrafts.load($0, principal: principal, reference: reference, now: Date(), lifetime: lifetime)
            }
        } catch {
            return CaseForm.unavailable(request)
        }
        if let draft {
            let page = render(request, review, FormContext(values: draft), draft: true)
            return await request.audited("MeetingForm", caseReference: reference.description, page)
        }
        var values: [String: String] = [:]
        if let scheduled = review.schedule.last {
            values["meetingDate.day"] = "\(scheduled.date.day)"
            values["meetingDate.month"] = "\(scheduled.date.month)"
            values["meetingDate.year"] = "\(scheduled.date.year)"
            values["format"] = scheduled.format.rawValue
        }
        let agencies = review.handOver.agenciesAsked
        for (index, agency) in agencies.enumerated() {
            values[Self.participants.field(index, "agency")] = agency.name
            values[Self.participants.field(index, "partnerKind")] =
                handlers.partners.represented(by: [agency.name]).first?.rawValue ?? PartnerKind.other.rawValue
        }
        values["count.participants"] = "\(max(agencies.count, Self.participants.initial))"
        let page = render(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("MeetingForm", caseReference: reference.description, page)
    }

    /// `POST /meeting/<reference>`: a group's Add or Remove, "Check quorum", or "Record the meeting".
    func post(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = CaseForm.reference(request), let review = await CaseForm.load(handlers, reference) else {
            return CaseForm.notFound(request)
        }
        let action = request.form["action"]
        var values = CaseForm.values(request)
        let principal = request.session.principal.name
        if action == "discard" {
            let discarded = await draft(reference, principal) { try MeetingDrafts.discard($0, principal: principal, reference: reference) }
            guard discarded else { return CaseForm.unavailable(request) }
            return PageResponse.redirect(Self.prefix + FormData.encode(reference.description))
        }
        for group in [Self.participants, Self.omissions, Self.actions] {
            if let changed = group.applying(action, to: values) {
                values = changed
                break
            }
        }
        // Whatever was typed is kept before anything else happens, so a closed tab loses nothing.
        let (now, lifetime) = (Date(), handlers.settings.draftLifetime)
        guard
            await draft(
                reference, principal,
                { [values] tx in
                    try MeetingDrafts.save(tx, principal: principal, reference: reference, fields: values, now: now, lifetime: lifetime)
                })
        else { return CaseForm.unavailable(request) }
        guard action == "record" else { return render(request, review, FormContext(values: values), draft: true, saved: action == "save") }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            render(request, review, FormContext(values: values, errors: errors), status: 400, draft: true)
        }
        let (meeting, errors) = Self.read(values, reference)
        guard let meeting else { return refused(errors) }
        let answer = await CaseForm.submit(
            handlers, request, RapidReviewAPI.recordMeeting, meeting, recorded: "meeting", reference: reference, dates: ["meetingDate", "byWhen"],
            handler: handlers.recordMeeting, refused: refused)
        // Recorded (or recorded before, by this key): the drafts of this meeting are done with.
        if answer.status == 303 { _ = await draft(reference, principal) { try MeetingDrafts.recorded($0, reference: reference) } }
        return answer
    }

    /// Changes the person's draft, audited like the personal data it holds; false when it
    /// could not be written.
    private func draft(_ reference: CaseReference, _ principal: String, _ change: @escaping @Sendable (WriteTransaction) throws -> Void) async
        -> Bool
    {
        do {
            try await handlers.context.database.write { tx in
                try change(tx)
                try AuditTrail.append(
                    tx, principal: principal, method: "page:MeetingDraft", caseReference: reference.description, outcome: RPCCode.ok.name,
                    requestID: UUID().uuidString)
            }
            return true
        } catch {
            return false
        }
    }

    /// The request read from the form, or the errors a form alone can make (dates, choices).
    static func read(_ values: FormData, _ reference: CaseReference) -> (RapidReviewAPI.RecordMeetingRequest?, [FieldError]) {
        var errors: [FieldError] = []
        let date = DateInput.read(values, "meetingDate", label: "Date of the meeting", required: true, errors: &errors)
        func yesNo(_ name: String, _ question: String) -> Bool? {
            switch values[name] {
            case "yes": return true
            case "no": return false
            default:
                errors.append(FieldError(field: name, message: "Answer yes or no: \(question)"))
                return nil
            }
        }
        var participants: [Participant] = []
        for index in 0..<Self.participants.count(values) {
            let field = { Self.participants.field(index, $0) }
            guard let kind = PartnerKind(rawValue: values[field("partnerKind")]) else {
                errors.append(
                    FieldError(field: field("partnerKind"), message: "Participant \(index + 1)'s partner: choose which partner the agency is"))
                continue
            }
            participants.append(
                Participant(name: values[field("name")], role: values[field("role")], agency: values[field("agency")], partnerKind: kind))
        }
        let omissions = (0..<Self.omissions.count(values)).map {
            Omission(agency: values[Self.omissions.field($0, "agency")], reason: values[Self.omissions.field($0, "reason")])
        }
        var actions: [ActionItem] = []
        for index in 0..<Self.actions.count(values) {
            let byWhen = DateInput.read(
                values, Self.actions.field(index, "byWhen"), label: "Action \(index + 1)'s by when", required: false, errors: &errors)
            actions.append(ActionItem(what: values[Self.actions.field(index, "what")], who: values[Self.actions.field(index, "who")], byWhen: byWhen))
        }
        let allTaken = yesNo("immediateAction.allTaken", "has all appropriate immediate action been taken?")
        let seriousHarm = yesNo("discussion.meetsSeriousHarm", "does it meet the criteria for serious harm?")
        let legalAdvice = yesNo("discussion.legalAdvice.answer", "has legal advice been sought?")
        let format = MeetingFormat(rawValue: values["format"])
        if format == nil { errors.append(FieldError(field: "format", message: "Choose how the meeting was held")) }
        guard errors.isEmpty, let date, let allTaken, let seriousHarm, let legalAdvice else { return (nil, errors) }
        let content = MeetingContent(
            meetingDate: date, participants: participants, omissions: omissions, caseSummary: values["caseSummary"],
            immediateAction: ImmediateAction(allTaken: allTaken, actions: actions, details: values.text("immediateAction.details")),
            criteria: criteria.map(\.0).filter { values["criteria.\($0.rawValue)"] == "yes" },
            discussion: RapidReviewDiscussion(
                natureOfHarm: values["discussion.natureOfHarm"], meetsSeriousHarm: seriousHarm, keyIssues: values["discussion.keyIssues"],
                immediateLearning: values.text("discussion.immediateLearning"), learningSharedBy: values.text("discussion.learningSharedBy"),
                legalAdvice: YesNoDetails(answer: legalAdvice, details: values.text("discussion.legalAdvice.details"))))
        return (RapidReviewAPI.RecordMeetingRequest(caseReference: reference, meeting: content, format: format), [])
    }

    /// R1 as the form stands: which safeguarding partners are present and which are missing.
    func quorum(_ values: FormData) -> String {
        let agencies = (0..<Self.participants.count(values)).map { values[Self.participants.field($0, "agency")] }.filter { !$0.isEmpty }
        let present = handlers.partners.represented(by: agencies)
        var rows = ""
        for kind in PartnerKind.safeguardingPartners {
            let known = handlers.partners.names[kind]?.first ?? ""
            let state = present.contains(kind) ? "Present" : "Missing"
            rows += "<tr><td>\(HTML.escape(PartnerWords.name(kind).prefix(1).uppercased() + PartnerWords.name(kind).dropFirst()))</td>"
            rows += "<td>\(HTML.escape(known))</td><td><strong>\(state)</strong></td></tr>\n"
        }
        let verdict =
            present.count == PartnerKind.safeguardingPartners.count
            ? "Quorate: a representative of each safeguarding partner is present (R1)."
            : "Not quorate yet: R1 needs a representative of each safeguarding partner; no recommendation can be agreed at a meeting that is not quorate."
        return """
            <div class="quorum" id="quorum">
            <h3>Quorum (R1)</h3>
            <p>\(HTML.escape(verdict))</p>
            <table><caption class="visually-hidden">The safeguarding partners present</caption>
            <thead><tr><th scope="col">Safeguarding partner</th><th scope="col">Known as</th><th scope="col">At this meeting</th></tr></thead>
            <tbody>
            \(rows)</tbody></table>
            </div>

            """
    }

    private func render(
        _ request: PageRequest, _ review: RapidReviewAPI.RapidReview, _ form: FormContext, status: Int = 200, draft: Bool = false,
        saved: Bool = false
    ) -> HTTPResponse {
        let reference = review.caseReference
        let values = form.values
        var html = FormContext.errorSummary(form.errors)
        if saved {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>Draft saved</h2></div>\n"
        }
        if let main = form.errors.first(where: { $0.field == "main" }) {
            html += "<p class=\"error-message\" id=\"main-error\"><span class=\"visually-hidden\">Error:</span> \(HTML.escape(main.message))</p>\n"
        }
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. Record the Rapid Review meeting as Appendix 5 asks. Write the \
            summary and discussion with the case reference and roles, not the family's names, addresses or dates of birth (P4). \
            \(draft ? "This is your draft: it" : "What you type") is kept for you until the meeting is recorded, for \
            \(Int(handlers.settings.draftLifetime / 86400)) days after your last change.</p>
            <form method="post" action="\(Self.prefix)\(HTML.escape(reference.description))#main" novalidate>
            <button type="submit" name="action" value="check" hidden tabindex="-1">Update</button>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(Self.participants.hidden(values))\(Self.omissions.hidden(values))\(Self.actions.hidden(values))
            """
        html += sections(form)
        html += "<div class=\"buttons\">" + FormContext.button("Record the meeting", value: "record")
        html += FormContext.button("Save draft", value: "save", style: "secondary")
        if draft { html += FormContext.button("Discard draft", value: "discard", style: "warning") }
        html += "</div>\n</form>\n"
        html += CaseForm.back(reference, dashboard: handlers.settings.dashboardURL)
        return request.page(title: "Record the Rapid Review meeting", errors: !form.errors.isEmpty, body: html, status: status)
    }

    /// Appendix 5's sections of the form, from the meeting's date to the discussion (R1-R6):
    /// the record's form and its correction's (`MeetingCorrectionPage`) are the same.
    func sections(_ form: FormContext) -> String {
        let values = form.values
        var html = ""
        html += CaseForm.section(
            "The meeting",
            form.date(
                "meetingDate", legend: "Date of the meeting",
                hint: "The date it was scheduled for; move the meeting first if it was held on another day.")
                + form.radios("format", legend: "How the meeting was held", options: [("faceToFace", "Face to face"), ("telephone", "By telephone")]))
        var people = ""
        for index in 0..<Self.participants.count(values) {
            let field = { Self.participants.field(index, $0) }
            people += FormContext.group(
                legend: "Participant \(index + 1)",
                form.text(field("name"), label: "Name", autocomplete: "off") + form.text(field("role"), label: "Role or title")
                    + form.text(
                        field("agency"), label: "Agency or organisation",
                        hint: "As the partnership names it, for example \(handlers.partners.names[.police]?.first ?? "the police force")")
                    + form.radios(
                        field("partnerKind"), legend: "Which partner the agency is",
                        options: [
                            ("localAuthority", "Local authority"), ("police", "Police"), ("health", "Health (ICB)"), ("other", "Another agency"),
                        ])
                    + "<div class=\"buttons\">"
                    + FormContext.button("Remove participant \(index + 1)", value: Self.participants.removeAction(index), style: "secondary")
                    + "</div>\n",
                className: "group item")
        }
        people += "<div class=\"buttons\">" + FormContext.button("Add another participant", value: Self.participants.addAction, style: "secondary")
        people += FormContext.button("Check quorum", value: "check", style: "secondary") + "</div>\n"
        html += CaseForm.section("Who took part (R1, R2)", people + quorum(values))
        var absent = "<p class=\"hint\">Every agency asked for scoping either took part or is listed here with the reason (R2).</p>\n"
        for index in 0..<Self.omissions.count(values) {
            absent += FormContext.group(
                legend: "Agency absent \(index + 1)",
                form.text(Self.omissions.field(index, "agency"), label: "Agency")
                    + form.text(Self.omissions.field(index, "reason"), label: "Why it took no part", multiline: true)
                    + "<div class=\"buttons\">"
                    + FormContext.button("Remove agency absent \(index + 1)", value: Self.omissions.removeAction(index), style: "secondary")
                    + "</div>\n",
                className: "group item")
        }
        absent +=
            "<div class=\"buttons\">" + FormContext.button("Add an agency that was absent", value: Self.omissions.addAction, style: "secondary")
            + "</div>\n"
        html += CaseForm.section("Agencies expected but absent (R2)", absent)
        html += CaseForm.section(
            "Section 1: the case",
            form.text(
                "caseSummary", label: "Case summary", hint: "The circumstances and the incident that led to the referral, without names.",
                multiline: true))
        var immediate = form.radios(
            "immediateAction.allTaken", legend: "Has all appropriate immediate action been taken?", options: [("yes", "Yes"), ("no", "No")])
        for index in 0..<Self.actions.count(values) {
            let field = { Self.actions.field(index, $0) }
            immediate += FormContext.group(
                legend: "Action \(index + 1)",
                form.text(field("what"), label: "What is to be done", multiline: true) + form.text(field("who"), label: "Who does it")
                    + form.date(field("byWhen"), legend: "By when", hint: "Required for an action still to be taken.")
                    + "<div class=\"buttons\">"
                    + FormContext.button("Remove action \(index + 1)", value: Self.actions.removeAction(index), style: "secondary") + "</div>\n",
                className: "group item")
        }
        immediate +=
            "<div class=\"buttons\">" + FormContext.button("Add another action", value: Self.actions.addAction, style: "secondary") + "</div>\n"
        immediate += form.text("immediateAction.details", label: "Any further details of the immediate action", multiline: true)
        html += CaseForm.section("2.1 Immediate action (R4)", immediate)
        html += CaseForm.section(
            "2.2 The criteria (R5)",
            form.checkboxes(
                "criteria", legend: "Which criteria for a local review does the case have the potential to meet?",
                hint: "Tick all that apply, or none of the above.", boxes: Self.criteria.map { ("criteria.\($0.0.rawValue)", $0.1) }))
        html += CaseForm.section(
            "2.3 The discussion (R6)",
            form.text("discussion.natureOfHarm", label: "The nature of the harm suffered", multiline: true)
                + form.radios(
                    "discussion.meetsSeriousHarm", legend: "Does it meet the criteria for serious harm and/or long-term impairment?",
                    options: [("yes", "Yes"), ("no", "No")])
                + form.text("discussion.keyIssues", label: "Key issues discussed, including the analysis against the criteria", multiline: true)
                + form.text("discussion.immediateLearning", label: "Immediate learning that can be acted on", multiline: true)
                + form.text("discussion.learningSharedBy", label: "Who shares and implements that learning, and how")
                + form.radios("discussion.legalAdvice.answer", legend: "Has legal advice been sought?", options: [("yes", "Yes"), ("no", "No")])
                + form.text("discussion.legalAdvice.details", label: "Details of the legal advice (if sought)", multiline: true))
        return html
    }
}
