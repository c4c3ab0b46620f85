import Contract
import ServiceKit
import WebForms

/// The forms around the date: the notice of delay (T8, §3.1.3), a hold for parallel
/// proceedings and its release (P3), and the archive step a year after publication (T10).
enum HoldAndNoticeForms {
    /// `RecordDelayNotice`: the National Panel and the Secretary of State told of a late publication.
    static let delayNotice = StepForm<ReviewManagementAPI.RecordDelayNoticeRequest, PublicationAPI.RecordDelayNoticeResponse>(
        prefix: "/delay-notice/", name: "delay-notice-form", title: "Record the notice of delay", method: PublicationAPI.recordDelayNotice,
        button: "Record the notice", recorded: "delay-notice", dates: ["nationalPanelInformedOn", "secretaryOfStateInformedOn"],
        preconditions: ["T8": "main"],
        load: PublishingForms.loading { _ in
            StepContext(
                intro: "<p>When publication comes later than six months from the decision, the National Panel and the Secretary of State "
                    + "are told, with the reason (T8, §3.1.3).</p>\n")
        },
        fields: { form, _ in
            form.date("nationalPanelInformedOn", legend: "The National Panel told on")
                + form.date("secretaryOfStateInformedOn", legend: "The Secretary of State told on")
                + form.text("reason", label: "Reason for the delay", hint: "Without names", multiline: true)
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let panel = DateInput.read(values, "nationalPanelInformedOn", label: "The National Panel told on", required: false, errors: &errors)
            let secretary = DateInput.read(
                values, "secretaryOfStateInformedOn", label: "The Secretary of State told on", required: false, errors: &errors)
            guard errors.isEmpty else { return nil }
            return .init(
                caseReference: reference, nationalPanelInformedOn: panel, secretaryOfStateInformedOn: secretary, reason: values.text("reason"))
        },
        handler: { $0.recordDelayNotice })

    /// `RecordPublicationHold`: publication waits for a trial, an inquest or other proceedings.
    static let hold = StepForm<PublicationAPI.RecordPublicationHoldRequest, PublicationAPI.RecordPublicationHoldResponse>(
        prefix: "/hold/", name: "hold-form", title: "Hold the publication for parallel proceedings", method: PublicationAPI.recordPublicationHold,
        button: "Record the hold", recorded: "hold", dates: ["heldOn", "reviewOn"], preconditions: ["P3": "main", "T10": "main"],
        load: PublishingForms.loading { _ in
            StepContext(intro: "<p>Publication waits for parallel proceedings, and the hold is reviewed on a date (P3).</p>\n")
        },
        fields: { form, _ in
            form.radios(
                "proceedings", legend: "What it waits for",
                options: [("trial", "A criminal trial"), ("inquest", "An inquest"), ("other", "Other proceedings")])
                + form.text("reason", label: "Why", hint: "Without names, e.g. the Crown Court trial listed for March", multiline: true)
                + form.text("requestedBy", label: "Asked for by, by role", hint: "For example, Senior Investigating Officer")
                + form.date("heldOn", legend: "Agreed on") + form.date("reviewOn", legend: "To be reviewed on")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let proceedings = PublicationAPI.ParallelProceedings(rawValue: values["proceedings"])
            if proceedings == nil { errors.append(FieldError(field: "proceedings", message: "Choose what the publication waits for")) }
            let held = DateInput.read(values, "heldOn", label: "Agreed on", required: true, errors: &errors)
            let review = DateInput.read(values, "reviewOn", label: "To be reviewed on", required: true, errors: &errors)
            guard let proceedings, let held, let review else { return nil }
            return .init(
                caseReference: reference, proceedings: proceedings, reason: values.text("reason") ?? "",
                requestedBy: values.text("requestedBy") ?? "",
                heldOn: held, reviewOn: review)
        },
        handler: { $0.recordPublicationHold })

    /// `ReleasePublicationHold`: a standing hold released.
    static let release = StepForm<PublicationAPI.ReleasePublicationHoldRequest, PublicationAPI.ReleasePublicationHoldResponse>(
        prefix: "/hold-release/", name: "hold-release-form", title: "Release a hold", method: PublicationAPI.releasePublicationHold,
        button: "Release the hold", recorded: "release", dates: ["releasedOn"], preconditions: ["P3": "holdNumber"],
        load: PublishingForms.loading { publication in
            let standing = publication.planning?.holdsStanding ?? []
            let holds = publication.planning?.holds.filter { standing.contains($0.number) } ?? []
            return StepContext(
                intro: "<p>The proceedings no longer hold the publication (P3).</p>\n",
                options: holds.map {
                    ("\($0.number)", "Hold \($0.number): \($0.proceedings.rawValue), to be reviewed on \(PageForm.long($0.reviewOn))")
                })
        },
        fields: { form, context in
            form.radios("holdNumber", legend: "Which hold", options: context.options) + form.date("releasedOn", legend: "Released on")
                + form.text("reason", label: "Why", hint: "For example, the trial concluded", multiline: true)
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let number = Int(values["holdNumber"])
            if number == nil { errors.append(FieldError(field: "holdNumber", message: "Choose which hold")) }
            let released = DateInput.read(values, "releasedOn", label: "Released on", required: true, errors: &errors)
            guard let number, let released else { return nil }
            return .init(caseReference: reference, holdNumber: number, releasedOn: released, reason: values.text("reason") ?? "")
        },
        handler: { $0.releasePublicationHold })

    /// `RecordArchived`: a year after publication, archived and available on request (T10, §10.5.2).
    static let archive = StepForm<PublicationAPI.RecordArchivedRequest, PublicationAPI.RecordArchivedResponse>(
        prefix: "/archive/", name: "archive-form", title: "Record the archive step", method: PublicationAPI.recordArchived,
        button: "Record as archived", recorded: "archived", dates: ["archivedOn"],
        load: PublishingForms.loading { _ in
            StepContext(
                intro: "<p>A published report stays available for at least a year, then is archived and available on request (T10, §10.5.2).</p>\n")
        },
        fields: { form, _ in
            form.date("archivedOn", legend: "Archived on")
                + form.text("availableOnRequestFrom", label: "Available on request from", hint: "For example, the Partnership Board's business unit")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let archived = DateInput.read(values, "archivedOn", label: "Archived on", required: true, errors: &errors)
            guard let archived else { return nil }
            return .init(caseReference: reference, archivedOn: archived, availableOnRequestFrom: values.text("availableOnRequestFrom") ?? "")
        },
        handler: { $0.recordArchived })
}
