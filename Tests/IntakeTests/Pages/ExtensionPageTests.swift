import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import IntakeService

/// The extension form (T1-T3; issue 15 item 5, issue 18) over real sockets against intake in
/// this process: it posts to `RecordExtension`'s own handler, so its refusals, roles,
/// idempotency and audit are the call's.
@Suite("intake's extension form", .serialized)
struct ExtensionPageTests {
    static let reference = "SURREY-2025-0001"
    static let path = ExtensionPage.prefix + reference

    /// Intake on 2 April 2025 with one case whose two agencies were asked on 25 March (T3 due
    /// 31 March for each, overdue), and a browser.
    static func withCase(_ body: (RunningService, PageBrowser, RPCClient) async throws -> Void) async throws {
        let directory = try TestDirectory(settings: ["CSPR_TODAY": "2025-04-02"])
        try await withInProcess(IntakeService.definition, directory) { service, client in
            let submitted = try await client.call(
                IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: Fixture.referral()), as: TestTokens.staff)
            let requests = [
                Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-25"),
                Fixture.draft("Testshire Police", kind: .police, sent: "2025-03-25"),
            ]
            _ = try await client.call(
                IntakeAPI.sendScopingRequests, .init(caseReference: submitted.caseReference, requests: requests), as: TestTokens.staff)
            try await body(service, PageBrowser(port: service.port), client)
        }
    }

    static func t3(_ client: RPCClient) async throws -> [Deadline] {
        let request = IntakeAPI.CaseRequest(caseReference: try #require(CaseReference(reference)))
        return try await client.call(IntakeAPI.getCase, request, as: TestTokens.panel).status.deadlines.filter { $0.rule == .t3 }
    }

    static let police: [(String, String)] = [
        ("rule", "T3"), ("subject", "Testshire Police"), ("newDue.day", "4"), ("newDue.month", "4"), ("newDue.year", "2025"),
        ("reason", "Fictional: records held off site"),
    ]

    @Test(
        "T3: RecordExtension's refusal (several deadlines, none named) is shown beside its field with its rule id, the values kept, nothing changed")
    func refusedBesideField() async throws {
        try await Self.withCase { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            let form = try await browser.get(Self.path, cookie: cookie)
            #expect(form.status == 200)
            #expect(form.body.contains("value=\"Testshire Police\"") && form.body.contains("T3: Testshire Police</td><td>2025-03-31</td>"))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.path)
            #expect(!form.body.contains(" checked"), "no deadline is chosen for the person")
            let fields = Self.police.map { $0.0 == "subject" ? ($0.0, ExtensionPage.oneDeadline) : $0 }
            let refused = try await browser.post(
                Self.path, cookie: cookie, form: [("csrfToken", token), (PageCall.keyField, "key-ext-0001")] + fields)
            #expect(refused.status == 400)
            #expect(refused.body.contains("<title>Error: Extend a deadline"))
            #expect(refused.body.contains("href=\"#subject\"") && refused.body.contains("id=\"subject-error\""))
            #expect(refused.body.contains("T3 has several deadlines"))
            #expect(refused.body.contains("value=\"\(ExtensionPage.oneDeadline)\" checked"), "the choice made is kept")
            #expect(refused.body.contains("Fictional: records held off site</textarea>"), "the values typed are kept")
            #expect(try await Self.t3(client).allSatisfy { $0.originalDue == nil }, "a refused extension changes nothing")
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "RecordExtension" && $0.outcome == RPCCode.invalidArgument.name })
        }
    }

    @Test("T3: a double submit is applied once and answers the same page, which shows the new date beside the original one")
    func doubleSubmitOnce() async throws {
        try await Self.withCase { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            let token = try await browser.csrfToken(cookie: cookie, page: Self.path)
            let form = [("csrfToken", token), (PageCall.keyField, "key-ext-0002")] + Self.police
            let first = try await browser.post(Self.path, cookie: cookie, form: form)
            let second = try await browser.post(Self.path, cookie: cookie, form: form)
            #expect(first.status == 303 && second.status == 303, "a second application is refused: 4 April is not later than 4 April")
            #expect(first.headers["location"] == Self.path + "?recorded=1")
            #expect(second.headers["location"] == first.headers["location"])
            let police = try await Self.t3(client).first { $0.subject == "Testshire Police" }
            #expect(police?.due == Fixture.date("2025-04-04") && police?.originalDue == Fixture.date("2025-03-31"))
            let shown = try await browser.get(Self.path + "?recorded=1", cookie: cookie)
            #expect(shown.body.contains("Extension recorded"))
            #expect(shown.body.contains("T3: Testshire Police</td><td>2025-04-04</td><td>2025-03-31</td><td>Due soon</td>"))
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "RecordExtension" && $0.principal == "Sam.Panel" && $0.outcome == "OK" })
            #expect(entries.contains { $0.method == "page:ExtensionForm" && $0.caseReference == Self.reference })
        }
    }

    @Test(
        "roles as RecordExtension's: the officer may not extend (403, nothing changed) and is not offered the link; the panel is, from the case file")
    func roles() async throws {
        try await Self.withCase { _, browser, client in
            let (staff, _) = try await browser.signIn(TestTokens.staff)
            #expect(try await browser.get(Self.path, cookie: staff).status == 403)
            let token = try await browser.csrfToken(cookie: staff, page: ScopingRequestPage.prefix + Self.reference)
            let denied = try await browser.post(
                Self.path, cookie: staff, form: [("csrfToken", token), (PageCall.keyField, "key-ext-0003")] + Self.police)
            #expect(denied.status == 403)
            #expect(try await Self.t3(client).allSatisfy { $0.originalDue == nil })
            let link = "href=\"\(Self.path)\""
            #expect(try await !browser.get(CaseFilePage.prefix + Self.reference, cookie: staff).body.contains(link))
            #expect(try await !browser.get(ScopingRequestPage.prefix + Self.reference, cookie: staff).body.contains(link))
            let (panel, _) = try await browser.signIn(TestTokens.panel)
            #expect(try await browser.get(CaseFilePage.prefix + Self.reference, cookie: panel).body.contains(link))
            #expect(try await browser.get("/", cookie: panel).body.contains(link))
        }
    }
}
