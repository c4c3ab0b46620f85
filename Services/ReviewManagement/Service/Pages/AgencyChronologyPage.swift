import Contract
import H2
import ServiceKit
import WebForms
import WorkingDays

/// An agency's own page on a case (§8.4, Appendix 7, V6): its request and its chronology, one
/// entry per key event, posted to `SubmitChronology`'s handler. An agency's token opens only
/// the request to its own agency: a missing case and another agency's request get the same
/// answer, so the page tells nothing about which agencies a case involves.
extension AgencyPages {
    /// The one answer to an agency's token for a case it may not open.
    static let notOpen = "There is no request to your agency on this case."

    /// The agency the page is about, or nil: an agency's token its own agency; the review
    /// team the agency named in the query or the form.
    static func agency(_ request: PageRequest) -> (agency: String?, own: Bool) {
        let principal = request.session.principal
        let partnership = !principal.roles.intersection(ReviewManagementAPI.submitChronology.info.roles).subtracting([Role.agency.rawValue]).isEmpty
        if partnership {
            let named = request.form.text("agency") ?? request.query.text("agency")
            return (named, false)
        }
        return (principal.agency, true)
    }

    /// The review and the request to `agency`, or nil when the page is not open.
    func requestTo(_ reference: CaseReference?, _ agency: String?) async -> (Review, ReviewManagementAPI.AgencyRequest)? {
        guard let reference, let agency, let review = try? await handlers.store.review(reference), let asked = review.agencyRequest(agency) else {
            return nil
        }
        return (review, asked)
    }

    func agencyPage(_ request: PageRequest) async -> HTTPResponse {
        let (agency, _) = Self.agency(request)
        guard let (review, asked) = await requestTo(ReviewForm.reference(request), agency) else {
            return ReviewForm.notFound(request, Self.notOpen)
        }
        var values: [String: String] = ["count.entries": "1"]
        if let latest = review.chronologies.last(where: { $0.key.agency.lowercased() == asked.agency.lowercased() }) {
            values["count.entries"] = "\(max(1, latest.entries.count))"
            for (index, entry) in latest.entries.enumerated() {
                ReviewForm.dateValues(Self.entries.field(index, "date"), entry.date, into: &values)
                values[Self.entries.field(index, "time")] = entry.time
                values[Self.entries.field(index, "event")] = entry.event
                values[Self.entries.field(index, "source")] = entry.source
                values[Self.entries.field(index, "period")] = entry.period.rawValue
            }
        }
        let page = renderAgency(request, review, asked, FormContext(values: FormData(values: values)))
        return await request.audited("AgencyChronologyForm", caseReference: review.reference.description, page)
    }

    func submitChronology(_ request: PageRequest) async -> HTTPResponse {
        let (agency, _) = Self.agency(request)
        let reference = ReviewForm.reference(request)
        guard let reference, let (review, asked) = await requestTo(reference, agency) else {
            return ReviewForm.notFound(request, Self.notOpen)
        }
        var values = ReviewForm.values(request)
        if let changed = Self.entries.applying(request.form["action"], to: values) {
            values = changed
            return renderAgency(request, review, asked, FormContext(values: values))
        }
        var errors: [FieldError] = []
        var entries: [ReviewManagementAPI.ChronologyEntry] = []
        for index in 0..<Self.entries.count(values) {
            let field = { (part: String) in Self.entries.field(index, part) }
            let parts = Self.entries.parts.map { values.text(field($0)) }
            if parts.allSatisfy({ $0 == nil }) { continue }
            let date = DateInput.read(values, field("date"), label: "Entry \(index + 1)'s date", required: true, errors: &errors)
            let period = ReviewManagementAPI.ReviewPeriodPlacement(rawValue: values[field("period")])
            if period == nil {
                errors.append(
                    FieldError(field: field("period"), message: "Entry \(index + 1): say whether it is inside or outside the review period"))
            }
            if let date, let period {
                entries.append(
                    .init(
                        date: date, time: values.text(field("time")), event: values[field("event")], source: values[field("source")], period: period))
            }
        }
        func refused(_ errors: [FieldError]) -> HTTPResponse {
            renderAgency(request, review, asked, FormContext(values: values, errors: errors), status: 400)
        }
        guard errors.isEmpty else { return refused(errors) }
        let call = ReviewManagementAPI.SubmitChronologyRequest(caseReference: reference, agency: asked.agency, entries: entries)
        var location = "\(Self.prefix)\(FormData.encode(reference.description))?recorded=chronology"
        if !Self.agency(request).own { location += "&agency=\(FormData.encode(asked.agency))" }
        return await ReviewForm.submit(
            handlers, request, ReviewManagementAPI.submitChronology, call, recorded: "chronology", reference: reference, location: location,
            dates: ["date"], handler: handlers.submitChronology, refused: refused)
    }

