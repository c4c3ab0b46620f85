import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import RapidReviewService

/// rapid-review's extension (T4-T6) and immediate-action (R4) forms over real sockets against
/// the service in this process: each posts to its RPC's own handler through `CaseForm.submit`
/// (once per hidden key, `PagePosts`), so refusals, roles and audit are the call's.
@Suite("rapid-review's extension and action-done forms", .serialized)
struct ExtensionActionPagesTests {
    static let reference = CaseReference("TESTSHIRE-2025-0102")!
    static let (extensionPath, actionDone, casePage) = (
        "/extension/\(reference)", "/action-done/\(reference)", "/rapid-reviews/\(reference)"
    )

    /// A case prepared `through` a step (referral received 24 March, meeting on 3 April with
    /// one action due 4 April; today 7 April) and a browser.
    static func withCase(through step: Harness.Step, _ body: (Harness, PageBrowser) async throws -> Void) async throws {
        try await withHarness { harness in
            try await harness.prepare(reference, through: step)
            try await body(harness, PageBrowser(port: harness.service.port))
        }
    }

    static func date(_ name: String, _ day: Int, _ month: Int = 4) -> [(String, String)] {
        [("\(name).day", "\(day)"), ("\(name).month", "\(month)"), ("\(name).year", "2025")]
    }

    static let t6 = [("rule", "T6"), ("reason", "Fictional: the police asked to delay")] + date("newDue", 28)

