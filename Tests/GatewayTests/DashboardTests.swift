import Contract
import Foundation
import GatewayService
import GatewayStandIns
import H2
import ServiceKit
import ServiceTestSupport
import Storage
import Testing
import WorkingDays

@Suite("The panel's dashboard: pages, sign-in and headers")
struct DashboardTests {
    static let policy = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

    static func expectStrictHeaders(_ headers: HTTPFields, noStore: Bool = true) {
        #expect(headers["content-security-policy"] == policy)
        #expect(headers["referrer-policy"] == "no-referrer")
        #expect(headers["x-content-type-options"] == "nosniff")
        #expect(headers["x-frame-options"] == "DENY")
        if noStore { #expect(headers["cache-control"] == "no-store") }
    }

    @Test("without a token the dashboard asks for one (401, Basic challenge) and shows no case")
    func signIn() async throws {
        let stack = try await InProcessStack()
        let page = try await stack.page("/")
        #expect(page.status == 401)
        #expect(page.headers["www-authenticate"]?.hasPrefix("Basic realm=\"CSPR panel\"") == true)
        #expect(!page.text.contains("TESTSHIRE"))
        Self.expectStrictHeaders(page.headers)
        #expect(try await stack.page("/", basic: "not-a-token-anyone-has").status == 401)
        #expect(try await stack.page("/cases/TESTSHIRE-2025-0001").status == 401)
        await stack.stop()
    }

    @Test("the panel's token as the Basic password or as a bearer token; other roles are refused")
    func roles() async throws {
        let stack = try await InProcessStack()
        #expect(try await stack.page("/", basic: TestTokens.panel).status == 200)
        #expect(try await stack.page("/", bearer: TestTokens.viewer).status == 200)
        let staff = try await stack.page("/", basic: TestTokens.staff)
        #expect(staff.status == 403)
        #expect(staff.text.contains("panel-viewer"))
        #expect(!staff.text.contains("TESTSHIRE-2025"))
        await stack.stop()
    }

    @Test("the dashboard: summary, cases by urgency with red, amber and green, rule wording on hover, as of")
    func dashboard() async throws {
        let stack = try await InProcessStack()
        let page = try await stack.page("/", basic: TestTokens.panel)
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        Self.expectStrictHeaders(page.headers)
        let html = page.text
        #expect(html.contains("<meta http-equiv=\"refresh\" content=\"60\">"))
        #expect(html.contains("<link rel=\"stylesheet\" href=\"/style.css\">"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("style=\""))
        #expect(html.range(of: #"As of <time>\d\d:\d\d:\d\d</time>"#, options: .regularExpression) != nil)
        #expect(html.contains("deadlines judged on Monday 24 March 2025"))
        // Rows in urgency order, each with its colour class.
        let positions = Fixtures.expectedOrder.compactMap { html.range(of: "/cases/\($0)")?.lowerBound }
        #expect(positions.count == 5)
        #expect(positions == positions.sorted())
        #expect(html.contains("<tr class=\"urgency-overdue\"><td><a href=\"/cases/TESTSHIRE-2025-0003\">"))
        #expect(html.contains("<tr class=\"urgency-dueSoon\"><td><a href=\"/cases/TESTSHIRE-2025-0005\">"))
        #expect(html.contains("<tr class=\"urgency-onTrack\"><td><a href=\"/cases/TESTSHIRE-2025-0001\">"))
        #expect(html.contains("5 working days late"))
        let t3 = Timescales.rule(.t3).wording
        #expect(html.contains("<abbr title=\"T3 (§4.3.4, surrey-2019): \(HTML.escape(t3))\">T3</abbr>"))
        // The summary.
        #expect(html.contains("<h2>Cases</h2><p class=\"figure\">5</p>"))
        #expect(html.contains("<h2>Cases overdue</h2><p class=\"figure red\">1</p>"))
        #expect(html.contains("100% (1 of 1)"))
        #expect(html.contains("50% (1 of 2)"))
        #expect(!html.contains("class=\"banner\""))
        await stack.stop()
    }

    @Test("the cases page 50 at a time, most urgent first, with how many match, the filters applied before paging")
    func paging() async throws {
        // 120 fictional cases at intake, each due a day later than the one before; with
        // rapid-review's closed case, 121.
        let statuses = (1...120).map { number in
            CaseStatus(
                reference: Fixtures.reference(String(format: "TESTSHIRE-2025-%04d", number)), stage: number % 2 == 0 ? .intake : .rapidReview,
                milestones: [],
                deadlines: [Deadline(rule: .t3, due: Fixtures.date("2025-03-25").adding(days: number), status: .open, ruleSet: .surrey2019)])
        }
        let stack = try await InProcessStack(intakeStatuses: statuses)
        let first = try await stack.page("/", basic: TestTokens.panel).text
        #expect(first.contains("1–50 of 121 matching (121 in all)"))
        #expect(first.contains("Page 1 of 3"))
        #expect(first.contains("href=\"/?page=2\" rel=\"next\""))
        #expect(!first.contains("rel=\"prev\""))
        // The most urgent first: 0001, due soonest.
        #expect(first.contains("/cases/TESTSHIRE-2025-0001"))
        #expect(first.contains("/cases/TESTSHIRE-2025-0049"))
        #expect(!first.contains("/cases/TESTSHIRE-2025-0120"))
        let last = try await stack.page("/?page=3", basic: TestTokens.panel).text
        #expect(last.contains("101–121 of 121 matching (121 in all)"))
        #expect(last.contains("/cases/TESTSHIRE-2025-0120"))
        #expect(last.contains("href=\"/?page=2\" rel=\"prev\""))
        #expect(!last.contains("rel=\"next\""))
        // A filter first, then the page: the rapid-review half, with the filter kept in the links.
        let filtered = try await stack.page("/?stage=rapidReview&page=2", basic: TestTokens.panel).text
        #expect(filtered.contains("51–61 of 61 matching (121 in all)"))
        #expect(filtered.contains("href=\"/?stage=rapidReview&amp;page=1\" rel=\"prev\""))
        let nonsense = try await stack.page("/?page=minus-one", basic: TestTokens.panel).text
        #expect(nonsense.contains("is not a page number: the first page is shown."))
        #expect(nonsense.contains("1–50 of 121 matching"))
        await stack.stop()
    }

    @Test("the filters of ListCases, from the query string; nonsense is escaped and ignored")
    func filters() async throws {
        let stack = try await InProcessStack()
        let overdue = try await stack.page("/?overdue=1", basic: TestTokens.panel).text
        #expect(overdue.contains("/cases/TESTSHIRE-2025-0003"))
        #expect(!overdue.contains("/cases/TESTSHIRE-2025-0001"))
        #expect(overdue.contains("1–1 of 1 matching (5 in all)"))
        let closed = try await stack.page("/?stage=closed&due=", basic: TestTokens.panel).text
        #expect(closed.contains("1–1 of 1 matching (5 in all)"))
        #expect(closed.contains("<option value=\"closed\" selected>"))
        let hostile = try await stack.page("/?stage=%3Cscript%3Ealert(1)%3C%2Fscript%3E&due=%ZZ", basic: TestTokens.panel)
        #expect(hostile.status == 200)
        #expect(!hostile.text.contains("<script"))
        #expect(hostile.text.contains("Unknown stage &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;"))
        #expect(hostile.text.contains("1–5 of 5 matching (5 in all)"))
        await stack.stop()
    }

    @Test("a case page: stage, deadlines and the timeline; not cached; in the audit trail")
    func casePage() async throws {
        let stack = try await InProcessStack()
        let page = try await stack.page("/cases/TESTSHIRE-2025-0002", basic: TestTokens.panel)
        #expect(page.status == 200)
        Self.expectStrictHeaders(page.headers)
        let html = page.text
        #expect(html.contains("<h1>Case TESTSHIRE-2025-0002</h1>"))
        #expect(html.contains("Stage: <b>Rapid Review</b>"))
        let timeline = ["Referral received", "Scoping requests sent", "Meeting held", "Outcome ratified", "Today"].compactMap {
            html.range(of: $0)?.lowerBound
        }
        #expect(timeline.count == 5)
        #expect(timeline == timeline.sorted())
        #expect(html.contains("<time datetime=\"2025-03-17\">2025-03-17</time> Meeting held"))
        #expect(html.contains("met on 2025-03-20"))
        #expect(html.contains("reported by intake, rapid-review"))
        // Linked up (issue 18): intake's own pages for the case, where its personal data is.
        #expect(html.contains("<a href=\"http://127.0.0.1:") && html.contains("/scoping/TESTSHIRE-2025-0002\">scoping requests</a>"))
        #expect(html.contains("/case-file/TESTSHIRE-2025-0002\">the case file</a>"))

        let trail = try await stack.gateway.context.database.read { try AuditTrail.entries($0, caseReference: "TESTSHIRE-2025-0002") }
        #expect(trail.map(\.method) == ["CasePage"])
        #expect(trail.map(\.principal) == ["Sam.Panel"])
        #expect(trail.map(\.outcome) == ["OK"])

        #expect(try await stack.page("/cases/TESTSHIRE-2025-0999", basic: TestTokens.panel).status == 404)
        #expect(try await stack.page("/cases/%3Cb%3E", basic: TestTokens.panel).status == 404)
        #expect(try await stack.page("/nothing-here", basic: TestTokens.panel).status == 404)
        await stack.stop()
    }

    @Test("issue 18: a case page links to each stage's pages the case has reached, at the addresses configured, naming the roles")
    func stageLinks() async throws {
        let pages = [
            "CSPR_INTAKE_PAGES_URL": "https://intake.example/", "CSPR_RAPID_REVIEW_PAGES_URL": "https://rapid-review.example",
            "CSPR_REVIEW_MANAGEMENT_PAGES_URL": "https://reviews.example", "CSPR_PUBLICATION_PAGES_URL": "https://publication.example",
        ]
        // Two more fictional cases that intake's stand-in reports further on: one at the
        // review, one at publication.
        let received = try #require(CivilDate(year: 2025, month: 1, day: 6))
        let later = [CaseStage.review, .publication].enumerated().map { index, stage in
            CaseStatus(
                reference: Fixtures.reference("TESTSHIRE-2025-00\(51 + index)"), stage: stage,
                milestones: [Milestone(event: "referralReceived", date: received)], deadlines: [])
        }
        let stack = try await InProcessStack(intakeStatuses: Fixtures.intake + later, gatewaySettings: pages)
        let rapidReview = "<a href=\"https://rapid-review.example/rapid-reviews/TESTSHIRE-2025-0002\">the Rapid Review</a>"

        // At rapid-review: intake's pages and the Rapid Review, with who may open it; no later stage.
        let reached = try await stack.page("/cases/TESTSHIRE-2025-0002", basic: TestTokens.panel).text
        #expect(reached.contains("<a href=\"https://intake.example/case-file/TESTSHIRE-2025-0002\">the case file</a>"))
        #expect(reached.contains("On rapid-review (partnership support, case review panel, independent chair, auditor): " + rapidReview))
        #expect(!reached.contains("reviews.example") && !reached.contains("publication.example"))

        // Still at intake: intake's pages only.
        let atIntake = try await stack.page("/cases/TESTSHIRE-2025-0001", basic: TestTokens.panel).text
        #expect(atIntake.contains("<a href=\"https://intake.example/scoping/TESTSHIRE-2025-0001\">scoping requests</a>"))
        #expect(!atIntake.contains("rapid-review.example") && !atIntake.contains("reviews.example") && !atIntake.contains("publication.example"))

        // At the review: every stage up to review-management's page; publication not yet.
        let atReview = try await stack.page("/cases/TESTSHIRE-2025-0051", basic: TestTokens.panel).text
        #expect(atReview.contains("<a href=\"https://rapid-review.example/rapid-reviews/TESTSHIRE-2025-0051\">the Rapid Review</a>"))
        #expect(atReview.contains("<a href=\"https://reviews.example/reviews/TESTSHIRE-2025-0051\">the review</a>"))
        #expect(!atReview.contains("publication.example"))

        // At publication: publication's page too.
        let atPublication = try await stack.page("/cases/TESTSHIRE-2025-0052", basic: TestTokens.panel).text
        #expect(atPublication.contains("<a href=\"https://reviews.example/reviews/TESTSHIRE-2025-0052\">the review</a>"))
        #expect(
            atPublication.contains(
                "On publication (partnership support, case review panel, independent chair, board, publication, auditor): "
                    + "<a href=\"https://publication.example/publications/TESTSHIRE-2025-0052\">the publication and its action plan</a>"))
        await stack.stop()
    }