    private func renderAgency(
        _ request: PageRequest, _ review: Review, _ asked: ReviewManagementAPI.AgencyRequest, _ form: FormContext, status: Int = 200
    ) -> HTTPResponse {
        let ref = HTML.escape(review.reference.description)
        let group = Self.entries
        var html = FormContext.errorSummary(form.errors)
        let done = ["chronology": "Your chronology was submitted", "information-report": "Your information report was submitted"]
        if let message = done[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(message))</h2></div>\n"
        }
        let standing = review.standing(of: asked, today: handlers.clock.today)
        let outstanding = standing.outstanding.isEmpty ? "nothing" : standing.outstanding.map(Self.words).joined(separator: " and ")
        html += """
            <dl class="record">
            <dt>Case</dt><dd>\(ref)</dd>
            <dt>Agency</dt><dd>\(HTML.escape(asked.agency))</dd>
            <dt>Asked for</dt><dd>\(HTML.escape(asked.asks.map(Self.words).joined(separator: " and ")))</dd>
            <dt>Due by</dt><dd>\(HTML.escape(ReviewForm.long(asked.dueOn)))\(standing.overdue ? " (overdue)" : "")</dd>
            <dt>Still to send</dt><dd>\(HTML.escape(outstanding))</dd>
            </dl>

            """
        for kind in asked.asks {
            guard let latest = review.latestSubmission(asked.agency, kind), let decision = review.decision(on: latest), decision.outcome == .sentBack
            else { continue }
            html += "<div class=\"warning\"><p>The review team sent your \(Self.words(kind)) (version \(latest.version)) back (V8): "
            html += "\(HTML.escape(decision.question ?? ""))</p></div>\n"
        }
        if asked.asks.contains(.informationReport) {
            let query = Self.agency(request).own ? "" : "?agency=\(FormData.encode(asked.agency))"
            html += "<p><a href=\"\(Self.reportPrefix)\(ref)\(query)\">Your information report</a> (Appendix 9)</p>\n"
        }
        guard asked.asks.contains(.chronology) else {
            return request.page(title: "Your agency's request", body: html, status: status)
        }
        html += """
            <h2>Your chronology</h2>
            <p>One entry for each key event of your agency's contact with the child and family (Appendix 7), in the order they \
            happened. Write roles, not names, where you can. Sending it again replaces the earlier version.</p>
            <form method="post" action="\(Self.prefix)\(ref)" novalidate>
            \(FormContext.csrf(request.session))\(FormContext.idempotencyKey())\(group.hidden(form.values))
            """
        if !Self.agency(request).own { html += FormContext.hidden("agency", asked.agency) }
        for index in 0..<group.count(form.values) {
            var item = form.date(group.field(index, "date"), legend: "Date")
            item += form.text(group.field(index, "time"), label: "Time (optional)", hint: "24-hour, for example 14:30.", inputmode: "numeric")
            item += form.text(group.field(index, "event"), label: "What happened", multiline: true)
            item += form.text(group.field(index, "source"), label: "Source", hint: "The record it comes from.")
            item += form.radios(
                group.field(index, "period"), legend: "Inside or outside the review period",
                options: [("inside", "Inside the review period"), ("outside", "Outside the review period")])
            item += FormContext.button("Remove entry \(index + 1)", value: group.removeAction(index), style: "secondary")
            html += FormContext.group(legend: "Entry \(index + 1)", item)
        }
        html += FormContext.button("Add another entry", value: group.addAction, style: "secondary") + "\n"
        html += "<div class=\"buttons\">" + FormContext.button("Submit the chronology", value: "submit") + "</div>\n</form>\n"
        return request.page(title: "Your agency's chronology", errors: !form.errors.isEmpty, body: html, status: status)
    }

    // MARK: Combined chronology

    /// `GetCombinedChronology` run as a call: every agency's latest chronology merged by date.
    func combined(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = ReviewForm.reference(request) else { return ReviewForm.notFound(request) }
        let context = handlers.context
        let result = await PageCall.run(
            ReviewManagementAPI.getCombinedChronology, .init(caseReference: reference), session: request.session, idempotencyKey: nil,
            database: context.database, logger: context.logger, writeRate: context.writeRate, handler: handlers.getCombinedChronology)
        let chronology: ReviewManagementAPI.CombinedChronology
        switch result {
        case .failure(let error):
            let status = ReviewForm.status(of: error)
            return PageResponse.message(
                status, title: "Combined chronology", text: error.message, session: request.session, settings: request.settings)
        case .success(let answer): chronology = answer
        }
        var html =
            "<p>Case <strong>\(HTML.escape(reference.description))</strong>: the latest chronology of every agency, merged by date (§8.4.2).</p>\n"
        if chronology.entries.isEmpty {
            html += "<p>No agency has submitted its chronology yet.</p>\n"
        } else {
            html += """
                <table>
                <caption>Combined key events chronology</caption>
                <thead><tr><th scope="col">Date</th><th scope="col">Time</th><th scope="col">Agency</th><th scope="col">What happened</th>\
                <th scope="col">Source</th><th scope="col">Review period</th></tr></thead>
                <tbody>

                """
            for row in chronology.entries {
                let entry = row.entry
                html += "<tr><td>\(HTML.escape(ReviewForm.long(entry.date)))</td><td>\(HTML.escape(entry.time ?? ""))</td>"
                html += "<td>\(HTML.escape(row.agency))</td><td>\(HTML.escape(entry.event))</td><td>\(HTML.escape(entry.source))</td>"
                html += "<td>\(entry.period == .inside ? "Inside" : "Outside")</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        html += ReviewForm.back(reference)
        return request.page(title: "Combined chronology \(reference)", body: html)
    }
}