    @Test("T6: RecordExtension's refusal is shown beside its field with its rule id, the values kept, nothing changed")
    func extensionRefused() async throws {
        try await Self.withCase(through: .scheduled) { harness, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.chair)
            let form = try await browser.get(Self.extensionPath, cookie: cookie)
            #expect(form.status == 200 && form.body.contains("value=\"T6\""))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.extensionPath)
            let before = try await harness.rapidReview(Self.reference)
            let notLater = Self.t6.filter { !$0.0.hasPrefix("newDue") } + Self.date("newDue", 14)
            let refused = try await browser.post(
                Self.extensionPath, cookie: cookie, form: [("csrfToken", token), (PageCall.keyField, "key-ext-rr-0001")] + notLater)
            #expect(refused.status == 400)
            #expect(refused.body.contains("<title>Error: Extend a deadline"))
            #expect(refused.body.contains("href=\"#newDue-day\"") && refused.body.contains("id=\"newDue-error\""))
            #expect(refused.body.contains("T6: 2025-04-14 is not later than the current due date"))
            #expect(refused.body.contains("Fictional: the police asked to delay</textarea>"), "the values typed are kept")
            #expect(try await harness.rapidReview(Self.reference) == before)
        }
    }

    @Test("T6: a double submit is applied once; the case's page then shows the new date beside the original one")
    func extensionOnce() async throws {
        try await Self.withCase(through: .scheduled) { harness, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            #expect(try await browser.get(Self.casePage, cookie: cookie).body.contains("href=\"\(Self.extensionPath)\""))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.extensionPath)
            let form = [("csrfToken", token), (PageCall.keyField, "key-ext-rr-0002")] + Self.t6
            let first = try await browser.post(Self.extensionPath, cookie: cookie, form: form)
            let second = try await browser.post(Self.extensionPath, cookie: cookie, form: form)
            #expect(first.status == 303 && second.status == 303, "applied again, the call refuses: 28 April is not later than 28 April")
            #expect(first.headers["location"] == "\(Self.casePage)?recorded=extension")
            #expect(second.headers["location"] == first.headers["location"])
            let t6 = try await harness.rapidReview(Self.reference).deadlines.first { $0.rule == .t6 }
            #expect(t6?.due == Fixtures.date("2025-04-28") && t6?.originalDue == Fixtures.date("2025-04-14"))
            let page = try await browser.get("\(Self.casePage)?recorded=extension", cookie: cookie)
            #expect(page.body.contains("Extension recorded"))
            #expect(page.body.contains("<td>T6</td><td>28 April 2025 (extended from 14 April 2025)</td>"))
        }
    }

    @Test("roles as RecordExtension's: the partnership support officer may not extend (403, nothing changed) nor is offered the link")
    func extensionRoles() async throws {
        try await Self.withCase(through: .scheduled) { harness, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            #expect(try await browser.get(Self.extensionPath, cookie: cookie).status == 403)
            #expect(try await !browser.get(Self.casePage, cookie: cookie).body.contains("href=\"\(Self.extensionPath)\""))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.casePage)
            let before = try await harness.rapidReview(Self.reference)
            let denied = try await browser.post(
                Self.extensionPath, cookie: cookie, form: [("csrfToken", token), (PageCall.keyField, "key-ext-rr-0003")] + Self.t6)
            #expect(denied.status == 403)
            #expect(try await harness.rapidReview(Self.reference) == before)
        }
    }

    @Test("R4: the case's page lists the open action; a refusal is beside its field; a double submit records it once; then no longer open")
    func actionDoneOnce() async throws {
        try await Self.withCase(through: .meetingHeld) { harness, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let listed = try await browser.get(Self.casePage, cookie: cookie)
            #expect(listed.body.contains("Immediate actions still open (R4)"))
            #expect(listed.body.contains("href=\"\(Self.actionDone)?action=1\""))
            let form = try await browser.get("\(Self.actionDone)?action=1", cookie: cookie)
            #expect(form.status == 200 && form.body.contains("value=\"1\" checked"))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.actionDone)
            let before = try await harness.rapidReview(Self.reference)
            let note = ("note", "Fictional: strategy meeting held")
            let early = try await browser.post(
                Self.actionDone, cookie: cookie,
                form: [("csrfToken", token), (PageCall.keyField, "key-done-0001"), ("action", "1"), note] + Self.date("doneOn", 2))
            #expect(early.status == 400)
            #expect(early.body.contains("id=\"doneOn-error\"") && early.body.contains("R4: 2025-04-02 is before the meeting"))
            #expect(early.body.contains("Fictional: strategy meeting held</textarea>"), "the values typed are kept")
            #expect(try await harness.rapidReview(Self.reference) == before)
            let done = [("csrfToken", token), (PageCall.keyField, "key-done-0002"), ("action", "1"), note] + Self.date("doneOn", 7)
            let first = try await browser.post(Self.actionDone, cookie: cookie, form: done)
            let second = try await browser.post(Self.actionDone, cookie: cookie, form: done)
            #expect(first.status == 303 && second.status == 303, "applied again, the call refuses: action 1 was recorded as taken")
            #expect(second.headers["location"] == first.headers["location"])
            let after = try await harness.rapidReview(Self.reference)
            #expect(after.actionsDone?.map(\.doneOn) == [Fixtures.date("2025-04-07")])
            #expect(!after.deadlines.contains { $0.rule == .r4 })
            let page = try await browser.get("\(Self.casePage)?recorded=actionDone", cookie: cookie)
            #expect(page.body.contains("Immediate action recorded as done") && !page.body.contains("Immediate actions still open"))
        }
    }

    @Test("roles as RecordActionDone's: the independent chair may not mark an action done (403, nothing changed) nor is offered the link")
    func actionDoneRoles() async throws {
        try await Self.withCase(through: .meetingHeld) { harness, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.chair)
            #expect(try await browser.get(Self.actionDone, cookie: cookie).status == 403)
            let page = try await browser.get(Self.casePage, cookie: cookie)
            #expect(page.body.contains("Immediate actions still open (R4)") && !page.body.contains("href=\"\(Self.actionDone)"))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.casePage)
            let before = try await harness.rapidReview(Self.reference)
            let denied = try await browser.post(
                Self.actionDone, cookie: cookie,
                form: [("csrfToken", token), (PageCall.keyField, "key-done-0003"), ("action", "1")] + Self.date("doneOn", 7))
            #expect(denied.status == 403)
            #expect(try await harness.rapidReview(Self.reference) == before)
        }
    }
}
