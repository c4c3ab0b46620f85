import Contract
import ServiceKit
import WebForms
import WorkingDays

/// "Check your answers" before the referral is submitted (submitting starts statutory clocks),
/// and the confirmation after: the case reference, the deadlines it started, what happens next.
enum ReferralCheckPage {
    /// Where each is served.
    static let (path, submitPath, confirmationPrefix) = ("/referrals/check", "/referrals/submit", "/referrals/submitted/")

    /// Every answer, by section, each with a Change link to its field on the form.
    static func body(_ referral: Referral, session: WebSession) -> String {
        let child = referral.child
        var html = "<p>Check the answers below. Submitting the referral opens the case and starts the partnership's deadlines.</p>\n"
        html += list(
            "About the referral",
            [
                ("Date of referral", long(referral.dateOfReferral), "referral.dateOfReferral.day"),
                ("Date the partnership received it", long(referral.dateReceived), "referral.dateReceived.day"),
                ("Referred by", contact(referral.referrer), "referral.referrer.name"),
                ("Safeguarding lead consulted", contact(referral.safeguardingLeadConsulted), "referral.safeguardingLeadConsulted.name"),
            ])
        var childRows: [(String, String, String)] = [
            ("Name of child", child.person.name, "referral.child.person.name"),
            ("Date of birth", child.person.dateOfBirth.map(long) ?? "Not given", "referral.child.person.dateOfBirth.day"),
        ]
        for (index, entry) in child.person.addressHistory.enumerated() {
            childRows.append(
                (
                    index == 0 ? "Home address" : "Earlier address",
                    [entry.address, entry.postcode ?? ""].filter { !$0.isEmpty }.joined(separator: ", "),
                    "\(ReferralGroup.addresses.item(index)).address"
                ))
        }
        childRows += [
            ("Gender", child.gender ?? "Not given", "referral.child.gender"),
            ("Ethnic origin", child.ethnicOrigin ?? "Not given", "referral.child.ethnicOrigin"),
            ("Faith or religion", child.faithOrReligion ?? "Not given", "referral.child.faithOrReligion"),
            ("Disability", child.disability ?? "Not given", "referral.child.disability"),
            ("Looked after", child.lookedAfter ? "Yes" : "No", "referral.child.lookedAfter"),
            ("Child protection plan", yesNo(child.childProtectionPlan), "referral.child.childProtectionPlan.answer"),
            ("Open to Children's Social Care", yesNo(child.openToChildrensSocialCare), "referral.child.openToChildrensSocialCare.answer"),
            ("Death or serious incident", child.incident.kind == .death ? "Death" : "Serious harm", "referral.child.incident.kind"),
            ("Date of the incident", long(child.incident.date), "referral.child.incident.date.day"),
            ("Location of the incident", child.incident.location ?? "Not given", "referral.child.incident.location"),
            ("Carer at the time", child.incident.carerAtTime ?? "Not given", "referral.child.incident.carerAtTime"),
            ("Criminal investigation", yesNo(child.criminalInvestigation), "referral.child.criminalInvestigation.answer"),
            ("Coroner's inquiry", yesNo(child.coronersInquiry), "referral.child.coronersInquiry.answer"),
            ("Adult safeguarding concerns", yesNo(child.adultSafeguardingConcerns), "referral.child.adultSafeguardingConcerns.answer"),
        ]
        html += list("Section 1.1: the child's details", childRows)
        var familyRows = referral.familyMembers.enumerated().map { index, member in
            (
                "Family member \(index + 1)",
                [
                    member.person.name, member.relationshipToChild, member.person.dateOfBirth.map { "born \(long($0))" } ?? "",
                    member.legalStatus ?? "",
                ]
                .filter { !$0.isEmpty }.joined(separator: ", "), "\(ReferralGroup.familyMembers.item(index)).person.name"
            )
        }
        if familyRows.isEmpty { familyRows.append(("Family members", "None listed", ReferralGroup.familyMembers.addButton)) }
        familyRows.append(("Action to safeguard siblings", referral.siblingsSafeguardingAction ?? "Not given", "referral.siblingsSafeguardingAction"))
        html += list("Section 1.2: family members and significant others", familyRows)
        var agencyRows = referral.agenciesInvolved.enumerated().map { index, involvement in
            (
                "Agency \(index + 1)",
                "\(involvement.agency.name) (\(involvement.current ? "current" : "not current")): \(involvement.reasonForInvolvement)",
                "\(ReferralGroup.agencies.item(index)).agency.name"
            )
        }
        if agencyRows.isEmpty { agencyRows.append(("Agencies", "None listed", ReferralGroup.agencies.addButton)) }
        html += list("Section 1.3: other agencies known to be involved", agencyRows)
        var backgroundRows = [
            ("Circumstances and incident", referral.caseBackground, "referral.caseBackground"),
            ("Why the referral is made", referral.reasonForReferral, "referral.reasonForReferral"),
        ]
        backgroundRows += referral.keyEvents.enumerated().map { index, event in
            (
                "Key event \(index + 1)", "\(long(event.date))\(event.time.map { " \($0)" } ?? ""): \(event.event)",
                "\(ReferralGroup.keyEvents.item(index)).event"
            )
        }
        backgroundRows.append(("Additional information", referral.additionalInformation ?? "Not given", "referral.additionalInformation"))
        html += list("Section 2: case background", backgroundRows)
        html += """
            <form method="post" action="\(submitPath)" novalidate>
            \(FormContext.csrf(session))\(FormContext.idempotencyKey())\
            <h2>Now submit the referral</h2>
            <p>By submitting it you confirm the referral followed a discussion with a nominated manager or safeguarding lead in your agency.</p>
            <div class="buttons">\(FormContext.button("Submit the referral", value: "submit"))</div>
            </form>

            """
        return html
    }

