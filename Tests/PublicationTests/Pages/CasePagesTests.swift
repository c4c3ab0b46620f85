import Contract
import Foundation
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// The home, the publications and a publication's page over real sockets: signed in, by role,
/// with the step, next step and deadlines, never the report's text or names; the public
/// listing stays public beside them.
@Suite("publication's pages: home, list, a publication", .serialized)
struct CasePagesTests {
    @Test("the pages need a session; the public listing does not")
    func signInNeeded() async throws {
        try await withPrepared(301) { harness, reference in
            for path in ["/", "/publications", "/publications/\(reference)"] {
                let answer = try await PageSession.anonymousGet(harness, path)
                #expect(answer.status == 303, "\(path)")
                #expect(answer.headers["location"]?.hasPrefix("/sign-in?next=") == true, "\(path)")
            }
            #expect(try await PageSession.anonymousGet(harness, "/published").status == 200)
            #expect(try await PageSession.anonymousGet(harness, "/published.json").status == 200)
        }
    }

    @Test("the list shows each publication's step and next step; its page the deadlines and the links for the publication team")
    func listAndCase() async throws {
        try await withPrepared(302) { harness, reference in
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2027-01-04"))
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let home = try await session.get("/")
            #expect(home.body.contains("href=\"/publications\""))
            let list = try await session.get("/publications")
            #expect(list.status == 200)
            #expect(list.body.contains("<a href=\"/publications/\(reference)\">\(reference)</a>"))
            #expect(list.body.contains("Check the report for disclosure (P4)"))
            expectNoPersonalData(list.body)
            let page = try await session.get("/publications/\(reference)")
            #expect(page.status == 200)
            #expect(page.body.contains("Earliest publication date (T9)"))
            #expect(page.body.contains("href=\"/anonymisation/\(reference)\""))
            #expect(page.body.contains("href=\"/schedule/\(reference)\""))
            #expect(page.body.contains("href=\"/action-plan/\(reference)\""))
            #expect(page.body.contains("<caption>Deadlines</caption>") || page.body.contains("No deadlines apply"))
            expectNoPersonalData(page.body)
            // The view is audited like a read.
            let entries = try await harness.service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "page:Publication" && $0.caseReference == reference.description && $0.principal == "Pub.Comms" })
        }
    }

    @Test("roles as the calls: the chair reads the publication without the forms' links; a panel viewer may not open it")
    func roles() async throws {
        try await withPrepared(303) { harness, reference in
            let chair = try await PageSession.signIn(harness, TestTokens.chair)
            let page = try await chair.get("/publications/\(reference)")
            #expect(page.status == 200)
            #expect(!page.body.contains("href=\"/schedule/"))
            #expect(page.body.contains("Nothing for your role at this step.") || !page.body.contains("href=\"/anonymisation/"))
            #expect(try await chair.get("/schedule/\(reference)").status == 403)
            let viewer = try await PageSession.signIn(harness, TestTokens.viewer)
            let home = try await viewer.get("/")
            #expect(home.status == 200)
            #expect(!home.body.contains("href=\"/publications\""), "the home offers a panel viewer a page it may not open")
            #expect(try await viewer.get("/publications/\(reference)").status == 403)
            #expect(try await chair.get("/publications/TESTSHIRE-2026-0999").status == 404)
        }
    }

    @Test("a publication's page links back to the case on the dashboard (CSPR_DASHBOARD_URL)")
    func dashboardLink() async throws {
        let harness = try await Harness.start(extra: ["CSPR_DASHBOARD_URL": "http://127.0.0.1:7100/"])
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            let reference = Fixtures.reference(304)
            try await harness.prepare(Fixtures.preparation(reference))
            let page = try await PageSession.signIn(harness, TestTokens.publication).get("/publications/\(reference)")
            #expect(page.body.contains("<a href=\"http://127.0.0.1:7100/cases/\(reference)\">The case on the dashboard</a>"))
        }
    }
}
