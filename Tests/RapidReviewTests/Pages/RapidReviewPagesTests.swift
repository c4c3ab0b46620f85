import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import RapidReviewService

/// rapid-review's forms over real sockets against the service in this process (the stand-in
/// intake answers CheckDisclosure): each posts to its RPC's own handler, so the refusals, roles
/// and audit are the call's; a refusal changes nothing and keeps the values; a double submit
/// is applied once.
@Suite("rapid-review's pages", .serialized)
struct RapidReviewPagesTests {
    static let reference = CaseReference("TESTSHIRE-2025-0101")!

    /// The meeting of `Fixtures.meetingContent` as the form names its fields.
    static func meetingFields(policeAgency: String = Fixtures.police.name) -> [(String, String)] {
        var fields: [(String, String)] = [
            ("meetingDate.day", "3"), ("meetingDate.month", "4"), ("meetingDate.year", "2025"), ("format", "faceToFace"),
            ("count.participants", "4"), ("count.omissions", "0"), ("count.immediateAction.actions", "1"),
        ]
        let participants = [
            ("Pat Placeholder", "Head of Safeguarding", Fixtures.localAuthority.name, "localAuthority"),
            ("Dana Sample", "Detective Inspector", policeAgency, "police"),
            ("Chris Dummy", "Designated Nurse", Fixtures.icb.name, "health"),
            ("Lee Specimen", "Designated Safeguarding Lead", Fixtures.school.name, "other"),
        ]
        for (index, person) in participants.enumerated() {
            fields += [
                ("participants[\(index)].name", person.0), ("participants[\(index)].role", person.1), ("participants[\(index)].agency", person.2),
                ("participants[\(index)].partnerKind", person.3),
            ]
        }
        fields += [
            ("caseSummary", "Fictional summary: a child known to three agencies was admitted to hospital."),
            ("immediateAction.allTaken", "no"), ("immediateAction.actions[0].what", "strategy meeting for a sibling"),
            ("immediateAction.actions[0].who", "Testshire Children's Services"), ("immediateAction.actions[0].byWhen.day", "4"),
            ("immediateAction.actions[0].byWhen.month", "4"), ("immediateAction.actions[0].byWhen.year", "2025"),
            ("criteria.multiAgencyWorking", "yes"), ("criteria.recurrentThemes", "yes"),
            ("discussion.natureOfHarm", "Fictional: serious physical injury"), ("discussion.meetsSeriousHarm", "yes"),
            ("discussion.keyIssues", "Fictional: information sharing between agencies"), ("discussion.legalAdvice.answer", "no"),
        ]
        return fields
    }

    /// The dashboard the pages link back to (`CSPR_DASHBOARD_URL`).
    static let dashboard = "https://dashboard.example"

    static func withPages(extra: [String: String] = [:], _ body: (Harness, PageBrowser) async throws -> Void) async throws {
        try await withHarness(extra: ["CSPR_DASHBOARD_URL": dashboard + "/"].merging(extra) { $1 }) { harness in
            try await harness.prepare(reference, through: .scheduled)
            try await body(harness, PageBrowser(port: harness.service.port))
        }
    }

    static func session(_ browser: PageBrowser, _ token: String, page: String) async throws -> (cookie: String, csrf: String) {
        let (cookie, _) = try await browser.signIn(token)
        return (cookie, try await browser.csrfToken(cookie: cookie, page: page))
    }