    @Test("the stylesheet needs no token and is the only style the pages allow")
    func stylesheet() async throws {
        let stack = try await InProcessStack()
        let css = try await stack.page("/style.css")
        #expect(css.status == 200)
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(css.text.contains("@media print"))
        #expect(css.text.contains(".state-overdue"))
        Self.expectStrictHeaders(css.headers, noStore: false)
        await stack.stop()
    }

    @Test("a banner names the stage that is down and since when; the rest is shown")
    func banner() async throws {
        let stack = try await InProcessStack()
        await stack.rapidReview.stop(grace: .seconds(1))
        let page = try await stack.page("/", basic: TestTokens.panel)
        #expect(page.status == 200)
        #expect(
            page.text.range(of: #"The rapid-review service is unavailable since \d\d:\d\d:\d\d \(UNAVAILABLE\)"#, options: .regularExpression) != nil)
        #expect(page.text.contains("/cases/TESTSHIRE-2025-0003"))
        #expect(!page.text.contains("/cases/TESTSHIRE-2024-0042"))
        let onlyThere = try await stack.page("/cases/TESTSHIRE-2024-0042", basic: TestTokens.panel)
        #expect(onlyThere.status == 503)
        #expect(onlyThere.text.contains("class=\"banner\""))
        await stack.gateway.stop(grace: .seconds(1))
        await stack.intake.stop(grace: .seconds(1))
    }

    @Test("HTML escaping covers the five characters that matter")
    func escaping() {
        #expect(HTML.escape(#"<a href="x">Tom & 'Jerry'</a>"#) == "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;")
        #expect(HTML.element("td", "<x>", ["title": "\"q\""]) == "<td title=\"&quot;q&quot;\">&lt;x&gt;</td>")
    }
}
