import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import IntakeService

/// The referral form's posts over real sockets against intake in this process: the submission
/// runs `SubmitReferral`'s own handler, so its refusals, roles and idempotency are the call's.
@Suite("The referral form's posts", .serialized)
struct ReferralPagesTests {
    /// A referral's fields as the form names them: fictional, valid on 2025-03-24.
    static func fields(incidentDay: String = "18") -> [(String, String)] {
        [
            ("referral.dateOfReferral.day", "21"), ("referral.dateOfReferral.month", "3"), ("referral.dateOfReferral.year", "2025"),
            ("referral.dateReceived.day", "24"), ("referral.dateReceived.month", "3"), ("referral.dateReceived.year", "2025"),
            ("referral.referrer.name", "Robin Example"), ("referral.referrer.agencyAndDesignation", "Testshire Health, named nurse"),
            ("referral.safeguardingLeadConsulted.name", "Morgan Sample"),
            ("referral.safeguardingLeadConsulted.agencyAndDesignation", "Testshire Health, designated lead"),
            ("referral.child.person.name", "Child Fictional-Pages"), ("referral.child.incident.kind", "seriousHarm"),
            ("referral.child.incident.date.day", incidentDay), ("referral.child.incident.date.month", "3"),
            ("referral.child.incident.date.year", "2025"), ("count.referral.familyMembers", "2"),
            ("referral.familyMembers[0].person.name", "Parent One-Fictional"), ("referral.familyMembers[0].relationshipToChild", "Mother"),
            ("referral.familyMembers[1].person.name", "Parent Two-Fictional"), ("referral.familyMembers[1].relationshipToChild", "Father"),
            ("referral.caseBackground", "A fictional outline."), ("referral.reasonForReferral", "A fictional reason."),
        ]
    }

    static func withIntake(
        settings: [String: String] = [:], _ body: (RunningService, PageBrowser, RPCClient) async throws -> Void
    ) async throws {
        let directory = try TestDirectory(settings: settings)
        try await withInProcess(IntakeService.definition, directory) { service, client in
            try await body(service, PageBrowser(port: service.port), client)
        }
    }

    static func cases(_ client: RPCClient) async throws -> Int {
        try await client.call(IntakeAPI.listCases, IntakeAPI.ListCasesRequest(), as: TestTokens.staff).cases.count
    }