    /// The confirmation: the reference in a panel, the deadlines the referral started, next steps.
    static func confirmation(_ response: IntakeAPI.SubmitReferralResponse) -> String {
        var html = """
            <div class="panel-confirmation">
            <h2>Referral submitted</h2>
            <p>The case reference is</p>
            <p class="reference">\(HTML.escape(response.caseReference.description))</p>
            </div>

            """
        if response.linkedToExistingCase {
            html += "<p>The same child and incident were already a case: the referral was added to it (R3), and its deadlines are unchanged.</p>\n"
        }
        html += "<h2>The deadlines it started</h2>\n<table><thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">What</th>"
        html += "<th scope=\"col\">Due by</th></tr></thead><tbody>\n"
        for deadline in response.deadlines {
            html += "<tr><td>\(HTML.escape(deadline.rule.rawValue))</td><td>\(HTML.escape(deadline.subject ?? describe(deadline.rule)))</td>"
            html += "<td>\(HTML.escape(long(deadline.due)))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        html += """
            <h2>What happens next</h2>
            <p>A multi-agency Rapid Review of the referral will be undertaken. The partnership team sends the scoping requests to the \
            agencies involved; the referrer will be told the outcome.</p>
            <nav><p><a href="\(ReferralFormPage.path)">Make another referral</a> · <a href="/">Your pages</a></p></nav>

            """
        return html
    }

    private static func describe(_ rule: TimescaleRule) -> String {
        switch rule {
        case .t2: "Scoping requests sent to the agencies"
        case .t3: "Scoping returns due from the agencies"
        case .t4: "Rapid Review meeting held"
        case .t6: "Rapid Review sent to the National Panel"
        default: "Deadline"
        }
    }

    private static func list(_ heading: String, _ rows: [(String, String, String)]) -> String {
        var html = "<h2>\(HTML.escape(heading))</h2>\n<dl class=\"answers\">\n"
        for (label, value, field) in rows {
            html += "<dt>\(HTML.escape(label))</dt><dd>\(HTML.escape(value.isEmpty ? "Not given" : value))</dd>"
            html +=
                "<dd><a href=\"\(ReferralFormPage.path)#\(FormContext.id(field))\">Change<span class=\"visually-hidden\"> \(HTML.escape(label.lowercased()))</span></a></dd>\n"
        }
        return html + "</dl>\n"
    }

    private static func contact(_ contact: Contact) -> String {
        [contact.name, contact.agencyAndDesignation, contact.telephone ?? "", contact.email ?? ""].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    private static func yesNo(_ answer: YesNoDetails) -> String {
        answer.answer ? "Yes" + (answer.details.map { ": \($0)" } ?? "") : "No"
    }

    /// `27 March 2025`.
    static func long(_ date: CivilDate) -> String { CaseWords.long(date) }
}
