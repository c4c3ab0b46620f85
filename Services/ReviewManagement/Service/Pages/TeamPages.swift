import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The review team (§1.5.7, V4): the lead reviewer appointed (`AppointLeadReviewer`) and the
/// team set with a member for each safeguarding partner (`SetReviewTeam`, a repeating group),
/// each person's declaration of interests and confidentiality (`RecordDeclaration`), and the
/// notices of the reviewer's appointment (`RecordReviewerNotice`, V3).
struct TeamPages: Sendable {
    static let (leadPrefix, teamPrefix, declarationPrefix, noticesPrefix) = (
        "/lead-reviewer/", "/review-team/", "/declaration/", "/reviewer-notices/"
    )
    /// Those told who the lead reviewer is (V3), in the framework's words.
    static let recipients: [(ReviewManagementAPI.NoticeRecipient, String)] = [
        (.nationalPanel, "The National Panel"), (.departmentForEducation, "The Department for Education"), (.ofsted, "Ofsted"),
    ]
    static let members = RepeatingItems(name: "members", parts: ["name", "role", "agency.name", "agency.kind"], initial: 3)
    let handlers: ReviewManagementHandlers

    // MARK: Lead reviewer

    func leadForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        if let lead = review.reviewTeam?.leadReviewer {
            values = ["name": lead.name, "organisation": lead.organisation, "independence": lead.independence]
            values["conflictsOfInterest"] = lead.conflictsOfInterest
        }
        ReviewForm.dateValues("appointedOn", review.reviewTeam?.leadReviewer?.appointedOn ?? handlers.clock.today, into: &values)
        let page = renderLead(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("LeadReviewerForm", caseReference: reference.description, page)
    }

