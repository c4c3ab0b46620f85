import Contract
import H2
import ServiceKit
import WebForms

/// publication's pages (issue 18, FORMS.md): the publications and each one's next step, the
/// anonymisation gate, the publication plan, advance copies, scheduling, publishing, the
/// repository, the decision not to publish, action plans and learning. Each form posts to its
/// RPC's own handler (`PageForm.submit`): the same rules, refusals, roles and audit entry. The
/// public listing (`/published`, `/published.json`) stays public beside them.
struct PublicationPages: Sendable {
    let handlers: PublicationHandlers

    /// What the router is given: the public listing without sign-in, every other page behind it.
    /// Made once at start, when the daily purge of old double-submit guards starts too.
    func front() -> PublicationFront {
        let context = handlers.context
        DailyPurge.start("page_posts", database: context.database, logger: context.logger) { tx, now in try PagePosts.purge(tx, now: now) }
        return PublicationFront(
            published: PublishedPages(database: context.database, logger: context.logger),
            pages: WebPages(
                serviceName: "publication", database: context.database, tokens: context.tokens, settings: handlers.settings.sessions,
                logger: context.logger, routes: routes()))
    }

    func routes() -> PageRoutes {
        var routes = PageRoutes()
        let api = PublicationAPI.self
        let cases = CasePages(handlers: handlers)
        routes.get("/", name: "home", roles: api.listPublications.info.roles) { CasePages.home($0) }
        routes.get(CasePages.listPath, name: "publications", roles: api.getPublication.info.roles) { await cases.list($0) }
        routes.get(CasePages.casePrefix + "*", name: "publication", roles: api.getPublication.info.roles) { await cases.casePage($0) }
        GateForms.check.register(&routes, handlers)
        GateForms.signOff.register(&routes, handlers)
        PlanForms.plan.register(&routes, handlers)
        PublishingForms.advanceCopy.register(&routes, handlers)
        PublishingForms.schedule.register(&routes, handlers)
        PublishingForms.published.register(&routes, handlers)
        PublishingForms.repository.register(&routes, handlers)
        PublishingForms.notPublishing.register(&routes, handlers)
        HoldAndNoticeForms.delayNotice.register(&routes, handlers)
        HoldAndNoticeForms.hold.register(&routes, handlers)
        HoldAndNoticeForms.release.register(&routes, handlers)
        HoldAndNoticeForms.archive.register(&routes, handlers)
        let plans = ActionPlanPages(handlers: handlers)
        routes.get(ActionPlanPages.prefix + "*", name: "action-plan", roles: api.getActionPlan.info.roles) { await plans.page($0) }
        ActionPlanForms.add.register(&routes, handlers)
        let items = ActionItemsPage(handlers: handlers)
        routes.get(ActionItemsPage.prefix + "*", name: "action-items-form", roles: api.addActionPlanItem.info.roles) { await items.form($0) }
        routes.post(ActionItemsPage.prefix + "*", name: "action-items-form", roles: api.addActionPlanItem.info.roles) { await items.post($0) }
        ActionPlanForms.progress.register(&routes, handlers)
        ActionPlanForms.close.register(&routes, handlers)
        LearningPages.learningPlan.register(&routes, handlers)
        let learning = LearningPages(handlers: handlers)
        routes.get(LearningPages.nationalPath, name: "national-learning", roles: api.listNationalLearning.info.roles) { await learning.national($0) }
        LearningPages.nationalForm.register(&routes, handlers)
        let yearly = YearlyReportPage(handlers: handlers)
        routes.get(YearlyReportPage.path, name: "yearly-report", roles: api.getYearlyReport.info.roles) { await yearly.page($0) }
        return routes
    }

    /// The confirmation each form's `recorded=` word shows on the page it returns to.
    static let recorded = [
        "advance-copy": "Advance copy recorded", "schedule": "Publication scheduled", "published": "Publication recorded",
        "repository": "Repository submission recorded", "not-publishing": "Decision not to publish recorded",
        "plan": "Publication plan recorded", "sign-off": "Anonymisation signed off", "item": "Action plan item added",
        "items": "Action plan items added",
        "progress": "Progress recorded", "close": "Item closed", "learning-plan": "Learning plan recorded",
        "national-learning": "National learning recorded", "delay-notice": "Notice of delay recorded", "hold": "Hold recorded",
        "release": "Hold released", "archived": "Archive step recorded",
    ]

    /// The links to what can be done next on a publication, by the person's roles and its state.
    static func nextLinks(_ publication: PublicationAPI.Publication, roles: Set<String>) -> [String] {
        let ref = HTML.escape(FormData.encode(publication.caseReference.description))
        func link<Request, Response>(_ form: StepForm<Request, Response>, _ words: String) -> String? {
            roles.isDisjoint(with: form.method.info.roles) ? nil : "<a href=\"\(form.prefix)\(ref)\">\(HTML.escape(words))</a>"
        }
        var links: [String?] = []
        switch publication.state {
        case .planning:
            if !publication.advanceCopiesMissing.isEmpty { links.append(link(PublishingForms.advanceCopy, "Record an advance copy (T9)")) }
            if publication.anonymisation?.passed != true {
                links.append(link(GateForms.check, "The anonymisation gate: check the report (P4)"))
            }
            links.append(link(PlanForms.plan, "Record the publication plan (P3)"))
            links.append(link(PublishingForms.schedule, "Schedule the publication (T9)"))
            links.append(link(PublishingForms.notPublishing, "Record a decision not to publish (P2)"))
        case .notPublishingReport:
            links.append(link(PublishingForms.advanceCopy, "Record an advance copy of the information about improvements (T9)"))
            links.append(link(PublishingForms.schedule, "Schedule the publication (T9)"))
            links.append(link(PublishingForms.published, "Record the information about improvements as published (P5)"))
        case .scheduled:
            links.append(link(PublishingForms.published, "Record the publication (P5)"))
            links.append(link(PublishingForms.schedule, "Move the publication date (T9)"))
            links.append(link(PlanForms.plan, "Record the publication plan (P3)"))
        case .published:
            links.append(link(PublishingForms.repository, "Record the NSPCC repository submission (P5)"))
            if publication.planning?.archived == nil { links.append(link(HoldAndNoticeForms.archive, "Record the archive step (T10)")) }
        }
        if publication.state != .published {
            links.append(link(HoldAndNoticeForms.hold, "Hold the publication for parallel proceedings (P3)"))
            if publication.planning?.holdsStanding.isEmpty == false { links.append(link(HoldAndNoticeForms.release, "Release a hold (P3)")) }
        }
        if publication.deadlines.contains(where: { $0.rule == .t8 && $0.metOn == nil }) {
            links.append(link(HoldAndNoticeForms.delayNotice, "Record the notice of delay (T8)"))
        }
        if !roles.isDisjoint(with: PublicationAPI.getActionPlan.info.roles) {
            links.append("<a href=\"\(ActionPlanPages.prefix)\(ref)\">The action plan</a> (P6)")
        }
        return links.compactMap { $0 }
    }
}

/// The service's pages handler: the public listing goes to `PublishedPages` with no sign-in,
/// everything else to the signed-in pages.
struct PublicationFront: HTTPHandler {
    let published: PublishedPages
    let pages: WebPages

    func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let path = request.head.path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        if path == PublishedPages.htmlPath || path == PublishedPages.jsonPath { return await published.handle(request) }
        return await pages.handle(request)
    }
}
