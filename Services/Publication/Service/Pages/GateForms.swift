import Contract
import ServiceKit
import WebForms

/// The anonymisation gate (P4, V10, §10.5.2): the version to be published checked against
/// everyone intake and review-management hold, then signed off by a named person. The page shows
/// the gate's stages and each finding's kind, whose, the stage that found it and where (never
/// the matched text, which the service does not keep).
enum GateForms {
    /// The gate's stages and the latest check's findings, for the version to be published.
    static func gate(_ publication: PublicationAPI.Publication) -> String {
        let version = publication.reportVersion
        let gate = publication.anonymisation
        let latest = gate?.checks.last { $0.reportVersion == version }
        let signOff = gate?.signOffs.last { $0.reportVersion == version }
        let stages: [(String, String)] = [
            (
                "1. Checked against the family and practitioners held by intake and review-management, the reviewers and the genogram",
                latest.map { "Check \($0.number) on \(PageForm.long($0.checkedOn)): " + ($0.clean ? "clean" : "\($0.findings.count) findings") }
                    ?? "Not checked yet"
            ),
            (
                "2. Signed off by a named person after a clean check",
                signOff.map { "Signed off on \(PageForm.long($0.signedOffOn)) (\($0.role))" } ?? "Not signed off yet"
            ),
            ("The gate for report version \(version)", gate?.passed == true ? "Passed" : "Not passed: publication waits for it"),
        ]
        var html = "<h2>The gate's stages</h2>\n" + PageForm.summary(stages)
        if let latest, !latest.findings.isEmpty {
            html += """
                <table>
                <caption>Findings of check \(latest.number): revise the report (a new version) and check it again</caption>
                <thead><tr><th scope="col">What</th><th scope="col">Whose</th><th scope="col">Found by</th><th scope="col">Where</th></tr></thead>
                <tbody>

                """
            for finding in latest.findings {
                let place = [finding.section, finding.line.map { "line \($0)" }].compactMap { $0 }.joined(separator: ", ")
                html += "<tr><td>\(HTML.escape(PageForm.words(finding.kind.rawValue)))</td><td>\(HTML.escape(finding.whose ?? ""))</td>"
                html += "<td>\(HTML.escape(finding.foundBy))</td><td>\(HTML.escape(place))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return html
    }

    /// `CheckReportForDisclosure`: the check of the version to be published.
    static let check = StepForm<PublicationAPI.CheckReportForDisclosureRequest, PublicationAPI.CheckReportForDisclosureResponse>(
        prefix: "/anonymisation/", name: "anonymisation-check-form", title: "The anonymisation gate",
        method: PublicationAPI.checkReportForDisclosure, button: "Check the report for disclosure", recorded: "check",
        returnPrefix: "/anonymisation/", preconditions: ["P4": "main"],
        load: PublishingForms.loading { publication in
            var intro = gate(publication)
            let latest = publication.anonymisation?.checks.last { $0.reportVersion == publication.reportVersion }
            if latest?.clean == true, publication.anonymisation?.passed != true {
                intro +=
                    "<p><a href=\"\(signOffPrefix)\(HTML.escape(FormData.encode(publication.caseReference.description)))\">Sign off the anonymisation</a> (P4)</p>\n"
            }
            return StepContext(intro: intro, values: ["reportVersion": "\(publication.reportVersion)"])
        },
        fields: { form, _ in FormContext.hidden("reportVersion", form.values["reportVersion"]) },
        read: { (reference: CaseReference, values: FormData, _: inout [FieldError]) in
            .init(caseReference: reference, reportVersion: Int(values["reportVersion"]) ?? 0)
        },
        handler: { $0.checkReportForDisclosure })

    /// Where the sign-off's form is.
    static let signOffPrefix = "/anonymisation-sign-off/"

    /// `SignOffAnonymisation`: a named person's sign-off after a clean check.
    static let signOff = StepForm<PublicationAPI.SignOffAnonymisationRequest, PublicationAPI.SignOffAnonymisationResponse>(
        prefix: signOffPrefix, name: "anonymisation-sign-off-form", title: "Sign off the anonymisation",
        method: PublicationAPI.signOffAnonymisation, button: "Sign off", recorded: "sign-off", dates: ["signedOffOn"],
        preconditions: ["P4": "main"],
        load: PublishingForms.loading { publication in
            StepContext(intro: gate(publication), values: ["reportVersion": "\(publication.reportVersion)"])
        },
        fields: { form, _ in
            FormContext.hidden("reportVersion", form.values["reportVersion"])
                + form.text("signedOffBy", label: "Signed off by", hint: "The person's name, as it is to be recorded")
                + form.text("role", label: "Their role") + form.date("signedOffOn", legend: "Signed off on")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let date = DateInput.read(values, "signedOffOn", label: "Signed off on", required: true, errors: &errors)
            guard let date else { return nil }
            return .init(
                caseReference: reference, reportVersion: Int(values["reportVersion"]) ?? 0, signedOffBy: values.text("signedOffBy") ?? "",
                role: values.text("role") ?? "", signedOffOn: date)
        },
        handler: { $0.signOffAnonymisation })
}

/// The publication plan (P3, §10.2-10.4): each record a new version.
enum PlanForms {
    /// `RecordPublicationPlan`.
    static let plan = StepForm<PublicationAPI.RecordPublicationPlanRequest, PublicationAPI.RecordPublicationPlanResponse>(
        prefix: "/publication-plan/", name: "publication-plan-form", title: "Record the publication plan",
        method: PublicationAPI.recordPublicationPlan, button: "Record the plan", recorded: "plan", dates: ["familyConsultedOn"],
        preconditions: ["P3": "main"],
        load: PublishingForms.loading { publication in
            let latest = publication.planning?.plans.last.map {
                "<p>Version \($0.version) was recorded on \(PageForm.long($0.recordedOn)); recording the plan again makes a new version.</p>\n"
            }
            return StepContext(
                intro: "<p>The plan for publishing and managing its impact: the family's wishes, practitioners, the media contact and "
                    + "the strategic leads. Name people by their role.</p>\n" + (latest ?? ""))
        },
        fields: { form, _ in
            form.date("familyConsultedOn", legend: "When the family was consulted (if they have been)", hint: "§10.3.2")
                + form.text("familyWishes", label: "The family's wishes about publication", hint: "As they gave them (P3)", multiline: true)
                + form.text("familyArrangements", label: "How the wishes are considered and distress minimised", multiline: true)
                + form.text("practitionersInformed", label: "How practitioners are informed and supported", hint: "§10.3.3", multiline: true)
                + form.text("mediaContact", label: "Media contact, by role", hint: "The central point of contact (§10.4.1)")
                + form.text("strategicLeads", label: "Strategic and press leads, by role", hint: "One per line (§10.2.1)", multiline: true)
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let consulted = DateInput.read(values, "familyConsultedOn", label: "When the family was consulted", required: false, errors: &errors)
            guard errors.isEmpty else { return nil }
            return .init(
                caseReference: reference, familyConsultedOn: consulted, familyWishes: values.text("familyWishes"),
                familyArrangements: values.text("familyArrangements"), practitionersInformed: values.text("practitionersInformed") ?? "",
                mediaContact: values.text("mediaContact") ?? "", strategicLeads: values.lines("strategicLeads"))
        },
        handler: { $0.recordPublicationPlan })
}
