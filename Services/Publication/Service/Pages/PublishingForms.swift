import Contract
import ServiceKit
import WebForms

/// The forms of a publication's steps (§10.5, T9, P2, P5): advance copies, the date, the
/// publication, the NSPCC repository, and the partners' decision not to publish.
enum PublishingForms {
    /// A form's context from the publication held, or nil when none is.
    static func loading(_ context: @escaping @Sendable (PublicationAPI.Publication) -> StepContext)
        -> @Sendable (
            PublicationHandlers, CaseReference
        ) async -> StepContext?
    {
        { handlers, reference in await PageForm.publication(handlers, reference).map(context) }
    }

    /// What is to be published, in words.
    static func document(_ publication: PublicationAPI.Publication) -> String {
        publication.document == .report ? "report version \(publication.reportVersion)" : "information about improvements"
    }

    /// `RecordAdvanceCopy` (T9, §10.5.1): one recipient's copy of the version to be published.
    static let advanceCopy = StepForm<PublicationAPI.RecordAdvanceCopyRequest, PublicationAPI.RecordAdvanceCopyResponse>(
        prefix: "/advance-copy/", name: "advance-copy-form", title: "Record an advance copy", method: PublicationAPI.recordAdvanceCopy,
        button: "Record the advance copy", recorded: "advance-copy", dates: ["sentOn"], preconditions: ["P2": "main"],
        load: loading { publication in
            let missing = publication.advanceCopiesMissing.map(AdvanceCopyWords.recipient).joined(separator: ", ")
            let intro =
                "<p>The \(HTML.escape(document(publication))) goes to the National Panel, Ofsted and the Secretary of State at least "
                + "7 working days before publication (T9, §10.5.1).</p>\n"
                + (missing.isEmpty ? "<p>All three have a copy.</p>\n" : "<p>Still without a copy: \(HTML.escape(missing)).</p>\n")
            let version = publication.document == .report ? publication.reportVersion : 1
            return StepContext(
                intro: intro,
                values: [
                    "reportVersion": "\(version)", "document": publication.document.rawValue,
                    "recipient": publication.advanceCopiesMissing.first?.rawValue ?? "",
                ])
        },
        fields: { form, _ in
            FormContext.hidden("reportVersion", form.values["reportVersion"]) + FormContext.hidden("document", form.values["document"])
                + form.radios(
                    "recipient", legend: "Sent to",
                    options: PublicationAPI.AdvanceCopyRecipient.allCases.map { ($0.rawValue, AdvanceCopyWords.recipient($0).capitalizedFirst) })
                + form.date("sentOn", legend: "Sent on", hint: "For example, 4 1 2027")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let recipient = PublicationAPI.AdvanceCopyRecipient(rawValue: values["recipient"])
            if recipient == nil { errors.append(FieldError(field: "recipient", message: "Choose who the copy was sent to")) }
            let sentOn = DateInput.read(values, "sentOn", label: "Sent on", required: true, errors: &errors)
            guard let recipient, let sentOn else { return nil }
            return .init(
                caseReference: reference, recipient: recipient, reportVersion: Int(values["reportVersion"]) ?? 0, sentOn: sentOn,
                document: PublicationAPI.PublicationDocument(rawValue: values["document"]))
        },
        handler: { $0.recordAdvanceCopy })

    /// `SchedulePublication` (T9, P3, P4): the date and the address.
    static let schedule = StepForm<PublicationAPI.SchedulePublicationRequest, PublicationAPI.SchedulePublicationResponse>(
        prefix: "/schedule/", name: "schedule-form", title: "Schedule the publication", method: PublicationAPI.schedulePublication,
        button: "Schedule the publication", recorded: "schedule", dates: ["publicationDate"],
        preconditions: ["T9": "publicationDate", "P4": "main", "P3": "main", "T10": "main"],
        load: { handlers, reference in
            guard let publication = await PageForm.publication(handlers, reference) else { return nil }
            let today = handlers.clock.today
            let earliest =
                publication.earliestPublicationDate.map { "<p>The earliest date T9 allows: <strong>\(PageForm.long($0))</strong>.</p>\n" }
                ?? "<p>T9 allows no date yet: a recipient has no advance copy of the version to be published.</p>\n"
            // The date in force, or the earliest T9 allows (not before today: a past date is refused).
            let suggested = publication.earliestPublicationDate.map { max($0, today) }
            var values = PageForm.dateValues("publicationDate", publication.schedules.last?.publicationDate ?? suggested)
            values["address"] = publication.schedules.last?.address ?? ""
            return StepContext(intro: "<p>The \(HTML.escape(document(publication))) is to be published.</p>\n" + earliest, values: values)
        },
        fields: { form, _ in
            form.date("publicationDate", legend: "Publication date", hint: "At least 7 working days after the last advance copy (T9)")
                + form.text("address", label: "Web address it will be published at", hint: "An http or https address (P5)")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let date = DateInput.read(values, "publicationDate", label: "Publication date", required: true, errors: &errors)
            guard let date else { return nil }
            return .init(caseReference: reference, publicationDate: date, address: values.text("address") ?? "")
        },
        handler: { $0.schedulePublication })

