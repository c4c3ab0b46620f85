import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// Oversight in the browser (§3.1.3, §5.6, §6.2.3; T7 extended, T8): the record at
/// `/oversight/<case>` and one form per call, each on its own page (two of them share field
/// names, such as `reason`, which are their contract paths), posting to its RPC's own handler.
/// Liaison notes and the people who asked and decided are shown: every view is audited.
struct OversightPages: Sendable {
    static let prefix = "/oversight/"
    static let requests = RepeatingItems(name: "requestsToReviewer", parts: [""], initial: 1)
    let handlers: ReviewManagementHandlers

    /// The five oversight forms, each its call's page.
    enum Form: String, CaseIterable, Sendable {
        case parallelProcess = "parallel-process"
        case delayDecision = "delay-decision"
        case forecastCompletion = "forecast-completion"
        case delayNotice = "delay-notice"
        case checkpoint = "checkpoint"

        /// `/<form>/`, the page's path before the case.
        var prefix: String { "/\(rawValue)/" }

        /// The roles of the form's RPC method.
        var roles: Set<String> {
            let api = ReviewManagementAPI.self
            return switch self {
            case .parallelProcess: api.recordParallelProcess.info.roles
            case .delayDecision: api.recordDelayDecision.info.roles
            case .forecastCompletion: api.recordForecastCompletion.info.roles
            case .delayNotice: api.recordDelayNotice.info.roles
            case .checkpoint: api.recordCheckpoint.info.roles
            }
        }

        /// The page's title.
        var title: String {
            switch self {
            case .parallelProcess: "Register or update a parallel process"
            case .delayDecision: "Record a decision to delay (T7 extended)"
            case .forecastCompletion: "Record a forecast completion date"
            case .delayNotice: "Record the notice of delay (T8)"
            case .checkpoint: "Record a progress or quality checkpoint"
            }
        }

        /// What the confirmation says.
        var recorded: String {
            switch self {
            case .parallelProcess: "The parallel process was recorded"
            case .delayDecision: "The decision to delay was recorded: T7 extended"
            case .forecastCompletion: "The forecast completion date was recorded"
            case .delayNotice: "The notice of delay was recorded"
            case .checkpoint: "The checkpoint was recorded"
            }
        }

        /// The page's date fields (a refusal of one goes to its day).
        var dates: Set<String> {
            switch self {
            case .parallelProcess: ["heldOn"]
            case .delayDecision: ["decidedOn", "newDue"]
            case .forecastCompletion: ["forecastCompletion"]
            case .delayNotice: ["nationalPanelInformedOn", "secretaryOfStateInformedOn"]
            case .checkpoint: ["heldOn"]
            }
        }
    }

    /// The roles that may open the oversight record: any form's, among those who read a review.
    static var recordRoles: Set<String> {
        Form.allCases.reduce(into: Set<String>()) { $0.formUnion($1.roles) }.intersection(ReviewManagementAPI.getReview.info.roles)
    }

    // MARK: - The record

