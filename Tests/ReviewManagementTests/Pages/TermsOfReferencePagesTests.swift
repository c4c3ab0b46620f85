import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The terms of reference in the browser over real sockets: drafted with its repeating groups
/// (`DraftTermsOfReference`'s own handler and refusals), agreed by the Case Review Panel (V1),
/// and shown as a printable document.
@Suite("review-management's terms of reference pages", .serialized)
struct TermsOfReferencePagesTests {
    /// The complete terms of the fixtures as the form posts them.
    static var complete: [(String, String)] { Pages.fields(TermsOfReferencePage.values(of: Fixtures.completeTerms)) }

    @Test("Appendix 6: Add another key line of enquiry returns the form with one more, what was typed kept, nothing saved")
    func addAnother() async throws {
        try await Pages.with(311, through: .commissioned) { harness, browser, reference in
            let page = "/terms-of-reference/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let form = try await browser.get(page, cookie: cookie)
            #expect(form.status == 200)
            #expect(form.body.contains("id=\"scope-keyLinesOfEnquiry-0-\""))
            let added = try await browser.post(
                page, cookie: cookie,
                form: [
                    ("csrfToken", csrf), ("count.scope.keyLinesOfEnquiry", "1"), ("scope.keyLinesOfEnquiry[0]", "Fictional: the voice of the child"),
                ]
                    + [("action", "add:scope.keyLinesOfEnquiry")])
            #expect(added.status == 200)
            #expect(added.body.contains("id=\"scope-keyLinesOfEnquiry-1-\""))
            #expect(added.body.contains(">Fictional: the voice of the child</textarea>"))
            #expect(try await harness.review(reference).termsOfReference.isEmpty)
        }
    }

    @Test("a refusal of DraftTermsOfReference (a period ending before it starts) is shown beside its field, values kept, nothing saved")
    func draftRefused() async throws {
        try await Pages.with(312, through: .commissioned) { harness, browser, reference in
            let page = "/terms-of-reference/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let before = try await harness.review(reference)
            let fields = Self.complete.map { $0.0 == "scope.periodTo.year" ? ($0.0, "2023") : $0 }
            let answer = try await browser.post(
                page, cookie: cookie, form: fields + [("csrfToken", csrf), ("action", "save"), (PageCall.keyField, "tor-r-1")])
            #expect(answer.status == 400)
            #expect(answer.body.contains("<title>Error: Draft the terms of reference"))
            #expect(answer.body.contains("href=\"#scope-periodTo-day\""))
            #expect(answer.body.contains("id=\"scope-periodTo-error\""))
            #expect(answer.body.contains("is before scope.periodFrom"))
            #expect(answer.body.contains("value=\"Jo Example\""), "the values typed are kept")
            #expect(try await harness.review(reference) == before)
            let entries = try await Pages.audited(harness, "DraftTermsOfReference")
            #expect(entries.contains { $0.outcome == RPCCode.invalidArgument.name && $0.principal == "Rev.Team" })
        }
    }

