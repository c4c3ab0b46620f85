import Contract
import ServiceKit
import WebForms

/// Appendix 2 as one page in sections with headings, after FORMS.md: each field labelled in the
/// framework's words, the repeating groups (addresses, family members, agencies, key events)
/// with Add another and Remove buttons, and Continue to check the answers before anything is
/// submitted.
enum ReferralFormPage {
    /// Where it is served and posted.
    static let path = "/referrals/new"

    /// The form's body, with `form`'s values and errors. It posts to `#error-summary`, so that a
    /// refused post opens at the summary (the browser would keep the old scroll position), as
    /// GOV.UK's script does by focusing it; a redirect's own fragment wins.
    static func body(_ form: FormContext, session: WebSession, notice: String? = nil) -> String {
        var html = FormContext.errorSummary(form.errors)
        if let notice { html += "<p class=\"notice\" role=\"status\">\(HTML.escape(notice))</p>\n" }
        html += """
            <p>Use this form to refer an incident the partnership should consider for a Child Safeguarding Practice Review: abuse or \
            neglect of a child is known or suspected, and the child has died or been seriously harmed. Discuss the case with your \
            agency's designated safeguarding lead first. Your answers are kept as a draft until you submit them.</p>
            <form method="post" action="\(path)#error-summary" novalidate>
            \(FormContext.csrf(session))\
            <button type="submit" name="action" value="save" class="visually-hidden" tabindex="-1" aria-hidden="true">Save draft</button>

            """
        html += section("About the referral", referral(form))
        html += section("Section 1.1: the child's details", child(form))
        html += section("Section 1.2: family members and significant others", family(form))
        html += section("Section 1.3: other agencies known to be involved", agencies(form))
        html += section("Section 2: case background", background(form))
        html += "<div class=\"buttons\">" + FormContext.button("Continue to check your answers", value: "continue")
        html += FormContext.button("Save draft", value: "save", style: "secondary")
        html += FormContext.button("Discard draft", value: "discard", style: "warning") + "</div>\n</form>\n"
        return html
    }

