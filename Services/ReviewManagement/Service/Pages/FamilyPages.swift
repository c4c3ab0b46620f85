import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// The family's involvement (§7, Appendices 7-8, V5): the family members with how each is
/// invited and what they need (`RecordFamilyMember`), and each step of the conversation with
/// them (`RecordFamilyContact`). Names and relationships are personal data: every view is
/// audited like `GetReview`, and nothing typed is logged.
struct FamilyPages: Sendable {
    static let (prefix, contactPrefix) = ("/family/", "/family-contact/")
    let handlers: ReviewManagementHandlers

    // MARK: Members

    func membersPage(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let page = renderMembers(request, review, FormContext(values: FormData(values: ["relevant": "yes"])))
        return await request.audited("Family", caseReference: reference.description, page)
    }

    func recordMember(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        if values.text("relevant") == nil { errors.append(FieldError(field: "relevant", message: "Say whether they are relevant to the review")) }
        let invitation = ReviewManagementAPI.FamilyInvitationRoute(rawValue: values["invitation.route"]).map {
            ReviewManagementAPI.FamilyInvitation(
                route: $0, practitioner: values.text("invitation.practitioner"), detail: values.text("invitation.detail"))
        }
        let needs = ReviewManagementAPI.FamilySupportNeeds(
            interpreterLanguage: values.text("supportNeeds.interpreterLanguage"), advocate: values["supportNeeds.advocate"] == "yes" ? true : nil,
            accessibility: values.text("supportNeeds.accessibility"), other: values.text("supportNeeds.other"))
        // The refused page shows the family again: audited like the page itself.
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            await request.audited(
                "Family", caseReference: reference.description,
                renderMembers(request, review, FormContext(values: values, errors: errors), status: 400))
        }
        guard errors.isEmpty else { return await refused(errors) }
        let call = ReviewManagementAPI.RecordFamilyMemberRequest(
            caseReference: reference, name: values["name"], relationship: values["relationship"], relevant: values["relevant"] == "yes",
            invitation: invitation, supportNeeds: needs == .init() ? nil : needs, child: values["child"] == "yes" ? true : nil,
            childsVoice: values.text("childsVoice"))
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.recordFamilyMember, call, recorded: "member", reference: reference,
            location: "\(Self.prefix)\(FormData.encode(reference.description))?recorded=member", handler: handlers.recordFamilyMember,
            refused: refused)
    }

    private func renderMembers(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(form.errors)
        let done = ["member": "The family member was recorded", "contact": "The conversation's step was recorded"]
        if let message = done[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(message))</h2></div>\n"
        }
        let family = review.family
        if let family, !family.members.isEmpty {
            html += """
                <table>
                <caption>The family members</caption>
                <thead><tr><th scope="col">Number</th><th scope="col">Name</th><th scope="col">Relationship to the child</th>\
                <th scope="col">Relevant</th><th scope="col">Where it stands</th></tr></thead>
                <tbody>

                """
            for member in family.members {
                let current = member.current
                html += "<tr><td>\(current.member)</td><td>\(HTML.escape(current.name))</td><td>\(HTML.escape(current.relationship))</td>"
                html +=
                    "<td>\(current.relevant ? "Yes" : "No")</td><td>\(HTML.escape(member.status.map { Self.words($0) } ?? "Not invited yet"))</td></tr>\n"
            }
            html += "</tbody></table>\n"
            html += "<p><a href=\"\(Self.contactPrefix)\(ref)\">Record a step of the conversation with a family member</a> (V5)</p>\n"
            if !family.warnings.isEmpty {
                html += "<div class=\"warning\"><p>§7.4.1:</p><ul>\n"
                html += family.warnings.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul></div>\n"
            }
        }
        html += """
            <h2>Record a family member</h2>
            <p>Each family member relevant to the review is invited to contribute (V5, §7.3): by the letter of Appendix 7 with the \
            leaflet of Appendix 8, in person by the most appropriate professional, or through the police family liaison officer.</p>
            <form method="post" action="\(Self.prefix)\(ref)" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.text("name", label: "Name", autocomplete: "off")
        html += form.text("relationship", label: "Relationship to the child", hint: "For example mother, sibling, grandparent.")
        html += form.radios("relevant", legend: "Relevant to the review", options: [("yes", "Yes: they are to be invited"), ("no", "No")])
        html += form.radios(
            "invitation.route", legend: "How they are invited (optional)",
            options: [
                ("letter", "By letter (Appendix 7) with the leaflet (Appendix 8)"), ("inPerson", "In person, by a practitioner"),
                ("policeFamilyLiaison", "Through the police family liaison officer"), ("other", "Another way"),
            ])
        html += form.text("invitation.practitioner", label: "The practitioner making contact (in person)")
        html += form.text("invitation.detail", label: "How, for another way")
        html += FormContext.group(
            legend: "What they need to take part",
            form.text("supportNeeds.interpreterLanguage", label: "Interpreter: the language (optional)")
                + form.checkboxes("supportNeeds.advocate", legend: "Advocate", boxes: [("supportNeeds.advocate", "They need an advocate")])
                + form.text("supportNeeds.accessibility", label: "Accessibility needs (optional)")
                + form.text("supportNeeds.other", label: "Other support (optional)", hint: "For example specialist domestic abuse support."))
        html += form.checkboxes("child", legend: "A child", boxes: [("child", "They are a child (the child or a surviving sibling)")])
        html += form.text("childsVoice", label: "For a child: how the child's voice is included", multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Record the family member", value: "record") + "</div>\n</form>\n"
        html += ReviewForm.back(reference)
        return request.page(title: "The family's involvement", errors: !form.errors.isEmpty, body: html, status: status)
    }

    static func words(_ status: ReviewManagementAPI.FamilyContactStatus) -> String {
        switch status {
        case .invited: "Invited"
        case .accepted: "Accepted"
        case .declined: "Declined"
        case .met: "Met"
        case .notInvolved: "Not involved"
        }
    }

    // MARK: Conversation

    func contactForm(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        ReviewForm.dateValues("on", handlers.clock.today, into: &values)
        let page = renderContact(request, review, FormContext(values: FormData(values: values)))
        return await request.audited("FamilyContactForm", caseReference: reference.description, page)
    }

    func recordContact(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        let values = ReviewForm.values(request)
        var errors: [FieldError] = []
        let member = Int(values["member"])
        if member == nil { errors.append(FieldError(field: "member", message: "Choose the family member")) }
        let status = ReviewManagementAPI.FamilyContactStatus(rawValue: values["status"])
        if status == nil { errors.append(FieldError(field: "status", message: "Choose where the conversation stands")) }
        let on = DateInput.read(values, "on", label: "Date", required: true, errors: &errors)
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            await request.audited(
                "FamilyContactForm", caseReference: reference.description,
                renderContact(request, review, FormContext(values: values, errors: errors), status: 400))
        }
        guard errors.isEmpty, let member, let status, let on else { return await refused(errors) }
        let call = ReviewManagementAPI.RecordFamilyContactRequest(
            caseReference: reference, member: member, status: status, on: on, reason: values.text("reason"))
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.recordFamilyContact, call, recorded: "contact", reference: reference,
            location: "\(Self.prefix)\(FormData.encode(reference.description))?recorded=contact", dates: ["on"],
            handler: handlers.recordFamilyContact, refused: refused)
    }

    private func renderContact(_ request: PageRequest, _ review: ReviewManagementAPI.Review, _ form: FormContext, status: Int = 200) -> HTTPResponse {
        let reference = review.caseReference
        var html = FormContext.errorSummary(form.errors)
        let members = review.family?.members ?? []
        guard !members.isEmpty else {
            html += "<p>No family member has been recorded yet.</p>\n" + ReviewForm.back(reference)
            return request.page(title: "The conversation with a family member", errors: !form.errors.isEmpty, body: html, status: status)
        }
        html += """
            <form method="post" action="\(Self.contactPrefix)\(HTML.escape(reference.description))" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())
            """
        html += form.radios(
            "member", legend: "Family member",
            options: members.map { ("\($0.current.member)", "\($0.current.member): \($0.current.name), \($0.current.relationship)") })
        html += form.radios(
            "status", legend: "Where the conversation stands",
            options: [
                ("invited", "Informed of the review and invited"), ("accepted", "Accepted the invitation"), ("declined", "Declined"),
                ("met", "The conversation took place"), ("notInvolved", "Not involved"),
            ])
        html += form.date("on", legend: "Date")
        html += form.text(
            "reason", label: "Why, when they declined or are not involved", hint: "V5: every reason for non-involvement is recorded (§7.4.2).",
            multiline: true)
        html += "<div class=\"buttons\">" + FormContext.button("Record the step", value: "record") + "</div>\n</form>\n"
        html += "<nav><p><a href=\"\(Self.prefix)\(HTML.escape(reference.description))\">Back to the family</a></p></nav>\n"
        return request.page(title: "The conversation with a family member", errors: !form.errors.isEmpty, body: html, status: status)
    }
}