    /// `GET /oversight/<case>`: the register of parallel processes, delays, forecasts, notices
    /// and checkpoints, and links to the forms the viewer's roles may post.
    func record(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var html = ""
        if let form = Form(rawValue: request.query["recorded"]) {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(form.recorded))</h2></div>\n"
        }
        let roles = request.session.principal.roles
        let ref = HTML.escape(reference.description)
        let links = Form.allCases.filter { !roles.isDisjoint(with: $0.roles) }.map { "<li><a href=\"\($0.prefix)\(ref)\">\($0.title)</a></li>" }
        if !links.isEmpty { html += "<h2>Record</h2>\n<ul>\n" + links.joined(separator: "\n") + "\n</ul>\n" }
        html += Self.recordHTML(review.oversight ?? ReviewManagementAPI.Oversight())
        html += ReviewPages.deadlines(review.deadlines)
        html += ReviewForm.back(reference)
        let page = request.page(title: "Oversight of review \(reference)", heading: "Oversight: parallel processes, delays, checkpoints", body: html)
        return await request.audited("Oversight", caseReference: reference.description, page)
    }

    /// The oversight record as tables and lists, every text escaped.
    static func recordHTML(_ oversight: ReviewManagementAPI.Oversight) -> String {
        var html = "<h2>Parallel processes (§5.6)</h2>\n"
        if oversight.parallelProcesses.isEmpty { html += "<p>None registered.</p>\n" }
        for process in oversight.parallelProcesses {
            html += "<h3>\(process.number): \(HTML.escape(ReviewForm.words(process.kind.rawValue).capitalizedFirst))</h3>\n"
            html += "<p>\(HTML.escape(process.description)). Now: <strong>\(HTML.escape(process.status.rawValue))</strong>.</p>\n<ul>\n"
            for update in process.updates {
                var line = "\(ReviewForm.long(update.recordedOn)), \(update.recordedBy): \(update.status.rawValue)"
                if let liaison = update.liaison {
                    line += "; liaison with \(ReviewForm.words(liaison.with.rawValue)) on \(ReviewForm.long(liaison.heldOn)): \(liaison.note)"
                }
                html += "<li>\(HTML.escape(line))</li>\n"
            }
            html += "</ul>\n"
        }
        var rows: [String] = []
        for decision in oversight.delayDecisions {
            rows.append(
                "Delay \(decision.number): asked by \(decision.requestedBy), decided by \(decision.decidedBy) on \(ReviewForm.long(decision.decidedOn)): "
                    + "\(decision.reason). T7 moved from \(ReviewForm.long(decision.previousDue)) to \(ReviewForm.long(decision.newDue))")
        }
        for forecast in oversight.forecasts {
            rows.append("Forecast \(forecast.number): completion \(ReviewForm.long(forecast.forecastCompletion)), recorded by \(forecast.recordedBy)")
        }
        for notice in oversight.delayNotices {
            rows.append(
                "Notice \(notice.number): the National Panel informed \(ReviewForm.long(notice.nationalPanelInformedOn)), the Secretary of State "
                    + "\(ReviewForm.long(notice.secretaryOfStateInformedOn)): \(notice.reason)")
        }
        for checkpoint in oversight.checkpoints {
            let asks =
                checkpoint.requestsToReviewer.isEmpty ? "" : " Requests to the reviewer: " + checkpoint.requestsToReviewer.joined(separator: "; ")
            rows.append(
                "Checkpoint \(checkpoint.number) (\(checkpoint.kind.rawValue), \(ReviewForm.long(checkpoint.heldOn))): \(checkpoint.findings).\(asks)"
            )
        }
        html += "<h2>Delays, forecasts, notices and checkpoints</h2>\n"
        html += rows.isEmpty ? "<p>None recorded.</p>\n" : "<ul>\n" + rows.map { "<li>\(HTML.escape($0))</li>" }.joined(separator: "\n") + "\n</ul>\n"
        return html
    }

    // MARK: - The forms

    /// `GET /<form>/<case>`: the form, empty but for today's dates where one is usual.
    func form(_ request: PageRequest, _ form: Form) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values: [String: String] = [:]
        switch form {
        case .parallelProcess: values["process"] = "new"
        case .checkpoint: ReviewForm.dateValues("heldOn", handlers.clock.today, into: &values)
        default: break
        }
        let page = render(request, review, form, FormContext(values: FormData(values: values)))
        return await request.audited("Oversight", caseReference: reference.description, page)
    }

    /// `POST /<form>/<case>`: the form's call, once per key; a refusal shows the form again,
    /// the values kept, the error beside its field.
    func post(_ request: PageRequest, _ form: Form) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request), let review = await ReviewForm.load(handlers, reference) else {
            return ReviewForm.notFound(request)
        }
        var values = ReviewForm.values(request)
        if form == .checkpoint, let changed = Self.requests.applying(request.form["action"], to: values) {
            values = changed
            return render(request, review, form, FormContext(values: values))
        }
        func refused(_ errors: [FieldError]) async -> HTTPResponse {
            await request.audited(
                "Oversight", caseReference: reference.description,
                render(request, review, form, FormContext(values: values, errors: errors), status: 400))
        }
        var errors: [FieldError] = []
        let location = "\(Self.prefix)\(FormData.encode(reference.description))?recorded=\(form.rawValue)"
        let api = ReviewManagementAPI.self
        func date(_ name: String, _ label: String) -> CivilDate? { DateInput.read(values, name, label: label, required: false, errors: &errors) }
        switch form {
        case .parallelProcess:
            let process: Int? = values["process"] == "new" ? nil : Int(values["process"])
            if values["process"] != "new", process == nil { errors.append(FieldError(field: "process", message: "Choose the process, or a new one")) }
            let status = ReviewManagementAPI.ParallelProcessStatus(rawValue: values["status"])
            if status == nil { errors.append(FieldError(field: "status", message: "Say where the process stands")) }
            let heldOn = date("liaison.heldOn", "Date of the liaison")
            let with = ReviewManagementAPI.LiaisonParty(rawValue: values["liaison.with"])
            let note = values["liaison.note"]
            var liaison: ReviewManagementAPI.LiaisonNote?
            if heldOn != nil || with != nil || !note.isBlank {
                if with == nil { errors.append(FieldError(field: "liaison.with", message: "Say who the liaison was with")) }
                if heldOn == nil, errors.allSatisfy({ !$0.field.hasPrefix("liaison.heldOn") }) {
                    errors.append(FieldError(field: "liaison.heldOn.day", message: "Enter the date of the liaison"))
                }
                if let heldOn, let with { liaison = ReviewManagementAPI.LiaisonNote(heldOn: heldOn, with: with, note: note) }
            }
            guard errors.isEmpty, let status else { return await refused(errors) }
            let call = api.RecordParallelProcessRequest(
                caseReference: reference, process: process, kind: api.ParallelProcessKind(rawValue: values["kind"]),
                description: values.text("description"), status: status, liaison: liaison)
            return await ReviewForm.submit(
                handlers, request, api.recordParallelProcess, call, recorded: form.rawValue, reference: reference, location: location,
                dates: form.dates,
                handler: handlers.recordParallelProcess, refused: refused)
        case .delayDecision:
            let (decidedOn, newDue) = (date("decidedOn", "Date decided"), date("newDue", "T7's new due date"))
            guard errors.isEmpty else { return await refused(errors) }
            let call = api.RecordDelayDecisionRequest(
                caseReference: reference, requestedBy: values.text("requestedBy"), decidedBy: values.text("decidedBy"), decidedOn: decidedOn,
                reason: values.text("reason"), newDue: newDue)
            return await ReviewForm.submit(
                handlers, request, api.recordDelayDecision, call, recorded: form.rawValue, reference: reference, location: location,
                dates: form.dates,
                handler: handlers.recordDelayDecision, refused: refused)
        case .forecastCompletion:
            let forecast = date("forecastCompletion", "Forecast completion date")
            guard errors.isEmpty else { return await refused(errors) }
            let call = api.RecordForecastCompletionRequest(caseReference: reference, forecastCompletion: forecast)
            return await ReviewForm.submit(
                handlers, request, api.recordForecastCompletion, call, recorded: form.rawValue, reference: reference, location: location,
                dates: form.dates, handler: handlers.recordForecastCompletion, refused: refused)
        case .delayNotice:
            let panel = date("nationalPanelInformedOn", "Date the National Panel was informed")
            let secretary = date("secretaryOfStateInformedOn", "Date the Secretary of State was informed")
            guard errors.isEmpty else { return await refused(errors) }
            let call = api.RecordDelayNoticeRequest(
                caseReference: reference, nationalPanelInformedOn: panel, secretaryOfStateInformedOn: secretary, reason: values.text("reason"))
            return await ReviewForm.submit(
                handlers, request, api.recordDelayNotice, call, recorded: form.rawValue, reference: reference, location: location, dates: form.dates,
                handler: handlers.recordDelayNotice, refused: refused)
        case .checkpoint:
            let kind = api.CheckpointKind(rawValue: values["kind"])
            if kind == nil { errors.append(FieldError(field: "kind", message: "Say whether it was a progress or a quality checkpoint")) }
            let heldOn = DateInput.read(values, "heldOn", label: "Date held", required: true, errors: &errors)
            guard errors.isEmpty, let kind, let heldOn else { return await refused(errors) }
            // A blank "Add another" line is left out, not refused: only what was written is sent.
            let asks = (0..<Self.requests.count(values)).compactMap { values.text(Self.requests.field($0, "")) }
            let call = api.RecordCheckpointRequest(
                caseReference: reference, kind: kind, heldOn: heldOn, findings: values["findings"], requestsToReviewer: asks)
            return await ReviewForm.submit(
                handlers, request, api.recordCheckpoint, call, recorded: form.rawValue, reference: reference, location: location, dates: form.dates,
                handler: handlers.recordCheckpoint, refused: refused)
        }
    }

    private func render(
        _ request: PageRequest, _ review: ReviewManagementAPI.Review, _ kind: Form, _ form: FormContext, status: Int = 200
    ) -> HTTPResponse {
        let reference = review.caseReference
        let ref = HTML.escape(reference.description)
        var html = FormContext.errorSummary(form.errors)
        html += "<form method=\"post\" action=\"\(kind.prefix)\(ref)\" novalidate>\n"
        html += FormContext.csrf(request.session) + FormContext.idempotencyKey()
        let button: String
        switch kind {
        case .parallelProcess:
            let processes = review.oversight?.parallelProcesses ?? []
            html += form.radios(
                "process", legend: "Process",
                options: [("new", "Register a new process")]
                    + processes.map { ("\($0.number)", "\($0.number): \(ReviewForm.words($0.kind.rawValue)), \($0.description)") })
            html += form.radios(
                "kind", legend: "Kind (to register)", hint: "A process already registered keeps its kind.",
                options: [
                    ("criminalProceedings", "Criminal investigation or proceedings"), ("inquest", "Coroner's inquest"),
                    ("domesticHomicideReview", "Domestic Homicide Review"), ("safeguardingAdultsReview", "Safeguarding Adults Review"),
                    ("mappaReview", "MAPPA serious case review"), ("disciplinary", "Disciplinary procedure"),
                    ("seriousIncident", "Serious incident investigation"), ("other", "Another formal review or investigation"),
                ])
            html += form.text("description", label: "What it is and who runs it (to register)", multiline: true)
            html += form.radios(
                "status", legend: "Where it stands now",
                options: [("ongoing", "Under way"), ("paused", "Paused or adjourned"), ("concluded", "Finished")])
            var liaison = form.date("liaison.heldOn", legend: "Date of the liaison")
            liaison += form.radios(
                "liaison.with", legend: "Liaison with",
                options: [
                    ("seniorInvestigatingOfficer", "The Senior Investigating Officer"), ("crownProsecutionService", "The Crown Prosecution Service"),
                    ("familyLiaison", "The family liaison officer"), ("other", "Someone else (named in the note)"),
                ])
            liaison += form.text("liaison.note", label: "What was agreed or learned", multiline: true)
            html += FormContext.group(legend: "A liaison note (optional, §6.2.3)", liaison)
            button = "Record the parallel process"
        case .delayDecision:
            html += "<p>A deadline is extended only by a recorded decision: who asked, who decided, when, why and T7's new date.</p>\n"
            html += form.text("requestedBy", label: "Who asked for the delay", hint: "For example the police, for a criminal investigation.")
            html += form.text("decidedBy", label: "Who decided")
            html += form.date("decidedOn", legend: "Date decided")
            html += form.text("reason", label: "Why", multiline: true)
            html += form.date("newDue", legend: "T7's new due date", hint: "After the current due date.")
            button = "Record the decision to delay"
        case .forecastCompletion:
            html += "<p>A forecast past T7's due date makes T8 due: the National Panel and the Secretary of State are to be informed.</p>\n"
            html += form.date("forecastCompletion", legend: "Forecast completion date")
            button = "Record the forecast"
        case .delayNotice:
            html += form.date("nationalPanelInformedOn", legend: "Date the National Panel was informed")
            html += form.date("secretaryOfStateInformedOn", legend: "Date the Secretary of State was informed")
            html += form.text("reason", label: "The reason for the delay given to them", multiline: true)
            button = "Record the notice of delay"
        case .checkpoint:
            html += form.radios(
                "kind", legend: "Checkpoint", options: [("progress", "Progress against the timetable"), ("quality", "Quality of the work")])
            html += form.date("heldOn", legend: "Date held")
            html += form.text("findings", label: "What it found", multiline: true)
            let group = Self.requests
            html += group.hidden(form.values)
            for index in 0..<group.count(form.values) {
                var item = form.text(group.field(index, ""), label: "Written request \(index + 1) to the lead reviewer (optional)", multiline: true)
                item += FormContext.button("Remove request \(index + 1)", value: group.removeAction(index), style: "secondary")
                html += FormContext.group(legend: "Request \(index + 1)", item)
            }
            html += FormContext.button("Add another request", value: group.addAction, style: "secondary") + "\n"
            button = "Record the checkpoint"
        }
        html += "<div class=\"buttons\">" + FormContext.button(button, value: "record") + "</div>\n</form>\n"
        html +=
            "<nav><p><a href=\"\(Self.prefix)\(ref)\">Back to oversight</a> · <a href=\"\(ReviewPages.casePrefix)\(ref)\">Back to the review</a></p></nav>\n"
        return request.page(title: kind.title, errors: !form.errors.isEmpty, body: html, status: status)
    }
}
