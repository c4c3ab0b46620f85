import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import IntakeService

/// The possible-match page over real sockets (issues 17 item 7 and 18): the officer sees both
/// children's particulars, is refused without a choice, and confirms the same child through
/// `ResolveChildMatch`'s own handler; the later case is then merged, once for a double submit.
@Suite("The possible match of two cases' children in the browser", .serialized)
struct ChildMatchPageTests {
    @Test("item 7: both children shown and audited; no choice is refused beside the radios; confirmed once, the later case merged")
    func decideInTheBrowser() async throws {
        let directory = try TestDirectory()
        try await withInProcess(IntakeService.definition, directory) { service, client in
            let staff = TestTokens.staff
            let known = try await client.call(IntakeAPI.submitReferral, .init(referral: Fixture.referral()), as: staff).caseReference
            var undated = Fixture.child()
            undated.dateOfBirth = nil
            let later = try await client.call(IntakeAPI.submitReferral, .init(referral: Fixture.referral(child: undated)), as: staff)
                .caseReference
            let browser = PageBrowser(port: service.port)
            let (cookie, _) = try await browser.signIn(staff)
            let home = try await browser.get("/", cookie: cookie)
            #expect(home.body.contains("href=\"\(ChildMatchPage.prefix)\(later)\""))

            let path = ChildMatchPage.prefix + later.description
            let page = try await browser.get(path, cookie: cookie)
            #expect(page.status == 200)
            #expect(page.body.contains("2019-03-01") && page.body.contains("Not given"))
            #expect(page.body.contains("Are the children of case \(later) and case \(known) the same child?"))
            let audited = try await service.context.database.read { try AuditTrail.entries($0) }.filter { $0.method == "page:ChildMatch" }
            #expect(Set(audited.compactMap(\.caseReference)) == [known.description, later.description])

            let token = try await browser.csrfToken(cookie: cookie, page: path)
            let none = try await browser.post(path, cookie: cookie, form: [("csrfToken", token), ("otherCase", known.description)])
            #expect(none.status == 400)
            #expect(none.body.contains("href=\"#sameChild\"") && none.body.contains("id=\"sameChild-error\""))

            let form = [("csrfToken", token), (PageCall.keyField, "key-match-0001"), ("otherCase", known.description), ("sameChild", "yes")]
            let once = try await browser.post(path, cookie: cookie, form: form)
            let twice = try await browser.post(path, cookie: cookie, form: form)
            #expect(once.status == 303 && twice.status == 303)
            let after = try await browser.get(path, cookie: cookie)
            #expect(after.body.contains("was merged into <a href=\"\(ChildMatchPage.prefix)\(known)\">"))
            #expect(after.body.contains("The same child"))
            let file = try await client.call(IntakeAPI.getCaseFile, .init(caseReference: known), as: staff)
            #expect(file.linkedReferrals.count == 1)
            let decisions = try await service.context.database.read { try AuditTrail.entries($0) }.filter { $0.method == "ResolveChildMatch" }
            // The second post replayed the first answer (its key), not ALREADY_EXISTS.
            #expect(decisions.map(\.outcome) == [RPCCode.ok.name, RPCCode.ok.name])
        }
    }
}
