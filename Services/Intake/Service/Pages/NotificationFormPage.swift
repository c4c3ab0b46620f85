import Contract
import ServiceKit
import WebForms
import WorkingDays

/// The local authority's notification of a serious incident (§1.6, §4.1.2) as a form: the
/// child, the incident, when the local authority became aware (T1 counts from it) and whom it
/// notified when; then the confirmation with the case and T1.
enum NotificationFormPage {
    /// Where it is served and posted, and where its confirmation is.
    static let (path, confirmationPrefix) = ("/notifications/new", "/notifications/recorded/")

    /// The form with `form`'s values and errors, and a fresh idempotency key.
    static func body(_ form: FormContext, session: WebSession) -> String {
        var html = FormContext.errorSummary(form.errors)
        html += """
            <p>Record the local authority's notification of a serious incident. The National Panel and the safeguarding partners \
            are to be told within 5 working days of the local authority becoming aware (T1).</p>
            <form method="post" action="\(path)#error-summary" novalidate>
            \(FormContext.csrf(session))\(FormContext.idempotencyKey())
            """
        html += section(
            "The child",
            form.text("notification.child.name", label: "Name of child")
                + form.date("notification.child.dateOfBirth", legend: "Date of birth", hint: "For example, 14 2 2015")
                + form.text("notification.child.addressHistory[0].address", label: "Home address", multiline: true))
        html += section(
            "The incident",
            form.radios(
                "notification.incident.kind", legend: "Death or serious harm", options: [("death", "Death"), ("seriousHarm", "Serious harm")])
                + form.date("notification.incident.date", legend: "Date of the incident")
                + form.text("notification.incident.location", label: "Address of location of incident", multiline: true)
                + form.radios(
                    "notification.lookedAfterChildDeath", legend: "Was the child looked after, and has the child died?",
                    hint: "The Secretary of State is then notified too (§1.6.4).", options: [("yes", "Yes"), ("no", "No")]))
        html += section(
            "When the local authority became aware and whom it notified",
            form.date("notification.becameAware", legend: "Date the local authority became aware", hint: "T1 counts 5 working days from this date.")
                + form.date("notification.notifiedNationalPanel", legend: "Date the National Panel was notified (if it has been)")
                + form.date("notification.notifiedOfsted", legend: "Date Ofsted was notified (if it has been)")
                + form.date("notification.notifiedSecretaryOfState", legend: "Date the Secretary of State was notified (if it has been)")
                + form.date("notification.reportedToSafeguardingPartners", legend: "Date the safeguarding partners were told (if they have been)"))
        html += section(
            "Who notifies, for the local authority",
            form.text("notification.notifiedBy.name", label: "Name")
                + form.text("notification.notifiedBy.agencyAndDesignation", label: "Agency and designation or title")
                + form.text("notification.notifiedBy.telephone", label: "Telephone", inputmode: "tel")
                + form.text("notification.notifiedBy.email", label: "Email address"))
        html += "<div class=\"buttons\">" + FormContext.button("Record the notification", value: "record") + "</div>\n</form>\n"
        return html
    }

    /// The notification read from its fields, or the errors a form alone can make (dates).
    static func read(_ values: FormData) -> (SeriousIncidentNotification?, [FieldError]) {
        var errors: [FieldError] = []
        func date(_ name: String, _ label: String, required: Bool = false) -> CivilDate? {
            DateInput.read(values, "notification.\(name)", label: label, required: required, errors: &errors)
        }
        let born = date("child.dateOfBirth", "Date of birth")
        let incidentDate = date("incident.date", "Date of the incident", required: true)
        let aware = date("becameAware", "Date the local authority became aware", required: true)
        let panel = date("notifiedNationalPanel", "Date the National Panel was notified")
        let ofsted = date("notifiedOfsted", "Date Ofsted was notified")
        let secretary = date("notifiedSecretaryOfState", "Date the Secretary of State was notified")
        let partners = date("reportedToSafeguardingPartners", "Date the safeguarding partners were told")
        guard errors.isEmpty, let incidentDate, let aware else { return (nil, errors) }
        let address = values.text("notification.child.addressHistory[0].address")
        let notification = SeriousIncidentNotification(
            child: Person(
                name: values["notification.child.name"], dateOfBirth: born, addressHistory: address.map { [AddressEntry(address: $0)] } ?? []),
            incident: Incident(
                kind: values["notification.incident.kind"] == "death" ? .death : .seriousHarm, date: incidentDate,
                location: values.text("notification.incident.location")),
            becameAware: aware, notifiedNationalPanel: panel, notifiedOfsted: ofsted, notifiedSecretaryOfState: secretary,
            reportedToSafeguardingPartners: partners, lookedAfterChildDeath: values["notification.lookedAfterChildDeath"] == "yes",
            notifiedBy: Contact(
                name: values["notification.notifiedBy.name"], agencyAndDesignation: values["notification.notifiedBy.agencyAndDesignation"],
                telephone: values.text("notification.notifiedBy.telephone"), email: values.text("notification.notifiedBy.email")))
        return (notification, [])
    }

    /// The confirmation: the case, whether it was opened or joined, and T1.
    static func confirmation(_ reference: CaseReference, t1: [Deadline]) -> String {
        var html = """
            <div class="panel-confirmation">
            <h2>Notification recorded</h2>
            <p>The case reference is</p>
            <p class="reference">\(HTML.escape(reference.description))</p>
            </div>
            <h2>T1: notifying within 5 working days</h2>
            <table><thead><tr><th scope="col">Who is notified</th><th scope="col">Due by</th><th scope="col">State</th></tr></thead><tbody>

            """
        for deadline in t1 {
            let state: String =
                switch deadline.status {
                case .met: "Done in time"
                case .metLate: "Done late"
                case .overdue: "Overdue"
                default: "Not yet"
                }
            html += "<tr><td>\(HTML.escape(deadline.subject ?? "T1"))</td><td>\(HTML.escape(ReferralCheckPage.long(deadline.due)))</td>"
            html += "<td>\(state)</td></tr>\n"
        }
        html += "</tbody></table>\n<nav><p><a href=\"\(path)\">Record another notification</a> · <a href=\"/\">Your pages</a></p></nav>\n"
        return html
    }

    private static func section(_ heading: String, _ body: String) -> String {
        "<section class=\"form-section\" aria-labelledby=\"\(FormContext.id(heading))\">\n<h2 id=\"\(FormContext.id(heading))\">\(HTML.escape(heading))</h2>\n\(body)</section>\n"
    }
}
