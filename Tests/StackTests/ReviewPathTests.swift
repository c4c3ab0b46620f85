import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

/// The review's steps for the stack test: obviously fictional terms, agencies and report.
enum ReviewSteps {
    static func date(_ text: String) -> CivilDate { StackFixture.date(text) }

    static let agencies = ["Stack Police", "Stack Children's Services", "Stack Health"]
    static let leadReviewer = "Jo Stackreviewer"

    static let terms = TermsOfReference(
        caseSummary: CaseSummary(seriousIncident: "Fictional: an injury at home", family: "Fictional: mother and a sibling"),
        reviewTeam: ReviewTeamPlan(
            leadReviewer: leadReviewer,
            members: [ReviewTeamMember(name: "Dana Sample", organisation: "Stack Police", responsibilities: "liaison with the SIO")]),
        scope: ReviewScope(
            periodFrom: date("2024-01-01"), periodTo: date("2025-03-20"), periodRationale: "Fictional: from the plan on",
            keyLinesOfEnquiry: ["Fictional: information sharing"]),
        familyInvolvement: FamilyInvolvementPlan(plans: "Fictional: the lead reviewer meets the mother", responsibleForContact: leadReviewer),
        methodology: "Fictional: combined chronology and information reports",
        legal: LegalConsiderations(parallelInvestigations: "Fictional: none", legalAdvice: "Fictional: none"),
        otherConsiderations: OtherConsiderations(racial: "none", cultural: "none", linguistic: "none", religious: "none"),
        timeline: ReviewTimeline(
            keyDates: [KeyDate(milestone: "first meeting", date: date("2025-05-01"))], presentationToPartners: date("2025-09-01")))

    /// Each agency's chronology: two of them record the same morning at overlapping times.
    static func chronology(_ agency: String) -> [ReviewManagementAPI.ChronologyEntry] {
        let times = [
            "Stack Police": ["09:30", "2024-06-03"], "Stack Children's Services": ["09:00", "2024-06-20"], "Stack Health": ["09:15", "2024-02-10"],
        ]
        let time = times[agency]?[0] ?? "12:00"
        let later = times[agency]?[1] ?? "2024-07-01"
        return [
            .init(
                date: date("2024-06-01"), time: time, event: "Fictional: \(agency) saw the child", source: "Fictional: case record", period: .inside),
            .init(date: date(later), event: "Fictional: \(agency) follow-up", source: "Fictional: case record", period: .inside),
        ]
    }

    static let informationReport = ReviewManagementAPI.InformationReport(
        author: .init(name: "Alex Stackauthor", designation: "Fictional: named nurse", involvement: .noInvolvement),
        completedOn: date("2025-04-02"),
        endorser: .init(name: "Sam Stacksenior", designation: "Fictional: head of safeguarding", involvement: .noInvolvement),
        endorsedOn: date("2025-04-03"), analysis: "Fictional: analysis of involvement")

    static let report = ReportSections(
        executiveSummary: "Fictional: a short summary of the review and its learning.", whatHappened: "Fictional: Child S was injured.",
        whyDecisionsWereTaken: "Fictional: the threshold was judged not met.", howAgenciesWorkedTogether: "Fictional: little was shared.",
        whetherShortcomingsAreGeneral: "Fictional: an audit found the same elsewhere.", whatMustChange: "Fictional: a shared record.",
        goodPractice: "Fictional: the school nurse escalated.", howAgenciesWillLearn: "Fictional: briefings and an audit.",
        otherSections: [.init(title: "The review", text: "Led by \(leadReviewer), independent reviewer.")])

    static let recommendations = [
        ReportRecommendation(text: "Fictional: share concerns at once", owner: "Stack Partnership", scope: .local, dueBy: date("2025-12-31"))
    ]
}

