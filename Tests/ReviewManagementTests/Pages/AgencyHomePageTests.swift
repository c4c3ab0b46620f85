import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// An agency's home page over real sockets: its own agency's open requests, only its own, each
/// linking to the agency's page on the case.
@Suite("review-management's home page for an agency", .serialized)
struct AgencyHomePageTests {
    @Test("an agency's token sees its own agency's open requests linked to /agency/<case>, never another agency's; the view is audited")
    func ownRequestsOnly() async throws {
        try await withReview(421, through: .agreed) { harness, reference in
            let other = Fixtures.reference(422)
            try await harness.prepare(other, through: .agreed)
            _ = try await harness.requestInformation(reference, AgencyTests.police)
            _ = try await harness.requestInformation(other, "Testshire ICB")
            let browser = PageBrowser(port: harness.service.port)
            let (agency, _) = try await browser.signIn(TestTokens.agency)
            let home = try await browser.get("/", cookie: agency)
            #expect(home.status == 200 && home.body.contains("Requests to Testshire Police"))
            #expect(home.body.contains("href=\"/agency/\(reference)\"") && home.body.contains("1 May 2025"))
            #expect(!home.body.contains(other.description), "another agency's request is not shown")
            let (team, _) = try await browser.signIn(ReviewTokens.reviewTeam)
            #expect(try await browser.get("/", cookie: team).body.contains("Open requests to your agency") == false)
            let views = try await Pages.audited(harness, "page:AgencyHome")
            #expect(views.count == 1 && views.first?.principal == "Ali.Agency")
        }
    }
}
