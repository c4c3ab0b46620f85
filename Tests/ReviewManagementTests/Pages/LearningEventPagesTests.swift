import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The learning event's page over real sockets: scheduled, invitees and attendance, each form
/// through its RPC's own handler; a refusal beside its field with the values kept.
@Suite("review-management's learning event pages", .serialized)
struct LearningEventPagesTests {
    @Test("§8.8: an end before the start is refused beside it, values kept; scheduled once, a practitioner invited, attendance after the event")
    func scheduleInviteAttend() async throws {
        try await Pages.with(371, through: .agreed) { harness, browser, reference in
            let page = "/learning-event/\(reference)"
            #expect(try await browser.get(page, cookie: try await Pages.session(browser, TestTokens.panel).cookie).status == 403, "the RPC's roles")
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let event: [(String, String)] = [
                ("date.day", "20"), ("date.month", "5"), ("date.year", "2025"), ("startsAt", "09:45"), ("endsAt", "15:30"),
                ("venue", "Fictional Hall"), ("csrfToken", csrf),
            ]
            let backwards = event.map { $0.0 == "endsAt" ? ($0.0, "09:00") : $0 }
            let refused = try await browser.post(page, cookie: cookie, form: backwards + [(PageCall.keyField, "ev-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#endsAt\"") && refused.body.contains("id=\"endsAt-error\""))
            #expect(refused.body.contains("value=\"Fictional Hall\""))
            #expect(try await harness.review(reference).learningWorkshop?.event == nil)
            let first = try await browser.post(page, cookie: cookie, form: event + [(PageCall.keyField, "ev-2")])
            let second = try await browser.post(page, cookie: cookie, form: event + [(PageCall.keyField, "ev-2")])
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(try await harness.review(reference).learningEvents?.count == 1)

            let invite: [(String, String)] = [
                ("name", "Fictional Practitioner"), ("role", "Health visitor"), ("agency", "Testshire ICB"), ("kind", "practitioner"),
                ("invitedOn.day", "7"), ("invitedOn.month", "4"), ("invitedOn.year", "2025"), ("csrfToken", csrf),
            ]
            let noRole = invite.map { $0.0 == "role" ? ($0.0, "") : $0 }
            let refusedInvite = try await browser.post(
                "/learning-event-invitation/\(reference)", cookie: cookie, form: noRole + [(PageCall.keyField, "in-1")])
            #expect(refusedInvite.status == 400 && refusedInvite.body.contains("id=\"role-error\""))
            #expect(
                try await browser.post("/learning-event-invitation/\(reference)", cookie: cookie, form: invite + [(PageCall.keyField, "in-2")]).status
                    == 303)
            // §8.8: attendance only once the event has taken place; refused at the top, then rescheduled to today.
            let attendance: [(String, String)] = [("invitee", "1"), ("attendance", "attended"), ("csrfToken", csrf)]
            let early = try await browser.post(
                "/learning-event-attendance/\(reference)", cookie: cookie, form: attendance + [(PageCall.keyField, "at-1")])
            #expect(early.status == 400 && early.body.contains("href=\"#main\">§8.8: the workshop on 2025-05-20 has not taken place yet"))
            let today = event.map { $0.0 == "date.day" ? ($0.0, "7") : $0.0 == "date.month" ? ($0.0, "4") : $0 }
            #expect(try await browser.post(page, cookie: cookie, form: today + [(PageCall.keyField, "ev-3")]).status == 303)
            let attended = try await browser.post(
                "/learning-event-attendance/\(reference)", cookie: cookie, form: attendance + [(PageCall.keyField, "at-2")])
            #expect(attended.status == 303)
            let invitees = try await harness.review(reference).learningWorkshop?.invitees ?? []
            #expect(invitees.count == 1 && invitees.first?.attendance == .attended)
            // The agenda and the invitation letter as printable documents, run as GetLearningEventDocument.
            let agenda = try await browser.get("/documents/learning-event-agenda/\(reference)", cookie: cookie)
            #expect(agenda.status == 200 && agenda.body.contains("<article class=\"document\">"))
            let letter = try await browser.get("/documents/learning-event-invitation/\(reference)?invitee=1", cookie: cookie)
            #expect(letter.status == 200 && letter.body.contains("Fictional Practitioner"))
            #expect(try await browser.get("/documents/learning-event-invitation/\(reference)?invitee=9", cookie: cookie).status == 400)
            #expect(try await Pages.audited(harness, "GetLearningEventDocument").count == 3)
            let views = try await Pages.audited(harness, "page:LearningEvent")
            #expect(!views.isEmpty && views.allSatisfy { $0.principal == "Rev.Team" })
        }
    }
}
