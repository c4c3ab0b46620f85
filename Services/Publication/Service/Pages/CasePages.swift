import Contract
import H2
import ServiceKit
import WebForms

/// The publication team's home, the publications with each one's step, and one publication's
/// page: its deadlines, what has been done, and what can be done next by the person's role. No
/// report text and no names are shown (the report is held here; the pages never show it).
struct CasePages: Sendable {
    static let (listPath, casePrefix) = ("/publications", "/publications/")
    let handlers: PublicationHandlers

    /// `GET /`: the pages of publication the person's role may open, and the public listing.
    static func home(_ request: PageRequest) -> HTTPResponse {
        let roles = request.session.principal.roles
        let pages: [(Set<String>, String)] = [
            (PublicationAPI.getPublication.info.roles, "<a href=\"\(listPath)\">The publications and the step each one is at</a>"),
            (PublicationAPI.listNationalLearning.info.roles, "<a href=\"\(LearningPages.nationalPath)\">Learning from national reviews</a> (§11.5)"),
            (PublicationAPI.getYearlyReport.info.roles, "<a href=\"\(YearlyReportPage.path)\">The yearly report</a>, printable"),
        ]
        let links =
            pages.filter { !roles.isDisjoint(with: $0.0) }.map(\.1) + [
                "<a href=\"\(PublishedPages.htmlPath)\">The public listing of published reports</a> (no sign-in needed)"
            ]
        return request.page(
            title: "Publication", heading: "Publication and learning: your pages",
            body: "<ul>\n" + links.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>\n")
    }

    /// The step a state stands at, in the framework's words.
    static func step(_ state: PublicationAPI.PublicationState) -> String {
        switch state {
        case .planning: "Planning: advance copies, the anonymisation gate and the plan (§10.2-10.5)"
        case .scheduled: "Scheduled: to be published on the date set"
        case .notPublishingReport: "Not publishing the report (P2): the information about improvements is to be published"
        case .published: "Published: the repository, the action plan and the archive step follow"
        }
    }

    /// A next step's code in words.
    static func nextStep(_ code: String?) -> String {
        switch code {
        case "sendAdvanceCopies": "Send the advance copies (T9)"
        case "checkReportForDisclosure": "Check the report for disclosure (P4)"
        case "signOffAnonymisation": "Sign off the anonymisation (P4)"
        case "awaitParallelProceedings": "Wait for the parallel proceedings (P3)"
        case "schedulePublication": "Schedule the publication (T9)"
        case "publishImprovementsInformation": "Publish the information about improvements (P2)"
        case "recordPublished": "Record the publication (P5)"
        case "agreeActionPlan": "Agree the action plan (P6)"
        case "followUpActionPlan": "Follow up the action plan (P6)"
        case "archiveAfterAYear": "Archive a year after publication (T10)"
        case .some(let other): other
        case nil: "Nothing left to do"
        }
    }

    /// `GET /publications`: every publication with its step, next step and next deadline (no personal data).
    func list(_ request: PageRequest) async -> HTTPResponse {
        var publications: [PublicationAPI.Publication] = []
        do {
            let page = try await handlers.listPublications(PublicationAPI.ListPublicationsRequest(pageSize: 1000))
            for summary in page.publications {
                publications.append(try await handlers.store.publication(summary.caseReference).view(handlers.clock))
            }
        } catch {
            return PageForm.unavailable(request)
        }
        var html: String
        if publications.isEmpty {
            html = "<p>There are no publications yet: review-management hands a report over once the board approves it.</p>\n"
        } else {
            html = """
                <table>
                <caption>The publications and the step each one is at</caption>
                <thead><tr><th scope="col">Case</th><th scope="col">Step</th><th scope="col">Next step</th><th scope="col">Next deadline</th></tr></thead>
                <tbody>

                """
            for publication in publications {
                let reference = HTML.escape(publication.caseReference.description)
                let next = publication.deadlines.filter { $0.metOn == nil }.min { $0.due < $1.due }
                let deadline = next.map { "\($0.rule.rawValue) by \(PageForm.long($0.due))" + ($0.status == .overdue ? " (overdue)" : "") } ?? "None"
                html +=
                    "<tr><td><a href=\"\(Self.casePrefix)\(reference)\">\(reference)</a></td><td>\(HTML.escape(Self.step(publication.state)))</td>"
                html += "<td>\(HTML.escape(Self.nextStep(publication.nextStep)))</td><td>\(HTML.escape(deadline))</td></tr>\n"
            }
            html += "</tbody></table>\n"
        }
        return await request.audited("PublicationList", request.page(title: "Publications", body: html))
    }

    /// `GET /publications/<reference>`: the publication as recorded and what can be done next.
    func casePage(_ request: PageRequest) async -> HTTPResponse {
        guard let reference = PageForm.reference(request), let publication = await PageForm.publication(handlers, reference) else {
            return PageForm.notFound(request)
        }
        var html = ""
        if let done = PublicationPages.recorded[request.query["recorded"]] {
            html += "<div class=\"panel-confirmation\" role=\"status\"><h2>\(HTML.escape(done))</h2></div>\n"
        }
        html += "<p>Step: <strong>\(HTML.escape(Self.step(publication.state)))</strong></p>\n"
        html += "<p>Next step: <strong>\(HTML.escape(Self.nextStep(publication.nextStep)))</strong></p>\n"
        let links = PublicationPages.nextLinks(publication, roles: request.session.principal.roles)
        html += "<h2>What can be done next</h2>\n"
        html +=
            links.isEmpty
            ? "<p>Nothing for your role at this step.</p>\n" : "<ul>\n" + links.map { "<li>\($0)</li>" }.joined(separator: "\n") + "\n</ul>\n"
        html += "<h2>Recorded so far</h2>\n" + PageForm.summary(Self.record(publication))
        html += PageForm.deadlines(publication.deadlines)
        var back = "<a href=\"\(Self.listPath)\">All publications</a>"
        if let dashboard = handlers.settings.dashboardURL {
            back +=
                " · <a href=\"\(HTML.escape(dashboard))/cases/\(HTML.escape(FormData.encode(reference.description)))\">The case on the dashboard</a>"
        }
        html += "<nav aria-label=\"Publications\"><p>\(back)</p></nav>\n"
        let page = request.page(title: "Publication \(reference)", body: html)
        return await request.audited("Publication", caseReference: reference.description, page)
    }

    /// What has been recorded so far, without the report's text or anyone's name.
    static func record(_ publication: PublicationAPI.Publication) -> [(String, String)] {
        var rows: [(String, String)] = [
            (
                "Report approved by the board",
                "Version \(publication.preparation.reportVersion), \(PageForm.long(publication.preparation.approvedOn))"
            ),
            ("Version to be published", "\(publication.reportVersion)"),
            ("Recommendations", "\(publication.preparation.recommendations.count)"),
        ]
        if let gate = publication.anonymisation {
            let latest = gate.checks.last { $0.reportVersion == publication.reportVersion }
            let check = latest.map {
                "check \($0.number) on \(PageForm.long($0.checkedOn)): " + ($0.clean ? "clean" : "\($0.findings.count) findings")
            }
            rows.append(("Anonymisation gate (P4)", (gate.passed ? "passed" : "not passed") + (check.map { ", " + $0 } ?? ", not checked yet")))
        }
        for copy in publication.advanceCopies {
            rows.append(
                ("Advance copy to \(AdvanceCopyWords.recipient(copy.recipient))", "Version \(copy.reportVersion), \(PageForm.long(copy.sentOn))"))
        }
        if !publication.advanceCopiesMissing.isEmpty {
            rows.append(("Advance copies still to send", publication.advanceCopiesMissing.map(AdvanceCopyWords.recipient).joined(separator: ", ")))
        }
        if let earliest = publication.earliestPublicationDate { rows.append(("Earliest publication date (T9)", PageForm.long(earliest))) }
        if let plan = publication.planning?.plans.last {
            rows.append(("Publication plan (P3)", "Version \(plan.version), \(PageForm.long(plan.recordedOn))"))
        }
        if let hold = publication.planning?.holdsStanding, !hold.isEmpty { rows.append(("Holds standing (P3)", "\(hold.count)")) }
        if let decision = publication.notPublishingDecision { rows.append(("Decided not to publish (P2)", PageForm.long(decision.decidedOn))) }
        if let schedule = publication.schedules.last {
            rows.append(("Scheduled", "\(PageForm.long(schedule.publicationDate)) at \(schedule.address)"))
        }
        if let published = publication.published { rows.append(("Published", "\(PageForm.long(published.publishedOn)) at \(published.address)")) }
        if let submission = publication.repositorySubmissions.last {
            rows.append(
                (
                    "Sent to the NSPCC repository (P5)",
                    PageForm.long(submission.submittedOn) + (submission.acknowledgedOn.map { ", acknowledged \(PageForm.long($0))" } ?? "")
                ))
        }
        for notice in publication.delayNotices { rows.append(("Notice of delay (T8)", "Sent by \(PageForm.long(notice.informedOn))")) }
        return rows
    }
}

/// The advance copies' recipients in words.
enum AdvanceCopyWords {
    static func recipient(_ recipient: PublicationAPI.AdvanceCopyRecipient) -> String {
        switch recipient {
        case .nationalPanel: "the National Panel"
        case .ofsted: "Ofsted"
        case .secretaryOfState: "the Secretary of State"
        }
    }
}