    private static func section(_ heading: String, _ body: String) -> String {
        "<section class=\"form-section\" aria-labelledby=\"\(FormContext.id(heading))\">\n<h2 id=\"\(FormContext.id(heading))\">\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }

    private static func referral(_ form: FormContext) -> String {
        form.date("referral.dateOfReferral", legend: "Date of referral", hint: "The date on the referral form. For example, 27 3 2025")
            + form.date("referral.dateReceived", legend: "Date the partnership received it", hint: "The statutory clocks count from this date.")
            + FormContext.group(legend: "Agency referral: who refers", contact(form, "referral.referrer"))
            + FormContext.group(
                legend: "The designated safeguarding lead or officer with whom you discussed the case",
                contact(form, "referral.safeguardingLeadConsulted"))
    }

    private static func contact(_ form: FormContext, _ name: String) -> String {
        form.text("\(name).name", label: "Name") + form.text("\(name).agencyAndDesignation", label: "Agency and designation or title")
            + form.text("\(name).telephone", label: "Telephone", autocomplete: "off", inputmode: "tel")
            + form.text("\(name).email", label: "Email address", autocomplete: "off")
            + form.text("\(name).address", label: "Address (optional)", multiline: true)
    }

    private static func child(_ form: FormContext) -> String {
        var html = form.text("referral.child.person.name", label: "Name of child")
        html += form.date("referral.child.person.dateOfBirth", legend: "Date of birth", hint: "For example, 14 2 2015")
        html += repeating(.addresses, form) { index, item in
            form.text("\(item).address", label: index == 0 ? "Home address" : "Earlier address", multiline: true)
                + form.text("\(item).postcode", label: "Postcode")
        }
        html += form.text("referral.child.gender", label: "Gender")
        html += form.text("referral.child.ethnicOrigin", label: "Ethnic origin")
        html += form.text("referral.child.faithOrReligion", label: "Faith or religion")
        html += form.text("referral.child.disability", label: "Disability")
        html += form.radios("referral.child.lookedAfter", legend: "Is the child or young person looked after?", options: yesNo)
        html += details(
            form, "referral.child.childProtectionPlan",
            "Is the child or young person currently subject to a child protection plan, or have they been previously?",
            "If so, when, for what and for how long?")
        html += details(
            form, "referral.child.openToChildrensSocialCare",
            "Is the child or young person open to Children's Social Care or a Children & Families Practice?", "If so, who is the lead practitioner?")
        html += form.radios(
            "referral.child.incident.kind", legend: "Death or serious incident", hint: "Please specify which",
            options: [("death", "Death"), ("seriousHarm", "Serious harm")])
        html += form.date("referral.child.incident.date", legend: "Date of death or serious incident")
        html += form.text("referral.child.incident.location", label: "Address of location of incident", multiline: true)
        html += form.text("referral.child.incident.carerAtTime", label: "Carer at time of incident")
        html += details(
            form, "referral.child.criminalInvestigation", "Is this case known to be the subject of a criminal investigation?",
            "If so, who is the lead investigator?")
        html += details(
            form, "referral.child.coronersInquiry", "Is this case known to be the subject of a Coroner's Inquiry?", "If so, who is the key contact?")
        html += details(
            form, "referral.child.adultSafeguardingConcerns",
            "Are there any adult safeguarding concerns and have these been shared via an Adult referral form?", "If so, who is the key contact?")
        return html
    }

    private static func family(_ form: FormContext) -> String {
        repeating(.familyMembers, form) { _, item in
            form.text("\(item).person.name", label: "Name") + form.text("\(item).relationshipToChild", label: "Relationship to child")
                + form.date("\(item).person.dateOfBirth", legend: "Date of birth") + form.text("\(item).legalStatus", label: "Legal status")
                + form.text("\(item).ethnicOrigin", label: "Ethnic origin")
                + form.text("\(item).person.addressHistory[0].address", label: "Address", multiline: true)
        }
            + form.text(
                "referral.siblingsSafeguardingAction",
                label: "What action has been undertaken to safeguard and protect any siblings of the child who is the subject of this referral?",
                multiline: true)
    }

    private static func agencies(_ form: FormContext) -> String {
        repeating(.agencies, form) { _, item in
            form.text("\(item).agency.name", label: "Agency")
                + form.radios(
                    "\(item).agency.kind", legend: "Which safeguarding partner is it part of?",
                    options: [
                        ("localAuthority", "The local authority"), ("police", "The police"), ("health", "Health (the ICB)"),
                        ("other", "None of these"),
                    ])
                + form.text("\(item).contact.name", label: "Contact name")
                + form.text("\(item).contact.telephone", label: "Contact telephone", inputmode: "tel")
                + form.text("\(item).contact.email", label: "Contact email address")
                + form.text("\(item).reasonForInvolvement", label: "Reason for involvement", multiline: true)
                + form.radios("\(item).current", legend: "Is the involvement current?", options: yesNo)
        }
    }

    private static func background(_ form: FormContext) -> String {
        var html = "<p class=\"hint\">The information you provide will be used to help establish whether the case meets the criteria for a "
        html += "Child Safeguarding Practice Review or other type of learning review.</p>\n"
        html += form.text(
            "referral.caseBackground",
            label: "Please provide a brief outline of the child and family circumstances and the incident that triggered this referral",
            multiline: true)
        html += form.text("referral.reasonForReferral", label: "Please outline why you are making this referral", multiline: true)
        html += "<h3>Key events around the time of the incident</h3>\n"
        html += "<p class=\"hint\">Only key events: this does not need to be a detailed chronology at this stage.</p>\n"
        html += repeating(.keyEvents, form) { _, item in
            form.date("\(item).date", legend: "Date") + form.text("\(item).time", label: "Time (optional)", hint: "For example, 14:30")
                + form.text("\(item).event", label: "Event", multiline: true)
        }
        html += form.text(
            "referral.additionalInformation", label: "Please add any additional information you think may be relevant and may assist decision-making",
            multiline: true)
        return html
    }

    /// A repeating group: one fieldset per item with its Remove button, then Add another.
    private static func repeating(_ group: ReferralGroup, _ form: FormContext, _ fields: (Int, String) -> String) -> String {
        var html = ""
        for index in 0..<group.count(form.values) {
            let item = group.item(index)
            let remove = FormContext.button(
                "Remove \(group.itemName) \(index + 1)", value: "remove:\(group.rawValue):\(index)", style: "secondary")
            html += "<div id=\"\(FormContext.id(item))\">\n"
            html += FormContext.group(
                legend: "\(group.itemName.prefix(1).uppercased())\(group.itemName.dropFirst()) \(index + 1)",
                fields(index, item) + "<div class=\"buttons\">\(remove)</div>\n")
            html += "</div>\n"
        }
        html += hiddenCount(group, form)
        return html + "<div class=\"buttons\" id=\"\(FormContext.id(group.addButton))\">"
            + FormContext.button("Add another \(group.itemName)", value: "add:\(group.rawValue)", style: "secondary") + "</div>\n"
    }

    private static func hiddenCount(_ group: ReferralGroup, _ form: FormContext) -> String {
        FormContext.hidden("count.\(group.rawValue)", String(group.count(form.values)))
    }

    private static func details(_ form: FormContext, _ name: String, _ question: String, _ detailsHint: String) -> String {
        form.radios("\(name).answer", legend: question, options: yesNo)
            + form.text("\(name).details", label: "Details", hint: detailsHint, multiline: true)
    }

    private static let yesNo: [(value: String, label: String)] = [("yes", "Yes"), ("no", "No")]
}
