import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The National Panel's decision in the browser (§1.1.3, T7) over real sockets, through
/// `RecordNationalPanelDecision`'s own handler.
@Suite("review-management's National Panel decision page", .serialized)
struct NationalPanelPageTests {
    static let declined: [(String, String)] = [
        ("verdict", "declined"), ("panelDecidedOn.day", "4"), ("panelDecidedOn.month", "4"), ("panelDecidedOn.year", "2025"),
        ("partnersDecision.decidedOn.day", "7"), ("partnersDecision.decidedOn.month", "4"), ("partnersDecision.decidedOn.year", "2025"),
        ("partnersDecision.reviewKind", "alternativeLearningReview"), ("partnersDecision.reasons", "Fictional: learning for two agencies"),
    ]

    @Test("§1.1.3, T7: linked while awaited; the partners' answer missing is refused beside it, values kept; recorded once; a wrong role refused")
    func recordDecision() async throws {
        try await withReview(331, through: .commissioned, kind: .nationalReview) { harness, reference in
            let browser = PageBrowser(port: harness.service.port)
            let page = NationalPanelPage.prefix + reference.description
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            #expect(try await browser.get("/reviews/\(reference)", cookie: cookie).body.contains("href=\"\(page)\""))
            let before = try await harness.review(reference)
            let refused = try await browser.post(page, cookie: cookie, form: Self.declined + [("csrfToken", csrf), (PageCall.keyField, "np-1")])
            #expect(refused.status == 400 && refused.body.contains("id=\"partnersDecision-commissionLocally-error\""))
            #expect(refused.body.contains("Fictional: learning for two agencies"), "the values are kept")
            #expect(try await harness.review(reference) == before)

            let form = Self.declined + [("partnersDecision.commissionLocally", "yes"), ("csrfToken", csrf), (PageCall.keyField, "np-2")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            let review = try await harness.review(reference)
            #expect(review.state == .commissioned && review.reviewKind == .alternativeLearningReview)
            #expect(review.nationalPanelDecision?.verdict == .declined)

            #expect(try await browser.get(page, cookie: try await Pages.session(browser, TestTokens.viewer).cookie).status == 403)
        }
    }
}
