import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The quality markers' form over real sockets (Appendix 15 §4): posted to
/// `RecordQualityMarkers`' handler, a refusal beside its field with the values kept, once per
/// key, the RPC's roles.
@Suite("review-management's quality markers page", .serialized)
struct QualityMarkersPageTests {
    @Test("Appendix 15: none answered refused beside the first marker, an unknown version beside it, values kept; answered once")
    func answer() async throws {
        try await ReportPagesTests.withReport(411) { harness, browser, reference in
            try await harness.submitReport(Fixtures.reportDraft(reference))
            let page = "/quality-markers/\(reference)"
            let panel = try await Pages.session(browser, TestTokens.panel)
            #expect(try await browser.get(page, cookie: panel.cookie).status == 403, "RecordQualityMarkers' roles")
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            #expect(try await browser.get("/reviews/\(reference)", cookie: cookie).body.contains("href=\"\(page)\""))

            let none = try await browser.post(page, cookie: cookie, form: [("version", "1"), ("csrfToken", csrf), (PageCall.keyField, "qm-1")])
            #expect(
                none.status == 400 && none.body.contains("href=\"#answers-0--answer\"") && none.body.contains("answer at least one quality marker"))
            let tone = ReviewManagementAPI.QualityMarker.allCases.firstIndex(of: .toneAppropriate) ?? 0
            let answers: [(String, String)] = [
                ("answers[\(tone)].answer", "partly"), ("answers[\(tone)].comment", "Fictional: soften section 3"), ("csrfToken", csrf),
            ]
            let unknown = try await browser.post(page, cookie: cookie, form: answers + [("version", "9"), (PageCall.keyField, "qm-2")])
            #expect(unknown.status == 400 && unknown.body.contains("id=\"version-error\"") && unknown.body.contains("Fictional: soften section 3"))
            let first = try await browser.post(page, cookie: cookie, form: answers + [("version", "1"), (PageCall.keyField, "qm-3")])
            let second = try await browser.post(page, cookie: cookie, form: answers + [("version", "1"), (PageCall.keyField, "qm-3")])
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            let markers = try await harness.review(reference).report?.checklists.first { $0.version == 1 }?.qualityMarkers ?? []
            #expect(markers.first { $0.marker == .toneAppropriate }?.answer == .partly)
            // Two refusals and one record: the second click was answered, not run again.
            #expect(try await Pages.audited(harness, "RecordQualityMarkers").count == 3)
            let form = try await browser.get(page, cookie: cookie)
            #expect(form.body.contains("Fictional: soften section 3"), "prefilled from the version's checklist")
        }
    }
}