    @Test("a refusal of SubmitReferral's own rules is shown beside its field with the values kept, and opens no case")
    func domainRefusal() async throws {
        try await Self.withIntake { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let token = try await browser.csrfToken(cookie: cookie, page: ReferralFormPage.path)
            // Saved as a draft (the incident after the date of referral), then submitted as it is.
            let saved = try await browser.post(
                ReferralFormPage.path, cookie: cookie, form: Self.fields(incidentDay: "23") + [("csrfToken", token), ("action", "save")])
            #expect(saved.status == 303)
            let answer = try await browser.post(
                ReferralCheckPage.submitPath, cookie: cookie, form: [("csrfToken", token), (PageCall.keyField, "key-refused-0001")])
            #expect(answer.status == 400)
            #expect(answer.body.contains("<title>Error: Make a referral"))
            #expect(answer.body.contains("href=\"#referral-child-incident-date-day\""))
            #expect(answer.body.contains("id=\"referral-child-incident-date-error\""))
            #expect(answer.body.contains("is after the date of the referral (2025-03-21)"))
            #expect(answer.body.contains("value=\"Parent Two-Fictional\""))
            #expect(try await Self.cases(client) == 0)
            // The refusal is SubmitReferral's, audited as the call is.
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "SubmitReferral" && $0.outcome == RPCCode.invalidArgument.name && $0.principal == "Pat.Support" })
        }
    }

    @Test("a double submit with the form's key opens one case and answers the same confirmation")
    func doubleSubmit() async throws {
        try await Self.withIntake { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let token = try await browser.csrfToken(cookie: cookie, page: ReferralFormPage.path)
            _ = try await browser.post(ReferralFormPage.path, cookie: cookie, form: Self.fields() + [("csrfToken", token), ("action", "save")])
            let submit = [("csrfToken", token), (PageCall.keyField, "key-double-0001")]
            let first = try await browser.post(ReferralCheckPage.submitPath, cookie: cookie, form: submit)
            let second = try await browser.post(ReferralCheckPage.submitPath, cookie: cookie, form: submit)
            #expect(first.status == 303 && second.status == 303)
            #expect(first.headers["location"] == "/referrals/submitted/SURREY-2025-0001")
            #expect(second.headers["location"] == first.headers["location"])
            let confirmation = try await browser.get("/referrals/submitted/SURREY-2025-0001", cookie: cookie)
            #expect(confirmation.body.contains("SURREY-2025-0001") && confirmation.body.contains("<td>T6</td>"))
            #expect(try await Self.cases(client) == 1)
            let file = try await client.call(
                IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: CaseReference("SURREY-2025-0001")!), as: TestTokens.staff)
            #expect(file.referral?.familyMembers.count == 2)
            #expect(file.linkedReferrals.isEmpty)
        }
    }

    @Test("issue 17 item 9: the form's post shares its principal's write rate with the RPC call: past it, refused and no case")
    func writeRate() async throws {
        // A burst of one write: the call takes it, so the form's submit right after has none.
        try await Self.withIntake(settings: ["CSPR_WRITE_RATE": "0.01"]) { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let token = try await browser.csrfToken(cookie: cookie, page: ReferralFormPage.path)
            _ = try await browser.post(ReferralFormPage.path, cookie: cookie, form: Self.fields() + [("csrfToken", token), ("action", "save")])
            var reader = ReferralFormReader(FormData(values: Dictionary(Self.fields(incidentDay: "17"), uniquingKeysWith: { $1 })))
            let read = reader.read()
            var other = try #require(read)
            other.child.person.name = "Child Fictional-Other"
            _ = try await client.call(IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: other), as: TestTokens.staff)
            let answer = try await browser.post(
                ReferralCheckPage.submitPath, cookie: cookie, form: [("csrfToken", token), (PageCall.keyField, "key-rate-0001")])
            #expect(answer.status != 303)
            #expect(answer.body.contains("CSPR_WRITE_RATE"))
            #expect(try await Self.cases(client) == 1)
        }
    }

    @Test("two posts of one form at once, racing past the draft, are applied once through SubmitReferral's idempotency")
    func racingSubmits() async throws {
        try await Self.withIntake { service, _, client in
            var reader = ReferralFormReader(FormData(values: Dictionary(Self.fields(), uniquingKeysWith: { $1 })))
            let read = reader.read()
            let referral = try #require(read)
            let handlers = IntakeHandlers(context: service.context, settings: IntakeSettings())
            let principal = Principal(name: "Pat.Support", roles: ["partnership-support"])
            let session = try await service.context.database.write { tx in
                try WebSessions.open(tx, principal, now: Date(), settings: SessionSettings()).session
            }
            let request = IntakeAPI.SubmitReferralRequest(referral: referral)
            async let one = PageCall.run(
                IntakeAPI.submitReferral, request, session: session, idempotencyKey: "key-race-0001", database: service.context.database,
                logger: service.context.logger, handler: handlers.submitReferral)
            async let two = PageCall.run(
                IntakeAPI.submitReferral, request, session: session, idempotencyKey: "key-race-0001", database: service.context.database,
                logger: service.context.logger, handler: handlers.submitReferral)
            let (first, second) = try (await one.get(), await two.get())
            #expect(first == second)
            #expect(try await Self.cases(client) == 1)
            // Applied twice, the second would have joined the case as a linked referral (R3).
            let file = try await client.call(IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: first.caseReference), as: TestTokens.staff)
            #expect(file.linkedReferrals.isEmpty)
        }
    }

    @Test("the form's roles are SubmitReferral's: an agency or the panel may not open it, and its views are audited")
    func rolesAndAudit() async throws {
        try await Self.withIntake { service, browser, _ in
            for token in [TestTokens.agency, TestTokens.panel] {
                let (cookie, _) = try await browser.signIn(token)
                #expect(try await browser.get(ReferralFormPage.path, cookie: cookie).status == 403)
            }
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let page = try await browser.get(ReferralFormPage.path, cookie: cookie)
            #expect(page.status == 200)
            #expect(page.headers["cache-control"] == "no-store")
            #expect(page.headers["content-security-policy"] == PageHeaders.contentSecurityPolicy)
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "page:ReferralForm" && $0.principal == "Pat.Support" })
        }
    }
}
