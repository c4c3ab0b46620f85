import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The home page, the reviews and a review's page over real sockets: the roles are
/// `ListReviews`' and `GetReview`'s, the links follow the step and the viewer's roles, and a
/// review's page (it names the lead reviewer and team) is audited like `GetReview`.
@Suite("review-management's review pages", .serialized)
struct ReviewPagesTests {
    @Test("T7: the reviews list each review's step and T7; a review's page shows its deadlines and is audited like GetReview")
    func listAndReview() async throws {
        try await Pages.with(301, through: .drafted) { harness, browser, reference in
            let (cookie, _) = try await Pages.session(browser, ReviewTokens.reviewTeam)
            let home = try await browser.get("/", cookie: cookie)
            #expect(home.status == 200)
            #expect(home.body.contains("href=\"/reviews\""))
            let list = try await browser.get("/reviews", cookie: cookie)
            #expect(list.status == 200)
            #expect(list.body.contains("<a href=\"/reviews/\(reference)\">\(reference)</a>"))
            #expect(list.body.contains("Terms of reference drafted: the Case Review Panel is to agree them (V1)"))
            #expect(list.body.contains("T7 by 3 October 2025"))
            let page = try await browser.get("/reviews/\(reference)", cookie: cookie)
            #expect(page.status == 200)
            #expect(page.body.contains("<caption>Deadlines</caption>"))
            #expect(page.body.contains("href=\"/terms-of-reference/\(reference)\">Redraft the terms of reference</a>"))
            #expect(!page.body.contains("href=\"/agree-terms-of-reference/"), "agreeing is the Case Review Panel's")
            #expect(page.body.contains("href=\"/lead-reviewer/\(reference)\""))
            #expect(page.headers["cache-control"] == "no-store")
            let views = try await Pages.audited(harness, "page:Review")
            #expect(views.count == 1 && views.first?.caseReference == reference.description && views.first?.principal == "Rev.Team")
        }
    }

    @Test("V1: the Case Review Panel's page links to agreeing the terms of reference, not to drafting them")
    func panelLinks() async throws {
        try await Pages.with(302, through: .drafted) { _, browser, reference in
            let (cookie, _) = try await Pages.session(browser, TestTokens.panel)
            let page = try await browser.get("/reviews/\(reference)", cookie: cookie)
            #expect(page.body.contains("href=\"/agree-terms-of-reference/\(reference)\">Agree the terms of reference</a>"))
            #expect(!page.body.contains("href=\"/terms-of-reference/"))
        }
    }

    @Test("roles as the calls': the panel viewer lists the reviews but may not open one; an agency's token neither; a missing review is 404")
    func roles() async throws {
        try await Pages.with(303, through: .commissioned) { harness, browser, reference in
            let (viewer, _) = try await Pages.session(browser, TestTokens.viewer)
            #expect(try await browser.get("/reviews", cookie: viewer).status == 200)
            #expect(try await browser.get("/reviews/\(reference)", cookie: viewer).status == 403)
            let (agency, _) = try await Pages.session(browser, TestTokens.agency)
            #expect(try await browser.get("/reviews", cookie: agency).status == 403)
            #expect(try await browser.get("/reviews/\(reference)", cookie: agency).status == 403)
            #expect(try await browser.get("/", cookie: agency).status == 200)
            let (team, _) = try await Pages.session(browser, ReviewTokens.reviewTeam)
            #expect(try await browser.get("/reviews/TESTSHIRE-2025-0999", cookie: team).status == 404)
            #expect(try await browser.get("/reviews/\(reference)").status == 303, "without a session: to the sign-in page")
            #expect(try await Pages.audited(harness, "page:Review").isEmpty, "a refused page is not a view")
        }
    }

    @Test("a review's page links back to the case on the dashboard (CSPR_DASHBOARD_URL); without it, no link")
    func dashboardLink() async throws {
        let directory = try TestDirectory(
            tokens: ReviewTokens.file,
            settings: ["CSPR_TODAY": Fixtures.todayText, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_DASHBOARD_URL": "http://127.0.0.1:7100/"])
        let harness = try await Harness.start(directory: directory, publicationPort: try freePort())
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            let reference = Fixtures.reference(304)
            try await harness.prepare(reference, through: .commissioned)
            let browser = PageBrowser(port: harness.service.port)
            let (cookie, _) = try await Pages.session(browser, ReviewTokens.reviewTeam)
            let page = try await browser.get("/reviews/\(reference)", cookie: cookie)
            #expect(page.body.contains("<a href=\"http://127.0.0.1:7100/cases/\(reference)\">The case on the dashboard</a>"))
        }
        try await Pages.with(305, through: .commissioned) { _, browser, reference in
            let (cookie, _) = try await Pages.session(browser, ReviewTokens.reviewTeam)
            #expect(!(try await browser.get("/reviews/\(reference)", cookie: cookie).body.contains("The case on the dashboard")))
        }
    }

    @Test("a POST without the CSRF token, with another session's, from another origin or after sign-out changes nothing")
    func csrf() async throws {
        try await Pages.with(306, through: .commissioned) { harness, browser, reference in
            let page = "/terms-of-reference/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let (_, otherCSRF) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let form = Pages.fields(TermsOfReferencePage.values(of: Fixtures.completeTerms)) + [("action", "save")]
            #expect(try await browser.post(page, cookie: cookie, form: form + [(PageCall.keyField, "x-1")]).status == 403)
            #expect(try await browser.post(page, cookie: cookie, form: form + [("csrfToken", otherCSRF), (PageCall.keyField, "x-2")]).status == 403)
            let foreign = [("Origin", "http://evil.example")]
            #expect(
                try await browser.post(page, cookie: cookie, form: form + [("csrfToken", csrf), (PageCall.keyField, "x-3")], headers: foreign).status
                    == 403
            )
            #expect(try await browser.post("/sign-out", cookie: cookie, form: [("csrfToken", csrf)]).status == 303)
            #expect(try await browser.post(page, cookie: cookie, form: form + [("csrfToken", csrf), (PageCall.keyField, "x-4")]).status == 403)
            #expect(try await harness.review(reference).termsOfReference.isEmpty)
        }
    }

    @Test("page_posts: a post remembered longer than 7 days is purged at start (and daily), a newer one kept")
    func pagePostsPurged() async throws {
        let first = try await Harness.start()
        let directory = first.directory
        let now = Date()
        try await first.service.context.database.write { tx in
            for (key, age) in [("key-old-0001", 8.0), ("key-new-0001", 6.0), ("key-now-0001", 0.0)] {
                try tx.execute(
                    "INSERT INTO page_posts (key, principal, location, posted) VALUES (?, 'Rev.Team', '/reviews/x', ?)", key,
                    ISO8601DateFormatter().string(from: now.addingTimeInterval(-age * 86400)))
            }
        }
        await first.stop()
        let second = try await Harness.start(directory: directory, publicationPort: try freePort())
        try await withStopping(second, stop: { await $0.stop() }) { harness in
            func keys() async throws -> [String] {
                try await harness.service.context.database.read { try $0.query("SELECT key FROM page_posts ORDER BY key").map { try $0["key"] } }
            }
            let purged = try await eventually(within: .seconds(5)) { try await keys() == ["key-new-0001", "key-now-0001"] }
            let left = try await keys()
            #expect(purged, "\(left)")
        }
    }
}