    func appointLead(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let appointedOn = DateInput.read(values, "appointedOn", label: "Date appointed", required: true, errors: &errors)
        func refused(_ errors: [FieldError]) -> HTTPResponse { renderLead(request, review, FormContext(values: values, errors: errors), status: 400) }
        guard errors.isEmpty, let appointedOn else { return refused(errors) }
        let call = ReviewManagementAPI.AppointLeadReviewerRequest(
            caseReference: reference, name: values["name"], organisation: values["organisation"], appointedOn: appointedOn,
            independence: values["independence"], conflictsOfInterest: values.text("conflictsOfInterest"))
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.appointLeadReviewer, call, recorded: "lead-reviewer", reference: reference,
            dates: ["appointedOn"], handler: handlers.appointLeadReviewer, refused: refused)
    }

    private func renderLead(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The lead reviewer is independent of the case and of the \
            agencies involved (§1.5.7); the National Panel, the Department for Education and Ofsted are told who they are (V3).</p>
            <form method="post" action="\(Self.leadPrefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.text("name", label: "Lead reviewer's name", autocomplete: "off")
        html += form.text("organisation", label: "Their organisation")
        html += form.date("appointedOn", legend: "Date appointed")
        html += form.text(
            "independence", label: "Statement of independence", hint: "How they are independent of the case and of the agencies involved.",
            multiline: true)
        html += form.text(
            "conflictsOfInterest", label: "Conflicts of interest (optional)", hint: "Any declared, and how each is managed.", multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Appoint the lead reviewer", value: "appoint") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Appoint the lead reviewer", errors: !form.errors.isEmpty, body: html, status: status)
    }

    // MARK: Review team

    func teamForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        if let team = review.reviewTeam?.teams.last {
            for (index, member) in team.members.enumerated() {
                values[Self.members.field(index, "name")] = member.name
                values[Self.members.field(index, "role")] = member.role
                values[Self.members.field(index, "agency.name")] = member.agency.name
                values[Self.members.field(index, "agency.kind")] = member.agency.kind.rawValue
            }
            values["count.members"] = "\(max(1, team.members.count))"
            values["missingPartnerReason"] = team.missingPartnerReason
        }
        let page = renderTeam(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("ReviewTeamForm", caseReference: reference.description, page)
    }

    func setTeam(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values = ReviewForm.values(request)
        if let changed = Self.members.applying(request.form["action"], to: values) {
            values = changed
            return renderTeam(request, review, FormContext(values: values))
        }
        var members: [ReviewManagementAPI.ReviewTeamRole] = []
        for index in 0..<Self.members.count(values) {
            let parts = Self.members.parts.map { values.text(Self.members.field(index, $0)) }
            if parts.allSatisfy({ $0 == nil }) { continue }
            let kind = PartnerKind(rawValue: values[Self.members.field(index, "agency.kind")]) ?? .other
            members.append(
                .init(name: parts[0] ?? "", role: parts[1] ?? "", agency: Agency(name: parts[2] ?? "", kind: kind)))
        }
        func refused(_ errors: [FieldError]) -> HTTPResponse { renderTeam(request, review, FormContext(values: values, errors: errors), status: 400) }
        let call = ReviewManagementAPI.SetReviewTeamRequest(
            caseReference: reference, members: members, missingPartnerReason: values.text("missingPartnerReason"))
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.setReviewTeam, call, recorded: "team", reference: reference, handler: handlers.setReviewTeam,
            refused: refused)
    }

    private func renderTeam(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let group = Self.members
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The review team has a member from each safeguarding \
            partner: the local authority, the police and health (V4); each member makes a declaration.</p>
            <form method="post" action="\(Self.teamPrefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(group.hidden(form.values))
            """
        for index in 0..<group.count(form.values) {
            var item = form.text(group.field(index, "name"), label: "Name")
            item += form.text(group.field(index, "role"), label: "Role on the review team")
            item += form.text(group.field(index, "agency.name"), label: "Agency they represent")
            item += form.radios(
                group.field(index, "agency.kind"), legend: "Which partner the agency belongs to",
                options: [("localAuthority", "The local authority"), ("police", "The police"), ("health", "Health"), ("other", "Another agency")])
            item += FormContext.button("Remove member \(index + 1)", value: group.removeAction(index), style: "secondary")
            html += FormContext.group(legend: "Member \(index + 1)", item)
        }
        html += FormContext.button("Add another member", value: group.addAction, style: "secondary") + "\n"
        html += form.text(
            "missingPartnerReason", label: "Why a safeguarding partner is not represented (if one is not)", hint: "V4: give the reason.",
            multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Set the review team", value: "set") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Set the review team", errors: !form.errors.isEmpty, body: html, status: status)
    }

    // MARK: Declarations

    func declarationForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = ["person": review.reviewTeam?.notDeclared.first ?? ""]
        ReviewForm.dateValues("declaredOn", handlers.clock.today, into: &values)
        let page = renderDeclaration(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("DeclarationForm", caseReference: reference.description, page)
    }

    func declare(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let declaredOn = DateInput.read(values, "declaredOn", label: "Date declared", required: true, errors: &errors)
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            renderDeclaration(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty, let declaredOn else { return refused(errors) }
        let call = ReviewManagementAPI.RecordDeclarationRequest(
            caseReference: reference, person: values["person"], conflictsOfInterest: values.text("conflictsOfInterest"),
            confidentialityAgreed: values["confidentialityAgreed"] == "yes", declaredOn: declaredOn)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.recordDeclaration, call, recorded: "declaration", reference: reference, dates: ["declaredOn"],
            handler: handlers.recordDeclaration, refused: refused)
    }

    private func renderDeclaration(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200)
        -> HTTPResponse
    {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        let waiting = review.reviewTeam?.notDeclared ?? []
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The lead reviewer and each member of the review team \
            declare any conflict of interest and sign the confidentiality agreement (§1.5.7).\
            \(waiting.isEmpty ? "" : " Not declared yet: " + HTML.escape(waiting.joined(separator: ", ")) + ".")</p>
            <form method="post" action="\(Self.declarationPrefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.text("person", label: "Who is declaring")
        html += form.text("conflictsOfInterest", label: "Conflicts of interest (optional)", hint: "Any, and how each is managed.", multiline: true)
        html += form.checkboxes(
            "confidentialityAgreed", legend: "Confidentiality",
            boxes: [("confidentialityAgreed", "They have signed the confidentiality agreement")])
        html += form.date("declaredOn", legend: "Date declared")
        html += "<div class=\"buttons\">" + FormContext.button("Record the declaration", value: "declare") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Record a declaration", errors: !form.errors.isEmpty, body: html, status: status)
    }

    // MARK: Notices of the appointment (V3)

    func noticesForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let page = renderNotices(request, review, FormContext(values: FormData(values: [:])))
        return await request.audited("ReviewerNoticesForm", caseReference: reference.description, page)
    }

    func recordNotices(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        var notices: [ReviewManagementAPI.ReviewerNotice] = []
        for (recipient, label) in Self.recipients {
            let name = "\(recipient.rawValue).sentOn"
            if let date = DateInput.read(values, name, label: "Date sent to \(label.lowercased())", required: false, errors: &errors) {
                notices.append(.init(recipient: recipient, sentOn: date))
            }
        }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            // The call names a notice by its place in the list: its message goes to that recipient's date.
            let errors = errors.map { error -> FieldError in
                if error.field == "notices" { return FieldError(field: "\(Self.recipients[0].0.rawValue).sentOn.day", message: error.message) }
                guard error.field.hasPrefix("notices["), let close = error.field.firstIndex(of: "]"),
                    let index = Int(error.field[error.field.index(error.field.startIndex, offsetBy: 8)..<close]), notices.indices.contains(index)
                else { return error }
                return FieldError(field: "\(notices[index].recipient.rawValue).sentOn.day", message: error.message)
            }
            return renderNotices(request, review, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty else { return refused(errors) }
        let call = ReviewManagementAPI.RecordReviewerNoticeRequest(caseReference: reference, notices: notices)
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.recordReviewerNotice, call, recorded: "notices", reference: reference,
            handler: handlers.recordReviewerNotice, refused: refused)
    }

    private func renderNotices(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200)
        -> HTTPResponse
    {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        let sent = review.reviewTeam?.notices ?? []
        html += """
            <p>Case <strong>\(HTML.escape(reference.description))</strong>. The National Panel, the Department for Education and \
            Ofsted are told who the lead reviewer is (V3). Give the date each notice was sent; leave a date blank if it is not sent yet.</p>

            """
        if !sent.isEmpty {
            html += "<dl class=\"record\">\n"
            for notice in sent {
                let label = Self.recipients.first { $0.0 == notice.recipient }?.1 ?? notice.recipient.rawValue
                html += "<dt>\(HTML.escape(label))</dt><dd>sent \(HTML.escape(ReviewForm.long(notice.sentOn)))</dd>\n"
            }
            html += "</dl>\n"
        }
        html += """
            <form method="post" action="\(Self.noticesPrefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        for (recipient, label) in Self.recipients where !sent.contains(where: { $0.recipient == recipient }) {
            html += form.date("\(recipient.rawValue).sentOn", legend: "Date sent to \(label.prefix(1).lowercased() + label.dropFirst())")
        }
        html += "<div class=\"buttons\">" + FormContext.button("Record the notices", value: "record") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "Notices of the lead reviewer's appointment", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
