import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The review team's pages over real sockets: the lead reviewer appointed, the team set and
/// the declarations, each through its RPC's own handler (roles, refusals, audit entry).
@Suite("review-management's review team pages", .serialized)
struct TeamPagesTests {
    static let lead: [(String, String)] = [
        ("name", "Jo Example"), ("organisation", "Fictional Reviews Ltd"), ("appointedOn.day", "7"), ("appointedOn.month", "4"),
        ("appointedOn.year", "2025"), ("independence", "Fictional: no role in any agency involved"),
    ]

    @Test("§1.5.7: an appointment without a statement of independence is refused beside it, values kept; a double submit appoints once")
    func appointLeadReviewer() async throws {
        try await Pages.with(321, through: .agreed) { harness, browser, reference in
            let page = "/lead-reviewer/\(reference)"
            #expect(try await browser.get(page, cookie: try await Pages.session(browser, TestTokens.panel).cookie).status == 403, "the RPC's roles")
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let before = try await harness.review(reference)
            let blank = Self.lead.map { $0.0 == "independence" ? ($0.0, " ") : $0 }
            let refused = try await browser.post(page, cookie: cookie, form: blank + [("csrfToken", csrf), (PageCall.keyField, "lead-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#independence\""))
            #expect(refused.body.contains("id=\"independence-error\""))
            #expect(refused.body.contains("§1.5.7: the lead reviewer states their independence"))
            #expect(refused.body.contains("value=\"Fictional Reviews Ltd\""))
            #expect(try await harness.review(reference) == before)

            let form = Self.lead + [("csrfToken", csrf), (PageCall.keyField, "lead-2")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(first.headers["location"] == "/reviews/\(reference)?recorded=lead-reviewer")
            #expect(try await harness.review(reference).reviewTeam?.leadReviewer?.name == "Jo Example")
            let appointments = try await Pages.audited(harness, "AppointLeadReviewer").filter { $0.outcome == RPCCode.ok.name }
            #expect(appointments.count == 1)
            let casePage = try await browser.get("/reviews/\(reference)?recorded=lead-reviewer", cookie: cookie)
            #expect(casePage.body.contains("Lead reviewer appointed"))
            #expect(!casePage.body.contains("href=\"/lead-reviewer/"), "V3: appointed once")
        }
    }

    @Test("V4: a team without the police and health is refused at the top with V4, values kept; with them, set once")
    func setTeam() async throws {
        try await Pages.with(322, through: .agreed) { harness, browser, reference in
            let page = "/review-team/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let form = try await browser.get(page, cookie: cookie)
            #expect(form.body.contains("id=\"members-2--name\""), "three members to start: one per safeguarding partner")
            let council: [(String, String)] = [
                ("count.members", "1"), ("members[0].name", "Pat Placeholder"), ("members[0].role", "Head of Safeguarding"),
                ("members[0].agency.name", "Testshire Children's Services"), ("members[0].agency.kind", "localAuthority"),
            ]
            let refused = try await browser.post(
                page, cookie: cookie, form: council + [("csrfToken", csrf), ("action", "set"), (PageCall.keyField, "team-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#main\">V4: the review team has no representative of"))
            #expect(refused.body.contains("value=\"Pat Placeholder\""))
            #expect(try await harness.review(reference).reviewTeam?.teams.isEmpty ?? true)
            let added = try await browser.post(page, cookie: cookie, form: council + [("csrfToken", csrf), ("action", "add:members")])
            #expect(added.body.contains("id=\"members-1--name\"") && added.body.contains("value=\"Pat Placeholder\""))

            let full =
                council.filter { $0.0 != "count.members" } + [
                    ("count.members", "3"), ("members[1].name", "Dana Sample"), ("members[1].role", "Detective Inspector"),
                    ("members[1].agency.name", "Testshire Police"), ("members[1].agency.kind", "police"), ("members[2].name", "Chris Dummy"),
                    ("members[2].role", "Designated Nurse"), ("members[2].agency.name", "Testshire ICB"), ("members[2].agency.kind", "health"),
                ]
            let posted = full + [("csrfToken", csrf), ("action", "set"), (PageCall.keyField, "team-2")]
            #expect(try await browser.post(page, cookie: cookie, form: posted).status == 303)
            #expect(try await browser.post(page, cookie: cookie, form: posted).status == 303)
            let teams = try await harness.review(reference).reviewTeam?.teams ?? []
            #expect(teams.count == 1 && teams.first?.members.map(\.agency.kind) == [.localAuthority, .police, .health])
        }
    }

    @Test("§1.5.7: a declaration without the confidentiality agreement is refused beside it; ticked, recorded")
    func declaration() async throws {
        try await Pages.with(323, through: .agreed) { harness, browser, reference in
            let page = "/declaration/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let form: [(String, String)] = [
                ("person", "Dana Sample"), ("declaredOn.day", "7"), ("declaredOn.month", "4"), ("declaredOn.year", "2025"), ("csrfToken", csrf),
            ]
            let refused = try await browser.post(page, cookie: cookie, form: form + [(PageCall.keyField, "decl-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#confidentialityAgreed\""))
            #expect(refused.body.contains("id=\"confidentialityAgreed-error\""))
            #expect(refused.body.contains("value=\"Dana Sample\""))
            let agreed = try await browser.post(page, cookie: cookie, form: form + [("confidentialityAgreed", "yes"), (PageCall.keyField, "decl-2")])
            #expect(agreed.status == 303)
            #expect(try await harness.review(reference).reviewTeam?.declarations.map(\.person) == ["Dana Sample"])
        }
    }

    @Test("V3: a notice dated after today is refused beside its recipient's date, values kept; two notices recorded once, Ofsted still due")
    func reviewerNotices() async throws {
        try await Pages.with(324, through: .agreed) { harness, browser, reference in
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam)
            let lead = Self.lead + [("csrfToken", csrf), (PageCall.keyField, "lead-n")]
            #expect(try await browser.post("/lead-reviewer/\(reference)", cookie: cookie, form: lead).status == 303)
            #expect(try await browser.get("/reviews/\(reference)", cookie: cookie).body.contains("href=\"/reviewer-notices/\(reference)\""))
            let page = "/reviewer-notices/\(reference)"
            let notices: [(String, String)] = [
                ("nationalPanel.sentOn.day", "7"), ("nationalPanel.sentOn.month", "4"), ("nationalPanel.sentOn.year", "2025"),
                ("departmentForEducation.sentOn.day", "9"), ("departmentForEducation.sentOn.month", "4"),
                ("departmentForEducation.sentOn.year", "2025"), ("csrfToken", csrf),
            ]
            let refused = try await browser.post(page, cookie: cookie, form: notices + [(PageCall.keyField, "n-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#departmentForEducation-sentOn-day\""))
            #expect(refused.body.contains("id=\"departmentForEducation-sentOn-error\""))
            #expect(refused.body.contains("2025-04-09 is not between the appointment"))
            #expect(try await harness.review(reference).reviewTeam?.notices.isEmpty == true)
            let fixed = notices.map { $0.0 == "departmentForEducation.sentOn.day" ? ($0.0, "7") : $0 } + [(PageCall.keyField, "n-2")]
            let first = try await browser.post(page, cookie: cookie, form: fixed)
            let second = try await browser.post(page, cookie: cookie, form: fixed)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            let team = try await harness.review(reference).reviewTeam
            #expect(team?.notices.map(\.recipient) == [.nationalPanel, .departmentForEducation] && team?.noticesDue == [.ofsted])
        }
    }
}