    @Test("V1: a double submit drafts one version; the panel's agreement of an incomplete version is refused at the top, then agreed")
    func draftTwiceThenAgree() async throws {
        try await Pages.with(313, through: .commissioned) { harness, browser, reference in
            let page = "/terms-of-reference/\(reference)"
            let (team, teamCSRF) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            // An incomplete first draft: the methodology left out.
            let partial = Self.complete.filter { $0.0 != "methodology" } + [("csrfToken", teamCSRF), ("action", "save")]
            let first = try await browser.post(page, cookie: team, form: partial + [(PageCall.keyField, "tor-d-1")])
            let second = try await browser.post(page, cookie: team, form: partial + [(PageCall.keyField, "tor-d-1")])
            #expect(first.status == 303 && second.status == 303)
            #expect(first.headers["location"] == "/reviews/\(reference)?recorded=terms-of-reference")
            #expect(second.headers["location"] == first.headers["location"])
            #expect(try await harness.review(reference).termsOfReference.count == 1)

            let agree = "/agree-terms-of-reference/\(reference)"
            #expect(try await browser.get(agree, cookie: team).status == 403, "agreeing is the Case Review Panel's (V1)")
            let (panel, panelCSRF) = try await Pages.session(browser, TestTokens.panel, page: agree)
            let agreeForm = try await browser.get(agree, cookie: panel)
            #expect(agreeForm.body.contains("<li>Methodology</li>"))
            let date = [("agreedOn.day", "7"), ("agreedOn.month", "4"), ("agreedOn.year", "2025"), ("csrfToken", panelCSRF)]
            let refused = try await browser.post(agree, cookie: panel, form: date + [("version", "1"), (PageCall.keyField, "tor-a-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#main\">V1: "))
            #expect(try await harness.review(reference).agreement == nil)

            let full = Self.complete + [("csrfToken", teamCSRF), ("action", "save"), (PageCall.keyField, "tor-d-2")]
            #expect(try await browser.post(page, cookie: team, form: full).status == 303)
            let agreed = try await browser.post(agree, cookie: panel, form: date + [("version", "2"), (PageCall.keyField, "tor-a-2")])
            #expect(agreed.status == 303)
            #expect(agreed.headers["location"] == "/reviews/\(reference)?recorded=agreed")
            let review = try await harness.review(reference)
            #expect(review.agreement?.version == 2 && review.agreement?.agreedBy == "Sam.Panel")
            #expect(review.termsOfReference.last?.termsOfReference == Fixtures.completeTerms, "what the form posted is what the call would store")
        }
    }

    @Test("the terms of reference document is an HTML page with the A4 print stylesheet, refused for an agency's token")
    func document() async throws {
        try await Pages.with(314, through: .agreed) { harness, browser, reference in
            let (cookie, _) = try await Pages.session(browser, TestTokens.panel)
            let page = try await browser.get("/documents/terms-of-reference/\(reference)", cookie: cookie)
            #expect(page.status == 200)
            #expect(page.body.contains("<article class=\"document\">"))
            #expect(page.body.contains("Fictional: information sharing"))
            #expect(page.body.contains("Version 1, agreed"))
            #expect(page.body.contains("href=\"/style.css\""))
            let entries = try await Pages.audited(harness, "GetTermsOfReferenceDocument")
            #expect(entries.count == 1 && entries.first?.principal == "Sam.Panel")
            let (agency, _) = try await Pages.session(browser, TestTokens.agency)
            #expect(try await browser.get("/documents/terms-of-reference/\(reference)", cookie: agency).status == 403)
        }
    }

    @Test("V2: after agreement the panel's change without a reason is refused beside it, values kept; with it, a new version once")
    func changeKeyLines() async throws {
        try await Pages.with(315, through: .agreed) { harness, browser, reference in
            let page = "/key-lines-of-enquiry/\(reference)"
            #expect(
                try await browser.get(page, cookie: try await Pages.session(browser, ReviewTokens.reviewTeam).cookie).status == 403,
                "the panel's (V2)")
            let (cookie, csrf) = try await Pages.session(browser, TestTokens.panel, page: page)
            let form = try await browser.get(page, cookie: cookie)
            #expect(form.body.contains(">Fictional: the voice of the child</textarea>"), "prefilled from the version in force")
            let lines: [(String, String)] = [
                ("count.keyLinesOfEnquiry", "3"), ("keyLinesOfEnquiry[0]", "Fictional: information sharing"),
                ("keyLinesOfEnquiry[1]", "Fictional: the voice of the child"), ("keyLinesOfEnquiry[2]", "Fictional: school attendance"),
                ("approvedOn.day", "7"), ("approvedOn.month", "4"), ("approvedOn.year", "2025"), ("csrfToken", csrf), ("action", "change"),
            ]
            let refused = try await browser.post(page, cookie: cookie, form: lines + [("reason", " "), (PageCall.keyField, "kl-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#reason\"") && refused.body.contains("id=\"reason-error\""))
            #expect(refused.body.contains("V2: give the Case Review Panel"))
            #expect(refused.body.contains(">Fictional: school attendance</textarea>"))
            #expect(try await harness.review(reference).termsOfReference.count == 1)
            let posted = lines + [("reason", "Fictional: new records came to light"), (PageCall.keyField, "kl-2")]
            let first = try await browser.post(page, cookie: cookie, form: posted)
            let second = try await browser.post(page, cookie: cookie, form: posted)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            let review = try await harness.review(reference)
            #expect(review.keyLinesOfEnquiryChanges.count == 1 && review.termsOfReference.count == 2)
            #expect(review.termsOfReference.last?.termsOfReference.scope.keyLinesOfEnquiry.count == 3)
        }
    }
}