    /// `RecordPublished` (P5, T10): the date and the address it was published at.
    static let published = StepForm<PublicationAPI.RecordPublishedRequest, PublicationAPI.RecordPublishedResponse>(
        prefix: "/published-on/", name: "published-form", title: "Record the publication", method: PublicationAPI.recordPublished,
        button: "Record as published", recorded: "published", dates: ["publishedOn"],
        preconditions: ["T9": "publishedOn", "P4": "main", "P3": "main", "T10": "main"],
        load: loading { publication in
            var values = PageForm.dateValues("publishedOn", publication.schedules.last?.publicationDate)
            values["address"] = publication.schedules.last?.address ?? ""
            return StepContext(
                intro: "<p>Once published, the \(HTML.escape(document(publication))) stays available for a year, then is archived (T10).</p>\n",
                values: values)
        },
        fields: { form, _ in
            form.date("publishedOn", legend: "Published on")
                + form.text("address", label: "Web address it is published at", hint: "An http or https address (P5)")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let date = DateInput.read(values, "publishedOn", label: "Published on", required: true, errors: &errors)
            guard let date else { return nil }
            return .init(caseReference: reference, publishedOn: date, address: values.text("address") ?? "")
        },
        handler: { $0.recordPublished })

    /// `RecordRepositorySubmission` (P5, §10.5.3): sent to the NSPCC repository, and its acknowledgement.
    static let repository = StepForm<PublicationAPI.RecordRepositorySubmissionRequest, PublicationAPI.RecordRepositorySubmissionResponse>(
        prefix: "/repository/", name: "repository-form", title: "Record the NSPCC repository submission",
        method: PublicationAPI.recordRepositorySubmission, button: "Record the submission", recorded: "repository",
        dates: ["submittedOn", "acknowledgedOn"], preconditions: ["P5": "main"],
        load: loading { publication in
            let last = publication.repositorySubmissions.last
            var values = PageForm.dateValues("submittedOn", last?.submittedOn)
            values.merge(PageForm.dateValues("acknowledgedOn", last?.acknowledgedOn)) { $1 }
            return StepContext(
                intro:
                    "<p>The published report goes to the NSPCC national case review repository (§10.5.3); record the acknowledgement when it comes.</p>\n",
                values: values)
        },
        fields: { form, _ in
            form.date("submittedOn", legend: "Submitted on") + form.date("acknowledgedOn", legend: "Acknowledged on (if it has been)")
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let submitted = DateInput.read(values, "submittedOn", label: "Submitted on", required: true, errors: &errors)
            let acknowledged = DateInput.read(values, "acknowledgedOn", label: "Acknowledged on", required: false, errors: &errors)
            guard let submitted, errors.isEmpty else { return nil }
            return .init(caseReference: reference, submittedOn: submitted, acknowledgedOn: acknowledged)
        },
        handler: { $0.recordRepositorySubmission })

    /// `DecideNotToPublish` (P2): the partners' decision, with the Case Review Panel, and why.
    static let notPublishing = StepForm<PublicationAPI.DecideNotToPublishRequest, PublicationAPI.DecideNotToPublishResponse>(
        prefix: "/not-publishing/", name: "not-publishing-form", title: "Record a decision not to publish",
        method: PublicationAPI.decideNotToPublish, button: "Record the decision", recorded: "not-publishing", dates: ["decidedOn"],
        preconditions: ["P2": "main", "T10": "main"],
        load: loading { _ in
            StepContext(
                intro: "<p>The safeguarding partners, with the Case Review Panel, may decide not to publish the report (P2). "
                    + "The information about improvements is then published instead, on the same timescale.</p>\n")
        },
        fields: { form, _ in
            form.date("decidedOn", legend: "Decided on") + form.text("reasons", label: "Reasons", hint: "Without names", multiline: true)
                + form.text("decidedBy", label: "Decided by", hint: "For example, the three safeguarding partners")
                + form.radios("caseReviewPanelAgreed", legend: "Did the Case Review Panel agree?", options: [("yes", "Yes"), ("no", "No")])
        },
        read: { (reference: CaseReference, values: FormData, errors: inout [FieldError]) in
            let date = DateInput.read(values, "decidedOn", label: "Decided on", required: true, errors: &errors)
            let agreed: Bool? = values["caseReviewPanelAgreed"] == "yes" ? true : values["caseReviewPanelAgreed"] == "no" ? false : nil
            if agreed == nil { errors.append(FieldError(field: "caseReviewPanelAgreed", message: "Say whether the Case Review Panel agreed")) }
            guard let date, let agreed else { return nil }
            return .init(
                caseReference: reference, decidedOn: date, reasons: values.text("reasons") ?? "", decidedBy: values.text("decidedBy") ?? "",
                caseReviewPanelAgreed: agreed)
        },
        handler: { $0.decideNotToPublish })
}

extension String {
    /// The first letter in capitals: "the National Panel" as an option's label.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
