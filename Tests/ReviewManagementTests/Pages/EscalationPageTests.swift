import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The escalation of an overdue agency request over real sockets (§2.1.7): offered from the
/// agency requests page, posted to `EscalateAgencyRequest`'s handler, in order, once per key.
@Suite("review-management's escalation page (§2.1.7)", .serialized)
struct EscalationPageTests {
    static func settings(_ today: String) -> [String: String] {
        ["CSPR_TODAY": today, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2", "CSPR_LOOPS": "1"]
    }

    /// A review agreed with Testshire Police asked (due 2025-05-01), its database then opened by
    /// a service whose today is 2025-05-06: the request is overdue.
    static func withOverdue(_ sequence: Int, _ body: (Harness, PageBrowser, CaseReference) async throws -> Void) async throws {
        let reference = Fixtures.reference(sequence)
        let before = try TestDirectory(tokens: ReviewTokens.file, settings: settings(Fixtures.todayText))
        let first = try await Harness.start(directory: before, publicationPort: try freePort())
        try await withStopping(first, stop: { await $0.stop() }) { harness in
            try await harness.prepare(reference, through: .agreed)
            _ = try await harness.requestInformation(reference, AgencyTests.police)
        }
        let after = try TestDirectory(tokens: ReviewTokens.file, settings: settings("2025-05-06"))
        let data = after.data("review-management")
        try FileManager.default.createDirectory(at: data.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: before.data("review-management"), to: data)
        let harness = try await Harness.start(directory: after, publicationPort: try freePort())
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            try await body(harness, PageBrowser(port: harness.service.port), reference)
        }
    }

    @Test("§2.1.7: linked for the overdue agency; a blank reason refused beside it, a step out of order at the top; escalated once; the RPC's roles")
    func escalate() async throws {
        try await Self.withOverdue(391) { harness, browser, reference in
            let page = "/agency-escalation/\(reference)"
            let (agency, _) = try await browser.signIn(TestTokens.agency)
            #expect(try await browser.get(page, cookie: agency).status == 403, "EscalateAgencyRequest's roles")
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let requests = try await browser.get("/agency-requests/\(reference)", cookie: cookie)
            #expect(requests.body.contains("href=\"\(page)?agency=Testshire"))
            #expect(try await browser.get("/reviews/\(reference)", cookie: cookie).body.contains("href=\"\(page)\""))
            let form = try await browser.get("\(page)?agency=Testshire%20Police", cookie: cookie)
            #expect(form.body.contains("value=\"caseReviewPanel\" checked"))

            let step: [(String, String)] = [("agency", AgencyTests.police), ("level", "caseReviewPanel"), ("csrfToken", csrf)]
            let blank = try await browser.post(page, cookie: cookie, form: step + [("reason", " "), (PageCall.keyField, "es-1")])
            #expect(blank.status == 400 && blank.body.contains("href=\"#reason\"") && blank.body.contains("id=\"reason-error\""))
            #expect(blank.body.contains("value=\"Testshire Police\" checked"))
            let skipped = step.map { $0.0 == "level" ? ($0.0, "strategicSafeguardingLead") : $0 }
            let early = try await browser.post(page, cookie: cookie, form: skipped + [("reason", "Fictional: late"), (PageCall.keyField, "es-2")])
            #expect(
                early.status == 400 && early.body.contains("href=\"#main\">§2.1.7: Testshire Police")
                    && early.body.contains("escalates to caseReviewPanel next"))
            #expect(early.body.contains("Fictional: late"))
            #expect(try await harness.agencyRequests(reference).requests.first?.escalatedTo == nil)

            let reasoned = step + [("reason", "Fictional: nothing received, two reminders sent"), (PageCall.keyField, "es-3")]
            let first = try await browser.post(page, cookie: cookie, form: reasoned)
            let second = try await browser.post(page, cookie: cookie, form: reasoned)
            #expect(first.status == 303 && second.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(try await harness.agencyRequests(reference).requests.first?.escalatedTo == .caseReviewPanel)
            let posted = try await browser.post(page, cookie: agency, form: reasoned)
            #expect(posted.status == 403)
            // Two refusals and one step applied: the second click was answered, not run again.
            #expect(try await Pages.audited(harness, "EscalateAgencyRequest").count == 3)
        }
    }
}
