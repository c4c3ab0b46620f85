import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// Oversight's forms over real sockets (§3.1.3, §5.6; T7, T8): each posts to its RPC's own
/// handler, a refusal beside its field with its rule id and the values kept, a double submit
/// applied once, the RPC's roles.
@Suite("review-management's oversight pages", .serialized)
struct OversightPagesTests {
    @Test("T7: a delay without its reason is refused beside the reason with the rule id, values kept; a checkpoint posted twice is recorded once")
    func delayAndCheckpoint() async throws {
        try await Pages.with(381, through: .agreed) { harness, browser, reference in
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: "/delay-decision/\(reference)")
            let review = try await browser.get("/reviews/\(reference)", cookie: cookie)
            #expect(review.body.contains("href=\"/oversight/\(reference)\""), "linked from the review's page")
            let decision: [(String, String)] = [
                ("requestedBy", "Testshire Police (SIO)"), ("decidedBy", "Case Review Panel"), ("decidedOn.day", "7"), ("decidedOn.month", "4"),
                ("decidedOn.year", "2025"), ("newDue.day", "3"), ("newDue.month", "12"), ("newDue.year", "2025"), ("csrfToken", csrf),
            ]
            let refused = try await browser.post("/delay-decision/\(reference)", cookie: cookie, form: decision + [(PageCall.keyField, "dd-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#reason\"") && refused.body.contains("id=\"reason-error\""))
            #expect(refused.body.contains("T7: an extension is a recorded decision: say why"))
            #expect(refused.body.contains("value=\"Testshire Police (SIO)\""))
            #expect(try await harness.review(reference).oversight?.delayDecisions.isEmpty != false)
            let why = decision + [("reason", "Fictional: the police asked to delay contact with the family")]
            let extended = try await browser.post("/delay-decision/\(reference)", cookie: cookie, form: why + [(PageCall.keyField, "dd-2")])
            #expect(extended.status == 303 && extended.headers["location"] == "/oversight/\(reference)?recorded=delay-decision")
            #expect(try await harness.review(reference).oversight?.delayDecisions.count == 1)

            let checkpoint: [(String, String)] = [
                ("kind", "progress"), ("heldOn.day", "7"), ("heldOn.month", "4"), ("heldOn.year", "2025"), ("findings", "Fictional: on time"),
                ("count.requestsToReviewer", "2"), ("requestsToReviewer[0]", "Fictional: send the draft by May"), ("requestsToReviewer[1]", ""),
                ("csrfToken", csrf),
            ]
            let first = try await browser.post("/checkpoint/\(reference)", cookie: cookie, form: checkpoint + [(PageCall.keyField, "cp-1")])
            let second = try await browser.post("/checkpoint/\(reference)", cookie: cookie, form: checkpoint + [(PageCall.keyField, "cp-1")])
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            let checkpoints = try await harness.review(reference).oversight?.checkpoints ?? []
            #expect(checkpoints.count == 1 && checkpoints.first?.requestsToReviewer == ["Fictional: send the draft by May"])
            let record = try await browser.get("/oversight/\(reference)", cookie: cookie)
            #expect(record.status == 200 && record.body.contains("Fictional: send the draft by May"))
            let views = try await Pages.audited(harness, "page:Oversight")
            #expect(!views.isEmpty && views.allSatisfy { $0.principal == "Rev.Team" })
        }
    }

    @Test("T8 and §5.6: the notice before a forecast passes T7 is refused at the top with T8; a process registered; the RPC's roles")
    func noticeProcessAndRoles() async throws {
        try await Pages.with(382, through: .commissioned) { harness, browser, reference in
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: "/delay-notice/\(reference)")
            let notice: [(String, String)] = [
                ("nationalPanelInformedOn.day", "7"), ("nationalPanelInformedOn.month", "4"), ("nationalPanelInformedOn.year", "2025"),
                ("secretaryOfStateInformedOn.day", "7"), ("secretaryOfStateInformedOn.month", "4"), ("secretaryOfStateInformedOn.year", "2025"),
                ("reason", "Fictional: the trial"), ("csrfToken", csrf), (PageCall.keyField, "dn-1"),
            ]
            let early = try await browser.post("/delay-notice/\(reference)", cookie: cookie, form: notice)
            #expect(early.status == 400 && early.body.contains("href=\"#main\">T8: no completion forecast passes"))
            #expect(early.body.contains("Fictional: the trial"))
            let noKind: [(String, String)] = [
                ("process", "new"), ("description", "Fictional: Testshire Police investigation"), ("status", "ongoing"), ("csrfToken", csrf),
            ]
            let refused = try await browser.post("/parallel-process/\(reference)", cookie: cookie, form: noKind + [(PageCall.keyField, "pp-1")])
            #expect(refused.status == 400 && refused.body.contains("id=\"kind-error\""))
            let registered = try await browser.post(
                "/parallel-process/\(reference)", cookie: cookie, form: noKind + [("kind", "criminalProceedings"), (PageCall.keyField, "pp-2")])
            #expect(registered.status == 303)
            #expect(try await harness.review(reference).oversight?.parallelProcesses.count == 1)

            // The RPC's roles: the panel may record a forecast but not the notice; an agency nothing here.
            let panel = try await Pages.session(browser, TestTokens.panel, page: "/forecast-completion/\(reference)")
            #expect(try await browser.get("/delay-notice/\(reference)", cookie: panel.cookie).status == 403)
            let posted = try await browser.post(
                "/delay-notice/\(reference)", cookie: panel.cookie, form: notice.map { $0.0 == "csrfToken" ? ($0.0, panel.csrf) : $0 })
            #expect(posted.status == 403)
            let (agency, _) = try await browser.signIn(TestTokens.agency)
            #expect(try await browser.get("/oversight/\(reference)", cookie: agency).status == 403)
            #expect(try await harness.review(reference).oversight?.delayNotices.isEmpty != false)

            // The panel forecasts completion past T7: T8 is due, and the refused notice is sent again with its key.
            let forecast: [(String, String)] = [
                ("forecastCompletion.day", "1"), ("forecastCompletion.month", "12"), ("forecastCompletion.year", "2025"), ("csrfToken", panel.csrf),
                (PageCall.keyField, "fc-1"),
            ]
            #expect(try await browser.post("/forecast-completion/\(reference)", cookie: panel.cookie, form: forecast).status == 303)
            let noticed = try await browser.post("/delay-notice/\(reference)", cookie: cookie, form: notice)
            #expect(noticed.headers["location"] == "/oversight/\(reference)?recorded=delay-notice")
            #expect(try await harness.review(reference).oversight?.delayNotices.count == 1)
        }
    }
}
