import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import IntakeService

/// The scoping pages and the case file over real sockets against intake in this process: each
/// post runs its RPC's own handler (`SendScopingRequests`, `RecordScopingReturn` with its
/// agency scope), each view with personal data is audited.
@Suite("The scoping pages and the case file", .serialized)
struct ScopingPagesTests {
    static let first = "SURREY-2025-0001"

    /// Intake with one case (`first`) whose referral names Testshire Children's Services and
    /// Testshire Police, and a browser.
    static func withCase(_ body: (RunningService, PageBrowser, RPCClient) async throws -> Void) async throws {
        let directory = try TestDirectory()
        try await withInProcess(IntakeService.definition, directory) { service, client in
            _ = try await client.call(IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: Fixture.referral()), as: TestTokens.staff)
            try await body(service, PageBrowser(port: service.port), client)
        }
    }

    static func asked(_ client: RPCClient, _ reference: String = first) async throws -> [String] {
        let request = IntakeAPI.CaseRequest(caseReference: try #require(CaseReference(reference)))
        return try await client.call(IntakeAPI.getCase, request, as: TestTokens.staff).scopingRequests.map(\.agency.name)
    }

    static let sentToday = [("dateSent.day", "24"), ("dateSent.month", "3"), ("dateSent.year", "2025")]

    @Test("T2: the officer ticks agencies; a form's refusal and SendScopingRequests' own are shown beside their fields, nothing sent")
    func scopingRefusals() async throws {
        try await Self.withCase { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let path = ScopingRequestPage.prefix + Self.first
            let form = try await browser.get(path, cookie: cookie)
            #expect(form.status == 200)
            #expect(form.body.contains("Send the form and letter to Testshire Police"))
            let token = try await browser.csrfToken(cookie: cookie, page: path)
            let none = try await browser.post(path, cookie: cookie, form: [("csrfToken", token)] + Self.sentToday)
            #expect(none.status == 400 && none.body.contains("href=\"#requests-0--selected\""))
            // The police ticked without its lead's name: the call's own INVALID_ARGUMENT, beside the field.
            let noLead = try await browser.post(
                path, cookie: cookie,
                form: [("csrfToken", token), ("requests[1].selected", "yes"), ("requests[1].contact.agencyAndDesignation", "Police, DI")]
                    + Self.sentToday)
            #expect(noLead.status == 400)
            #expect(noLead.body.contains("<title>Error: Send scoping requests"))
            #expect(noLead.body.contains("id=\"requests-1--contact-name-error\""))
            #expect(
                noLead.body.contains("The safeguarding lead&#39;s name is required")
                    || noLead.body.contains("The safeguarding lead's name is required"))
            #expect(noLead.body.contains("value=\"Police, DI\""))
            #expect(try await Self.asked(client).isEmpty)
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "SendScopingRequests" && $0.outcome == RPCCode.invalidArgument.name })
        }
    }

    @Test("T2: sent once for a double submit, then the letters print (A4 document); an agency asked already is refused by the call")
    func sendAndLetters() async throws {
        try await Self.withCase { service, browser, client in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            let path = ScopingRequestPage.prefix + Self.first
            let token = try await browser.csrfToken(cookie: cookie, page: path)
            let police: [(String, String)] = [
                ("requests[1].selected", "yes"), ("requests[1].contact.name", "Dana Sample"),
                ("requests[1].contact.agencyAndDesignation", "Testshire Police, DI"),
            ]
            let other: [(String, String)] = [
                ("requests[2].selected", "yes"), ("requests[2].agency.name", "Testshire Ambulance"), ("requests[2].agency.kind", "health"),
                ("requests[2].contact.name", "Ash Example"), ("requests[2].contact.agencyAndDesignation", "Testshire Ambulance, lead"),
            ]
            let signed = [("signatory", "Fictional Signer, Partnership Support")]
            let form = [("csrfToken", token), (PageCall.keyField, "key-scoping-0001")] + police + other + Self.sentToday + signed
            let once = try await browser.post(path, cookie: cookie, form: form)
            let twice = try await browser.post(path, cookie: cookie, form: form)
            #expect(once.status == 303 && twice.status == 303)
            #expect(once.headers["location"] == ScopingRequestPage.lettersPrefix + Self.first)
            #expect(try await Self.asked(client) == ["Testshire Police", "Testshire Ambulance"])
            let letters = try await browser.get(ScopingRequestPage.lettersPrefix + Self.first, cookie: cookie)
            #expect(letters.status == 200 && letters.body.contains("<main class=\"document\""))
            #expect(letters.body.contains("To Testshire Police") && letters.body.contains("To Testshire Ambulance"))
            // Printed later, each letter is signed as it was sent.
            #expect(letters.body.components(separatedBy: "Fictional Signer, Partnership Support").count == 3)
            // The police is no longer offered; named again as another agency, the call refuses it.
            #expect(try await !browser.get(path, cookie: cookie).body.contains("Send the form and letter to Testshire Police"))
            let again = try await browser.post(
                path, cookie: cookie,
                form: [
                    ("csrfToken", token), ("requests[2].selected", "yes"), ("requests[2].agency.name", "Testshire Police"),
                    ("requests[2].agency.kind", "police"), ("requests[2].contact.name", "Dana Sample"),
                    ("requests[2].contact.agencyAndDesignation", "Police, DI"),
                ] + Self.sentToday)
            #expect(again.status == 400 && again.body.contains("id=\"requests-2--agency-name-error\""))
            #expect(again.body.contains("was already sent a scoping request"))
            #expect(try await Self.asked(client).count == 2)
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "page:ScopingLetters" && $0.caseReference == Self.first })
        }
    }

    @Test("Appendix 3: an agency sees only the cases that asked it, records its own return, and gets one refusal for any other case")
    func agencyReturn() async throws {
        try await Self.withCase { service, browser, client in
            // A second case that asks only Children's Services.
            let other = Fixture.referral(child: Fixture.child(name: "Other Fictional-Child"), incident: "2025-03-21")
            _ = try await client.call(IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: other), as: TestTokens.staff)
            for (reference, agency, kind) in [
                (Self.first, "Testshire Police", PartnerKind.police), ("SURREY-2025-0002", "Testshire Children's Services", .localAuthority),
            ] {
                let request = IntakeAPI.SendScopingRequestsRequest(
                    caseReference: try #require(CaseReference(reference)), requests: [Fixture.draft(agency, kind: kind, sent: "2025-03-24")])
                _ = try await client.call(IntakeAPI.sendScopingRequests, request, as: TestTokens.staff)
            }
            let (cookie, _) = try await browser.signIn(TestTokens.agency)
            let list = try await browser.get(ScopingReturnPage.listPath, cookie: cookie)
            #expect(list.status == 200 && list.body.contains(Self.first) && !list.body.contains("SURREY-2025-0002"))
            // Another agency's case and a case that does not exist: the same refusal, the call's.
            let others = try await browser.get(ScopingReturnPage.prefix + "SURREY-2025-0002", cookie: cookie)
            let missing = try await browser.get(ScopingReturnPage.prefix + "SURREY-2025-0999", cookie: cookie)
            #expect(others.status == 403 && missing.status == 403)
            #expect(others.body.contains("no request to Testshire Police on this case is open to this token"))
            #expect(
                others.body.replacingOccurrences(of: "SURREY-2025-0002", with: "X")
                    == missing.body.replacingOccurrences(of: "SURREY-2025-0999", with: "X"))
            // Nor the officer's pages.
            #expect(try await browser.get(CaseFilePage.prefix + Self.first, cookie: cookie).status == 403)
            #expect(try await browser.get(ScopingRequestPage.prefix + Self.first, cookie: cookie).status == 403)
            let path = ScopingReturnPage.prefix + Self.first
            let token = try await browser.csrfToken(cookie: cookie, page: path)
            let posted = try await browser.post(ScopingReturnPage.prefix + "SURREY-2025-0002", cookie: cookie, form: [("csrfToken", token)])
            #expect(posted.status == 403)
            let fields: [(String, String)] = [
                ("csrfToken", token), ("scopingReturn.completedBy.name", "Dana Sample"),
                ("scopingReturn.completedBy.agencyAndDesignation", "Testshire Police, DI"), ("scopingReturn.dateCompleted.day", "24"),
                ("scopingReturn.dateCompleted.month", "3"), ("scopingReturn.dateCompleted.year", "2025"), ("scopingReturn.knownToAgency", "yes"),
            ]
            // Known to the agency without the summary: RecordScopingReturn's own refusal.
            let refused = try await browser.post(path, cookie: cookie, form: fields + [(PageCall.keyField, "key-return-0001")])
            #expect(refused.status == 400 && refused.body.contains("id=\"scopingReturn-involvementSummary-error\""))
            #expect(refused.body.contains("value=\"Dana Sample\""))
            let complete = fields + [("scopingReturn.involvementSummary", "Fictional involvement."), (PageCall.keyField, "key-return-0002")]
            let recorded = try await browser.post(path, cookie: cookie, form: complete)
            #expect(recorded.status == 303 && recorded.headers["location"] == ScopingReturnPage.recordedPrefix + Self.first)
            // A double submit (the same key) answers the same, recording nothing twice.
            let again = try await browser.post(path, cookie: cookie, form: complete)
            #expect(again.status == 303 && again.headers["location"] == recorded.headers["location"])
            #expect(try await browser.get(ScopingReturnPage.recordedPrefix + Self.first, cookie: cookie).status == 200)
            let file = try await client.call(
                IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: try #require(CaseReference(Self.first))), as: TestTokens.staff)
            #expect(file.scopingReturns.map(\.agency.name) == ["Testshire Police"])
            let second = try await client.call(
                IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: try #require(CaseReference("SURREY-2025-0002"))), as: TestTokens.staff)
            #expect(second.scopingReturns.isEmpty)
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "RecordScopingReturn" && $0.principal == "Ali.Agency" && $0.outcome == RPCCode.ok.name })
        }
    }

    @Test("R3: the case file is a printable page for the officer, audited as GetCaseFile's read and as a page")
    func caseFile() async throws {
        try await Self.withCase { service, browser, _ in
            let (cookie, _) = try await browser.signIn(TestTokens.staff)
            // The officer's home page lists the case (by reference only) with its pages.
            let home = try await browser.get("/", cookie: cookie)
            #expect(home.body.contains("href=\"\(CaseFilePage.prefix)\(Self.first)\"") && !home.body.contains("Zebedee"))
            let page = try await browser.get(CaseFilePage.prefix + Self.first, cookie: cookie)
            #expect(page.status == 200 && page.headers["cache-control"] == "no-store")
            #expect(page.body.contains("<main class=\"document\"") && page.body.contains("Zebedee Quillfeather"))
            #expect(try await browser.get(CaseFilePage.prefix + "SURREY-2025-0999", cookie: cookie).status == 404)
            let entries = try await service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "GetCaseFile" && $0.caseReference == Self.first })
            #expect(entries.contains { $0.method == "page:CaseFile" && $0.caseReference == Self.first })
        }
    }
}