    @Test("R1: the quorum is shown as the participants are filled in: the police missing after Check quorum, then present")
    func quorumShown() async throws {
        try await Self.withPages { harness, browser in
            let page = "/meeting/\(Self.reference)"
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: page)
            let form = try await browser.get(page, cookie: cookie)
            #expect(form.status == 200)
            // Prefilled from the case: a row for each agency asked.
            #expect(form.body.contains("value=\"Testshire Police\""))
            let missing = try await browser.post(
                page, cookie: cookie, form: Self.meetingFields(policeAgency: "Testtown Youth Club") + [("csrfToken", csrf), ("action", "check")])
            #expect(missing.status == 200)
            #expect(missing.body.contains("Not quorate yet"))
            #expect(missing.body.contains("<td>The police</td><td>Testshire Police</td><td><strong>Missing</strong></td>"))
            #expect(missing.body.contains("value=\"Testtown Youth Club\""), "the values typed are kept")
            let added = try await browser.post(
                page, cookie: cookie, form: Self.meetingFields() + [("csrfToken", csrf), ("action", "add:participants")])
            #expect(added.body.contains("Quorate: a representative of each safeguarding partner is present (R1)."))
            #expect(added.body.contains("id=\"participants-4--name\""), "Add another participant gives a fifth, empty participant")
            #expect(try await harness.rapidReview(Self.reference).meetings.isEmpty)
        }
    }

    @Test("R2, R4: a refusal of RecordMeeting's own rules is shown beside its field with its rule id and the values kept; nothing is recorded")
    func meetingRefused() async throws {
        try await Self.withPages { harness, browser in
            let page = "/meeting/\(Self.reference)"
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: page)
            let before = try await harness.rapidReview(Self.reference)
            var fields = Self.meetingFields().filter {
                $0.0 != "immediateAction.actions[0].byWhen.day" && $0.0 != "immediateAction.actions[0].byWhen.month"
            }
            fields = fields.filter { $0.0 != "immediateAction.actions[0].byWhen.year" }
            let answer = try await browser.post(
                page, cookie: cookie, form: fields + [("csrfToken", csrf), ("action", "record"), (PageCall.keyField, "key-r4-0001")])
            #expect(answer.status == 400)
            #expect(answer.body.contains("<title>Error: Record the Rapid Review meeting"))
            #expect(answer.body.contains("href=\"#immediateAction-actions-0--byWhen-day\""))
            #expect(answer.body.contains("id=\"immediateAction-actions-0--byWhen-error\""))
            #expect(answer.body.contains("R4: an action still to be taken says by when"))
            #expect(answer.body.contains("value=\"Dana Sample\""))
            #expect(try await harness.rapidReview(Self.reference) == before)
            // The refusal is RecordMeeting's, audited as the call is.
            let entries = try await harness.service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "RecordMeeting" && $0.outcome == RPCCode.invalidArgument.name && $0.principal == "Sam.Panel" })
        }
    }

    @Test("P4: a summary naming the family is refused beside its field; nothing is recorded")
    func meetingDisclosure() async throws {
        try await Self.withPages { harness, browser in
            harness.intake?.hold("Fictional-Mother Jones")
            let page = "/meeting/\(Self.reference)"
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: page)
            let fields = Self.meetingFields().map { $0.0 == "caseSummary" ? ($0.0, "Seen with Fictional-Mother Jones at home.") : $0 }
            let answer = try await browser.post(
                page, cookie: cookie, form: fields + [("csrfToken", csrf), ("action", "record"), (PageCall.keyField, "key-p4-0001")])
            #expect(answer.status == 400)
            #expect(answer.body.contains("href=\"#caseSummary\""))
            #expect(answer.body.contains("id=\"caseSummary-error\""))
            #expect(answer.body.contains("P4: intake found the family"))
            #expect(try await harness.rapidReview(Self.reference).meetings.isEmpty)
        }
    }

    @Test("a double submit of the meeting records one meeting and answers the same page; the panel agrees, the chair ratifies")
    func meetingRecommendationRatification() async throws {
        try await Self.withPages { harness, browser in
            let page = "/meeting/\(Self.reference)"
            let (cookie, csrf) = try await Self.session(browser, TestTokens.panel, page: page)
            let form = Self.meetingFields() + [("csrfToken", csrf), ("action", "record"), (PageCall.keyField, "key-double-0001")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.status == 303)
            #expect(first.headers["location"] == "/rapid-reviews/\(Self.reference)?recorded=meeting")
            #expect(second.headers["location"] == first.headers["location"])
            let review = try await harness.rapidReview(Self.reference)
            #expect(review.meetings.count == 1)
            #expect(review.meetings.first?.quorate == true)
            let casePage = try await browser.get("/rapid-reviews/\(Self.reference)?recorded=meeting", cookie: cookie)
            #expect(casePage.body.contains("Meeting recorded"))
            #expect(casePage.body.contains("href=\"/recommendation/\(Self.reference)\""))

            // R8: the reasons are required; then agreed.
            let recommendation = "/recommendation/\(Self.reference)"
            let refused = try await browser.post(
                recommendation, cookie: cookie,
                form: [
                    ("csrfToken", csrf), ("decision.recommendation", "localReview"), ("decision.reasons", " "), (PageCall.keyField, "key-rec-0001"),
                ])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#decision-reasons\""))
            #expect(refused.body.contains("R8"))
            let agreed = try await browser.post(
                recommendation, cookie: cookie,
                form: [
                    ("csrfToken", csrf), ("decision.recommendation", "localReview"), ("decision.reasons", "Fictional reasons, with learning"),
                    (PageCall.keyField, "key-rec-0002"),
                ])
            #expect(agreed.status == 303)

            // The panel may not ratify; the chair may.
            let ratification = "/ratification/\(Self.reference)"
            #expect(try await browser.get(ratification, cookie: cookie).status == 403)
            let denied = try await browser.post(ratification, cookie: cookie, form: [("csrfToken", csrf), (PageCall.keyField, "key-rat-0000")])
            #expect(denied.status == 403)
            #expect(try await harness.rapidReview(Self.reference).ratification == nil)
            let chair = try await Self.session(browser, TestTokens.chair, page: ratification)
            #expect(try await browser.get(page, cookie: chair.cookie).status == 403, "the chair does not record the meeting")
            let ratified = try await browser.post(
                ratification, cookie: chair.cookie,
                form: [("csrfToken", chair.csrf), ("comments", "Fictional: endorsed"), (PageCall.keyField, "key-rat-0001")])
            #expect(ratified.status == 303)
            #expect(try await harness.rapidReview(Self.reference).ratification?.ratifiedBy == "Alex.Chair")
        }
    }

    @Test("issue 18: the case's page and its forms link back to the case on the dashboard (CSPR_DASHBOARD_URL)")
    func dashboardLinks() async throws {
        try await Self.withPages { _, browser in
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            let link = "<a href=\"\(Self.dashboard)/cases/\(Self.reference)\">The case on the dashboard</a>"
            for page in ["/rapid-reviews/\(Self.reference)", "/meeting/\(Self.reference)", "/schedule/\(Self.reference)"] {
                let answer = try await browser.get(page, cookie: cookie)
                #expect(answer.status == 200, "\(page)")
                #expect(answer.body.contains(link), "\(page) has no link back to the dashboard")
            }
        }
    }

    @Test("the list shows each Rapid Review's step; a viewer sees the list but not the case")
    func listAndRoles() async throws {
        try await Self.withPages { _, browser in
            let (viewer, _) = try await browser.signIn(TestTokens.viewer)
            let list = try await browser.get("/rapid-reviews", cookie: viewer)
            #expect(list.status == 200)
            #expect(list.body.contains("Meeting scheduled: to be held and recorded"))
            #expect(try await browser.get("/rapid-reviews/\(Self.reference)", cookie: viewer).status == 403)
            let (staff, _) = try await browser.signIn(TestTokens.staff)
            let casePage = try await browser.get("/rapid-reviews/\(Self.reference)", cookie: staff)
            #expect(casePage.status == 200)
            #expect(casePage.body.contains("Move the meeting"))
            #expect(!casePage.body.contains("Record the meeting"), "partnership support does not record the meeting")
        }
    }

    @Test("R10: the submission leaving out an agency asked is refused with the values kept; then recorded once; a viewer may not open it")
    func submission() async throws {
        try await withHarness { harness in
            try await harness.prepare(Self.reference, through: .ratified)
            let browser = PageBrowser(port: harness.service.port)
            let page = "/submission/\(Self.reference)"
            let (viewer, _) = try await browser.signIn(TestTokens.viewer)
            #expect(try await browser.get(page, cookie: viewer).status == 403)
            let (cookie, csrf) = try await Self.session(browser, TestTokens.staff, page: page)
            var fields: [(String, String)] = [
                ("csrfToken", csrf), ("action", "submit"), ("submittedToNationalPanel.day", "7"), ("submittedToNationalPanel.month", "4"),
                ("submittedToNationalPanel.year", "2025"), ("count.sharedWith", "3"),
            ]
            for (index, agency) in Fixtures.agenciesAsked.prefix(3).enumerated() {
                fields += [
                    ("sharedWith[\(index)].agency", agency.name), ("sharedWith[\(index)].date.day", "7"), ("sharedWith[\(index)].date.month", "4"),
                    ("sharedWith[\(index)].date.year", "2025"),
                ]
            }
            let refused = try await browser.post(page, cookie: cookie, form: fields + [(PageCall.keyField, "key-sub-0001")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("R10"))
            #expect(refused.body.contains("href=\"#sharedWith\"") && refused.body.contains("id=\"sharedWith\""))
            #expect(refused.body.contains("value=\"Testshire Police\""))
            #expect(try await harness.rapidReview(Self.reference).submission == nil)
            fields = fields.map { $0.0 == "count.sharedWith" ? ($0.0, "4") : $0 }
            fields += [
                ("sharedWith[3].agency", Fixtures.school.name), ("sharedWith[3].date.day", "7"), ("sharedWith[3].date.month", "4"),
                ("sharedWith[3].date.year", "2025"), ("sharedWith[3].referrer", "yes"),
            ]
            let recorded = try await browser.post(page, cookie: cookie, form: fields + [(PageCall.keyField, "key-sub-0002")])
            #expect(recorded.status == 303, "\(recorded.body.prefix(3000))")
            #expect(try await harness.rapidReview(Self.reference).submission?.sharedWith.count == 4)
        }
    }

    @Test("the Appendix 5 page is GetOutcomeDocument run as a call: without intake's particulars there is no document, and the view is audited")
    func documentNeedsIntake() async throws {
        try await withHarness { harness in
            try await harness.prepare(Self.reference, through: .meetingHeld)
            let browser = PageBrowser(port: harness.service.port)
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            let answer = try await browser.get("/documents/outcome/\(Self.reference)", cookie: cookie)
            #expect(answer.status != 200)
            #expect(answer.body.contains("GetOutcomeParticulars"))
            #expect(!answer.body.contains("<article class=\"document\">"))
            let entries = try await harness.service.context.database.read { try AuditTrail.entries($0) }
            #expect(entries.contains { $0.method == "GetOutcomeDocument" && $0.principal == "Sam.Panel" && $0.outcome != RPCCode.ok.name })
        }
    }

    @Test("T4, T6: a date outside the window without a reason is refused beside the reason with the values kept; with one, scheduled once")
    func schedule() async throws {
        try await withHarness { harness in
            try await harness.prepare(Self.reference, through: .opened)
            let browser = PageBrowser(port: harness.service.port)
            let page = "/schedule/\(Self.reference)"
            let (chair, _) = try await browser.signIn(TestTokens.chair)
            #expect(try await browser.get(page, cookie: chair).status == 403, "the chair does not schedule the meeting")
            let (cookie, csrf) = try await Self.session(browser, TestTokens.staff, page: page)
            let fields = [("csrfToken", csrf), ("date.day", "30"), ("date.month", "4"), ("date.year", "2025"), ("format", "telephone")]
            let refused = try await browser.post(page, cookie: cookie, form: fields + [(PageCall.keyField, "key-sch-0001")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#reason\"") && refused.body.contains("id=\"reason-error\""))
            #expect(refused.body.contains("value=\"30\""))
            #expect(try await harness.rapidReview(Self.reference).schedule.isEmpty)
            let form = fields + [("reason", "Fictional: the police representative is in court until then"), (PageCall.keyField, "key-sch-0002")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(try await harness.rapidReview(Self.reference).schedule.count == 1)
        }
    }

    @Test("R9: the chair's blank question is refused beside it; the question asked, the panel must answer it beside the answer field, then revises")
    func clarification() async throws {
        try await withHarness { harness in
            try await harness.prepare(Self.reference, through: .recommended)
            let browser = PageBrowser(port: harness.service.port)
            let chair = try await Self.session(browser, TestTokens.chair, page: "/ratification/\(Self.reference)")
            let ask = "/clarification/\(Self.reference)"
            let blank = try await browser.post(
                ask, cookie: chair.cookie, form: [("csrfToken", chair.csrf), ("question", " "), (PageCall.keyField, "key-q-0001")])
            #expect(blank.status == 400)
            #expect(blank.body.contains("href=\"#question\"") && blank.body.contains("R9"))
            let asked = try await browser.post(
                ask, cookie: chair.cookie,
                form: [("csrfToken", chair.csrf), ("question", "Fictional: which agencies were considered?"), (PageCall.keyField, "key-q-0002")])
            #expect(asked.status == 303)
            let panel = try await Self.session(browser, TestTokens.panel, page: "/recommendation/\(Self.reference)")
            let form = try await browser.get("/recommendation/\(Self.reference)", cookie: panel.cookie)
            #expect(form.body.contains("Fictional: which agencies were considered?"))
            let fields = [("csrfToken", panel.csrf), ("decision.recommendation", "localReview"), ("decision.reasons", "Fictional reasons")]
            let unanswered = try await browser.post(
                "/recommendation/\(Self.reference)", cookie: panel.cookie, form: fields + [(PageCall.keyField, "key-a-0001")])
            #expect(unanswered.status == 400)
            #expect(unanswered.body.contains("id=\"answerToClarification-error\""))
            let answered = try await browser.post(
                "/recommendation/\(Self.reference)", cookie: panel.cookie,
                form: fields + [("answerToClarification", "Fictional: all four agencies asked"), (PageCall.keyField, "key-a-0002")])
            #expect(answered.status == 303)
            let review = try await harness.rapidReview(Self.reference)
            #expect(review.recommendations.count == 2)
            #expect(review.clarifications.first?.answer == "Fictional: all four agencies asked")
        }
    }
}
