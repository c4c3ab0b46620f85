import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The learning workshop after the event over real sockets (§8.7, Appendix 12): a one-to-one
/// conversation, the themes and learning points, the feedback session, each through its RPC's
/// own handler; a refusal beside its field with the values kept; once per key; the RPC's roles.
@Suite("review-management's pages after the learning event", .serialized)
struct WorkshopFollowUpPagesTests {
    @Test("Appendix 12 and §8.7: refusals beside their fields or at the top, values kept; learning points posted twice are one version")
    func afterTheEvent() async throws {
        try await Pages.with(401, through: .agreed) { harness, browser, reference in
            try await LearningWorkshopTests.schedule(harness, reference, on: Fixtures.todayText)
            try await LearningWorkshopTests.invite(harness, reference)
            try await LearningWorkshopTests.invite(harness, reference, "Fictional Second Practitioner")
            try await LearningWorkshopTests.attendance(harness, reference, 1, .attended)
            try await LearningWorkshopTests.attendance(harness, reference, 2, .sentApologies)
            let panel = try await Pages.session(browser, TestTokens.panel)
            #expect(try await browser.get("/learning-points/\(reference)", cookie: panel.cookie).status == 403, "RecordLearningPoints' roles")
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: "/one-to-one-conversation/\(reference)")
            #expect(try await browser.get("/reviews/\(reference)", cookie: cookie).body.contains("href=\"/learning-points/\(reference)\""))

            let talk: [(String, String)] = [
                ("invitee", "1"), ("on.day", "7"), ("on.month", "4"), ("on.year", "2025"), ("with", "Fictional Lead Reviewer"), ("csrfToken", csrf),
            ]
            let attended = try await browser.post("/one-to-one-conversation/\(reference)", cookie: cookie, form: talk + [(PageCall.keyField, "oo-1")])
            #expect(attended.status == 400 && attended.body.contains("href=\"#main\">Appendix 12: invitee 1 attended the workshop"))
            let second = talk.map { $0.0 == "invitee" ? ($0.0, "2") : $0.0 == "with" ? ($0.0, " ") : $0 }
            let noOne = try await browser.post("/one-to-one-conversation/\(reference)", cookie: cookie, form: second + [(PageCall.keyField, "oo-2")])
            #expect(noOne.status == 400 && noOne.body.contains("href=\"#with\"") && noOne.body.contains("id=\"with-error\""))
            let held = second.map { $0.0 == "with" ? ($0.0, "Fictional Lead Reviewer") : $0 }
            let recorded = try await browser.post("/one-to-one-conversation/\(reference)", cookie: cookie, form: held + [(PageCall.keyField, "oo-3")])
            #expect(recorded.headers["location"] == "/learning-event/\(reference)?recorded=one-to-one-conversation")

            // The first theme left blank is not sent: the second's missing agencies are refused beside the second.
            let learning: [(String, String)] = [
                ("count.themes", "2"), ("themes[0].text", ""), ("themes[0].agencies", ""), ("themes[1].text", "Fictional: information sharing"),
                ("themes[1].agencies", ""), ("count.learningPoints", "1"), ("learningPoints[0].text", "Fictional: share concerns at once"),
                ("learningPoints[0].agencies", "Fictional Health, Testshire Police"), ("csrfToken", csrf),
            ]
            let noAgency = try await browser.post("/learning-points/\(reference)", cookie: cookie, form: learning + [(PageCall.keyField, "lp-1")])
            #expect(noAgency.status == 400 && noAgency.body.contains("id=\"themes-1--agencies-error\""))
            #expect(noAgency.body.contains("Fictional: share concerns at once"))
            let named = learning.map { $0.0 == "themes[1].agencies" ? ($0.0, "Fictional Health") : $0 }
            let first = try await browser.post("/learning-points/\(reference)", cookie: cookie, form: named + [(PageCall.keyField, "lp-2")])
            let again = try await browser.post("/learning-points/\(reference)", cookie: cookie, form: named + [(PageCall.keyField, "lp-2")])
            #expect(first.status == 303 && again.headers["location"] == first.headers["location"])
            let version = try await harness.review(reference).learningWorkshop?.learning
            #expect(version?.version == 1 && version?.learningPoints.first?.agencies == ["Fictional Health", "Testshire Police"])

            let feedback: [(String, String)] = [
                ("on.day", "7"), ("on.month", "4"), ("on.year", "2025"), ("csrfToken", csrf), (PageCall.keyField, "fb-1"),
            ]
            #expect(try await browser.post("/feedback-session/\(reference)", cookie: cookie, form: feedback).status == 303)
            let page = try await browser.get("/learning-event/\(reference)?recorded=feedback-session", cookie: cookie)
            #expect(page.body.contains("The feedback session was recorded") && page.body.contains("Fictional: information sharing"))
            #expect(try await harness.review(reference).learningWorkshop?.feedbackSession != nil)
            let views = try await Pages.audited(harness, "page:LearningEvent")
            #expect(!views.isEmpty && views.allSatisfy { $0.principal == "Rev.Team" })
        }
    }
}