@Suite("A case across the whole stack", .serialized)
struct ReviewPathTests {
    @Test(
        "one case end to end: referral, Rapid Review (b), review (terms, reviewer, three agencies, report, approval), publication (down at first: PreparePublication once; T9, the gate, published), action plan closed with evidence"
    )
    func commissionToApproval() async throws {
        try await withStack(today: "2025-04-03", extra: ["CSPR_GATEWAY_CACHE_SECONDS": "0"]) { stack in
            _ = try await stack.up()
            let staff = bearer(try stack.token("partnership-support"))
            let panel = bearer(try stack.token("case-review-panel"))
            let team = bearer(try stack.token("review-team"))
            let board = bearer(try stack.token("board"))
            let gateway = stack.client("gateway")
            let review = stack.client("review-management")
            func gatewayCase(_ reference: CaseReference) async throws -> GatewayAPI.CaseOverview {
                try await gateway.call(GatewayAPI.getCase, .init(caseReference: reference), deadline: .seconds(10), metadata: panel).case
            }
            func step<Request, Response>(_ method: Method<Request, Response>, _ request: Request, as principal: Metadata = team) async throws
                -> Response
            {
                try await review.call(method, request, deadline: .seconds(10), metadata: principal)
            }

            // Intake and the Rapid Review, as in the end-to-end test.
            let reference = try await stack.client("intake").call(
                IntakeAPI.submitReferral, .init(referral: StackFixture.referral(child: "Reviewpath Testchild")), deadline: .seconds(10),
                metadata: staff
            ).caseReference
            _ = try await stack.client("intake").call(
                IntakeAPI.sendScopingRequests, StackFixture.scopingRequestToPolice(reference), deadline: .seconds(10), metadata: staff)
            #expect(await eventually(within: .seconds(15)) { (try? await gatewayCase(reference).stage) == .rapidReview })
            try await RapidReviewSteps.recommendLocalReview(
                reference, stack.client("rapid-review"), panel: panel, chair: bearer(try stack.token("independent-chair")), staff: staff)
            #expect(await eventually(within: .seconds(15)) { (try? await gatewayCase(reference).reportedBy.contains("review-management")) == true })
            try await Self.expectDashboardShowsReview(stack, reference)

            // The terms of reference, drafted by the review team and agreed by the panel (V1), with cspr.
            let termsFile = stack.home.appendingPathComponent("terms.json")
            try JSONCodec.encode(ReviewSteps.terms).write(to: termsFile)
            let drafted = try await stack.cspr(["review", "terms", reference.description, termsFile.path], as: "review-team")
            #expect(drafted.status == 0, "\(drafted.stderr)")
            #expect(drafted.stdout.contains("Every field V1 asks for is there"), "\(drafted.stdout)")
            let agreed = try await stack.cspr(["review", "agree-terms", reference.description, "1"], as: "case-review-panel")
            #expect(agreed.stdout == "Terms of reference version 1 of \(reference) agreed on 2025-04-03\n", "\(agreed.stderr)")
            let notBoard = try await stack.cspr(["review", "approve", reference.description, "1"], as: "review-team")
            #expect(notBoard.status == 1 && notBoard.stderr.hasPrefix("cspr: PERMISSION_DENIED"), "\(notBoard)")
            // The lead reviewer appointed (§6.1).
            _ = try await step(
                ReviewManagementAPI.appointLeadReviewer,
                .init(
                    caseReference: reference, name: ReviewSteps.leadReviewer, organisation: "Fictional Reviews Ltd",
                    appointedOn: ReviewSteps.date("2025-04-03"), independence: "Fictional: no role in any agency involved"))

            // Three agencies asked, each sends its chronology and information report, each accepted (V6-V8).
            for agency in ReviewSteps.agencies {
                _ = try await step(
                    ReviewManagementAPI.requestAgencyInformation,
                    .init(
                        caseReference: reference, agency: agency, contact: .init(name: "Lee Stackcontact", designation: "Safeguarding Lead"),
                        asks: [.chronology, .informationReport], dueOn: ReviewSteps.date("2025-05-01")))
                let chronology = try await step(
                    ReviewManagementAPI.submitChronology, .init(caseReference: reference, agency: agency, entries: ReviewSteps.chronology(agency)))
                let report = try await step(
                    ReviewManagementAPI.submitInformationReport,
                    .init(caseReference: reference, agency: agency, report: ReviewSteps.informationReport))
                for submission in [chronology.submission, report.submission] {
                    _ = try await step(
                        ReviewManagementAPI.reviewSubmission, .init(caseReference: reference, submission: submission, outcome: .accepted))
                }
            }
            let combined = try await step(ReviewManagementAPI.getCombinedChronology, .init(caseReference: reference, format: nil))
            #expect(combined.entries.count == 6)
            // Ordered by date then time, each entry keeping its agency; the overlapping morning interleaves.
            let firstMorning = combined.entries.filter { $0.entry.date == ReviewSteps.date("2024-06-01") }.map(\.agency)
            #expect(firstMorning == ["Stack Children's Services", "Stack Health", "Stack Police"], "\(firstMorning)")
            #expect(combined.entries.first?.agency == "Stack Health", "2024-02-10 comes first")

            // The report: drafted, the terms of reference confirmed met, the recommendations endorsed, approved (V9).
            let draft = try await step(
                ReviewManagementAPI.submitReportDraft,
                .init(caseReference: reference, sections: ReviewSteps.report, recommendations: ReviewSteps.recommendations))
            #expect(draft.checklist.passes, "\(draft.checklist)")
            let on = ReviewSteps.date("2025-04-03")
            _ = try await step(ReviewManagementAPI.confirmTermsOfReferenceMet, .init(caseReference: reference, version: 1, on: on))
            _ = try await step(ReviewManagementAPI.endorseRecommendations, .init(caseReference: reference, version: 1, on: on), as: board)
            // Publication goes down before the board approves.
            #expect(await stack.kill("publication", SIGTERM), "publication did not stop")
            let approved = try await stack.cspr(["review", "approve", reference.description, "1"], as: "board")
            #expect(approved.stdout == "Report version 1 of \(reference) approved on 2025-04-03: it goes to publication.\n", "\(approved.stderr)")
            let shown = try await stack.cspr(["review", "show", reference.description], as: "case-review-panel")
            #expect(shown.stdout.hasPrefix("Review \(reference): reportApproved (localReview); commissioned on 2025-04-03\nNext step: none here\n"))
            #expect(shown.stdout.contains("Lead reviewer: \(ReviewSteps.leadReviewer), appointed on 2025-04-03"), "\(shown.stdout)")
            #expect(shown.stdout.contains("Report: version 1, V9 checklist passed; approved on 2025-04-03"), "\(shown.stdout)")
            let listed = try await stack.cspr(["review", "list", "--state", "reportApproved"], as: "panel-viewer")
            #expect(listed.stdout.contains("\(reference)  reportApproved  localReview"), "\(listed.stdout)")
            #expect(listed.stdout.hasSuffix("1-1 of 1 review\n"), "\(listed.stdout)")
            let csv = try await stack.cspr(["review", "chronology", reference.description, "--csv"], as: "review-team")
            // RFC 4180 lines end in CRLF (one Character in Swift): count the line feeds.
            #expect(csv.stdout.utf8.filter { $0 == 10 }.count == 7, "a header and six entries: \(csv.stdout)")

            // The panel sees the approval and T7 met on its date.
            let seen = try await gatewayCase(reference)
            #expect(seen.milestones.contains { $0.event == "reportApproved" }, "\(seen.milestones.map(\.event))")
            let t7 = seen.deadlines.first { $0.deadline.rule == .t7 }?.deadline
            #expect(t7?.status == .met && t7?.metOn == on, "T7: \(String(describing: t7))")

            // Publication is down: the hand-over waits in review-management's outbox and is retried.
            #expect(
                await eventually(within: .seconds(15)) {
                    ((try? await stack.metrics("review-management"))?["cspr_outbox_failed_attempts_total"] ?? 0) >= 1
                }, "the relay never tried publication")
            #expect(try await stack.metrics("review-management")["cspr_outbox_depth"] == 1)

            // Publication comes back (local.sh up starts what is not running): PreparePublication
            // arrives exactly once, and publication holds the approved report.
            let again = try await stack.up()
            #expect(again.contains("publication ready"), "\(again)")
            let publication = stack.client("publication")
            let comms = bearer(try stack.token("publication"))
            func held() async -> PublicationAPI.Publication? {
                try? await publication.call(PublicationAPI.getPublication, .init(caseReference: reference), deadline: .seconds(5), metadata: comms)
            }
            #expect(await eventually(within: .seconds(20)) { await held() != nil }, "publication never received the report")
            #expect(await eventually(within: .seconds(5)) { (try? await stack.metrics("review-management"))?["cspr_outbox_depth"] == 0 })
            try await Task.sleep(for: .milliseconds(500))  // room for a duplicate to show up, if there were one
            #expect(try await stack.metrics("review-management")["cspr_outbox_delivered_total"] == 1)
            let received = stack.log("publication").split(separator: "\n").filter {
                $0.contains("publication prepared") && $0.contains(reference.description)
            }
            #expect(received.count == 1, "publication applied PreparePublication \(received.count) times: \(received)")
            let prepared = try #require(await held()).preparation
            #expect(prepared.reportVersion == 1)
            #expect(prepared.approvedOn == on)
            #expect(prepared.reviewers.first == ReviewSteps.leadReviewer)
            #expect(prepared.recommendations.map(\.owner) == ["Stack Partnership"])
            // The panel sees the case at publication.
            #expect(await eventually(within: .seconds(10)) { (try? await gatewayCase(reference).stage) == .publication })
            try await Self.publishAndFollowUp(stack, reference, gatewayCase: gatewayCase)
        }
    }

    /// Publication to the action plan closed with evidence: advance copies (T9), the anonymisation
    /// gate against the real intake and review-management (P4), publication seven working days on
    /// (publication restarted with a later "today"), the action plan item (P6) followed up and
    /// closed; chromium sees the public listing and the dashboard's action plan view.
    static func publishAndFollowUp(
        _ stack: Stack, _ reference: CaseReference, gatewayCase: (CaseReference) async throws -> GatewayAPI.CaseOverview
    ) async throws {
        let comms = bearer(try stack.token("publication"))
        func step<Request, Response>(_ method: Method<Request, Response>, _ request: Request) async throws -> Response {
            try await stack.client("publication").call(method, request, deadline: .seconds(30), metadata: comms)
        }
        try await expectPublicationView(stack, reference)
        let sent = StackFixture.date("2025-04-03")
        for recipient in PublicationAPI.AdvanceCopyRecipient.allCases {
            _ = try await step(
                PublicationAPI.recordAdvanceCopy, .init(caseReference: reference, recipient: recipient, reportVersion: 1, sentOn: sent))
        }
        // The report names only its reviewer: clean against every person intake and review-management hold.
        let check = try await step(PublicationAPI.checkReportForDisclosure, .init(caseReference: reference, reportVersion: 1))
        #expect(check.check.clean, "\(check.check.findings)")
        _ = try await step(
            PublicationAPI.signOffAnonymisation,
            .init(caseReference: reference, reportVersion: 1, signedOffBy: "Pat Stackcomms", role: "Business manager", signedOffOn: sent))

        // T9: seven working days after 3 April 2025 is 14 April. Publication runs on to 22 April.
        #expect(await stack.kill("publication", SIGTERM), "publication did not stop")
        let later = try await stack.local("up", extra: ["CSPR_TODAY": "2025-04-22"])
        #expect(later.contains("publication ready"), "\(later)")
        let published = StackFixture.date("2025-04-14")
        let address = "https://stack.example/cspr/\(reference)"
        _ = try await step(PublicationAPI.recordPublished, .init(caseReference: reference, publishedOn: published, address: address))

        // P6: the recommendation becomes an item, followed up, then closed with evidence.
        _ = try await step(
            PublicationAPI.addActionPlanItem,
            .init(
                caseReference: reference, source: .recommendation, recommendationNumber: 1, agreedAction: "Fictional: a shared record of concerns",
                ownerAgency: "Stack Partnership", leadOfficer: "Business Manager", targetDate: StackFixture.date("2025-12-31")))
        _ = try await step(
            PublicationAPI.recordActionProgress,
            .init(caseReference: reference, itemNumber: 1, date: StackFixture.date("2025-04-22"), text: "Fictional: record designed", rag: .amber))
        #expect(await eventually(within: .seconds(10)) { (try? await gatewayCase(reference).stage) == .actionPlan })
        try await expectListingAndActionPlanView(stack, reference, address: address)
        let closed = try await step(
            PublicationAPI.closeActionPlanItem,
            .init(
                caseReference: reference, itemNumber: 1, evidence: "Fictional: an audit of 20 cases shows concerns shared",
                judgedOn: StackFixture.date("2025-04-22"), judgedBy: "Case Review Panel"))
        #expect(closed.stage == .closed)
        #expect(await eventually(within: .seconds(10)) { (try? await gatewayCase(reference).stage) == .closed })
        let milestones = try await gatewayCase(reference).milestones.map(\.event)
        for event in ["referralReceived", "meetingHeld", "reviewCommissioned", "reportApproved"] {
            #expect(milestones.contains(event), "\(event) missing from \(milestones)")
        }
        // Every hand-over of the case delivered, none parked; each receiver applied its own once.
        for sender in ["intake", "rapid-review", "review-management"] {
            let outbox = try await stack.metrics(sender)
            #expect(outbox["cspr_outbox_depth"] == 0 && outbox["cspr_outbox_dead_letters"] == 0, "\(sender): \(outbox)")
        }
        let commissioned = stack.log("review-management").split(separator: "\n").filter {
            $0.contains("review commissioned") && $0.contains(reference.description)
        }
        #expect(commissioned.count == 1, "CommissionReview applied \(commissioned.count) times")
    }

    /// chromium: the dashboard's publication view lists the case with its next step (T9's copies).
    static func expectPublicationView(_ stack: Stack, _ reference: CaseReference) async throws {
        guard let browser = HeadlessBrowser.find() else {
            Issue.record("chromium is not installed: apt-get install -y chromium (.ci/run installs it)")
            return
        }
        defer { browser.cleanUp() }
        let site = "http://panel:\(try stack.token("case-review-panel"))@127.0.0.1:\(stack.port("gateway"))"
        let view = HeadlessBrowser.visibleText(try await browser.dumpDOM(site + "/?stage=publication").stdout)
        #expect(view.contains("\(reference) Publication Next: Send advance copies"), "\(view.suffix(600))")
    }

    /// chromium: the public listing (no login) lists the published report; the dashboard's action
    /// plan view lists the case with its next step.
    static func expectListingAndActionPlanView(_ stack: Stack, _ reference: CaseReference, address: String) async throws {
        guard let browser = HeadlessBrowser.find() else {
            Issue.record("chromium is not installed: apt-get install -y chromium (.ci/run installs it)")
            return
        }
        defer { browser.cleanUp() }
        let listing = HeadlessBrowser.visibleText(try await browser.dumpDOM("http://127.0.0.1:\(stack.port("publication"))/published").stdout)
        #expect(listing.contains("\(reference)") && listing.contains("2025-04-14"), "\(listing.suffix(600))")
        let site = "http://panel:\(try stack.token("case-review-panel"))@127.0.0.1:\(stack.port("gateway"))"
        let view = HeadlessBrowser.visibleText(try await browser.dumpDOM(site + "/?stage=actionPlan").stdout)
        #expect(view.contains("\(reference) Action plan Next: Follow up action plan"), "\(view.suffix(600))")
    }

    /// The panel's dashboard in chromium: the case listed at stage Review, and its page with the
    /// step reached (review commissioned) and T7 due six months from the decision.
    static func expectDashboardShowsReview(_ stack: Stack, _ reference: CaseReference) async throws {
        guard let browser = HeadlessBrowser.find() else {
            Issue.record("chromium is not installed: apt-get install -y chromium (.ci/run installs it)")
            return
        }
        defer { browser.cleanUp() }
        let site = "http://panel:\(try stack.token("case-review-panel"))@127.0.0.1:\(stack.port("gateway"))"
        let dashboard = HeadlessBrowser.visibleText(try await browser.dumpDOM(site + "/").stdout)
        // Intake's scoping deadlines retired at the meeting (issue 15): T7 is the next deadline, not an overdue T3.
        #expect(
            dashboard.contains("\(reference) Review Next: Draft terms of reference On track T7 2025-10-03"), "\(dashboard.suffix(600))")
        let page = HeadlessBrowser.visibleText(try await browser.dumpDOM(site + "/cases/\(reference)").stdout)
        #expect(page.contains("Stage: Review"), "\(page.suffix(800))")
        #expect(page.contains("Next step: Draft terms of reference"), "\(page.suffix(800))")
        #expect(page.contains("2025-04-03 Review commissioned"), "\(page.suffix(800))")
        #expect(page.contains("2025-10-03 T7 due"), "\(page.suffix(800))")
    }
}
