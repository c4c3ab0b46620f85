import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The agencies' pages over real sockets: the review team asks an agency for its information
/// (`RequestAgencyInformation`), an agency's token opens only its own agency's request and
/// submits its chronology (`SubmitChronology`, V6), the combined chronology.
@Suite("review-management's agency pages", .serialized)
struct AgencyPagesTests {
    static let police = "Testshire Police"
    static let council = "Testshire Children's Services"

    static func ask(_ agency: String) -> [(String, String)] {
        [
            ("agency", agency), ("contact.name", "Lee Contact"), ("asks.chronology", "yes"), ("asks.informationReport", "yes"),
            ("dueOn.day", "1"), ("dueOn.month", "5"), ("dueOn.year", "2025"),
        ]
    }

    static let entry: [(String, String)] = [
        ("count.entries", "1"), ("entries[0].date.day", "3"), ("entries[0].date.month", "3"), ("entries[0].date.year", "2025"),
        ("entries[0].time", "14:30"), ("entries[0].event", "Fictional: a welfare visit"), ("entries[0].source", "Fictional: log 12"),
        ("entries[0].period", "inside"),
    ]

    @Test("§8.2: a request without a contact is refused beside it, values kept; a double submit asks the agency once")
    func requestInformation() async throws {
        try await Pages.with(331, through: .agreed) { harness, browser, reference in
            let page = "/agency-requests/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let noContact = Self.ask(Self.police).map { $0.0 == "contact.name" ? ($0.0, "") : $0 }
            let refused = try await browser.post(page, cookie: cookie, form: noContact + [("csrfToken", csrf), (PageCall.keyField, "ask-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#contact-name\""))
            #expect(refused.body.contains("§8.2.2"))
            #expect(refused.body.contains("value=\"Testshire Police\""))
            #expect(try await harness.agencyRequests(reference).requests.isEmpty)
            let form = Self.ask(Self.police) + [("csrfToken", csrf), (PageCall.keyField, "ask-2")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(try await harness.agencyRequests(reference).requests.map(\.request.agency) == [Self.police])
            let list = try await browser.get(first.headers["location"] ?? "", cookie: cookie)
            #expect(list.body.contains("<td>Testshire Police</td>"))
            #expect(try await browser.get(page, cookie: try await Pages.session(browser, TestTokens.agency).cookie).status == 403, "the RPC's roles")
            // The police, asked, are no longer offered; the council, chosen among the review team's agencies, is asked.
            _ = try await harness.call(
                ReviewManagementAPI.setReviewTeam,
                .init(
                    caseReference: reference,
                    members: [
                        .init(name: "Fictional One", role: "Head of Service", agency: Agency(name: Self.council, kind: .localAuthority)),
                        .init(name: "Fictional Two", role: "Inspector", agency: Agency(name: Self.police, kind: .police)),
                        .init(name: "Fictional Three", role: "Nurse", agency: Agency(name: "Testshire ICB", kind: .health)),
                    ]),
                as: ReviewTokens.reviewTeam)
            let offered = try await browser.get(page, cookie: cookie).body
            #expect(offered.contains("value=\"\(HTML.escape(Self.council))\"") && !offered.contains("name=\"agencyChoice\" value=\"\(Self.police)\""))
            let chosen =
                Self.ask("").filter { $0.0 != "agency" } + [("agencyChoice", Self.council), ("csrfToken", csrf), (PageCall.keyField, "ask-3")]
            #expect(try await browser.post(page, cookie: cookie, form: chosen).status == 303)
            #expect(try await harness.agencyRequests(reference).requests.map(\.request.agency) == [Self.police, Self.council])
        }
    }

    @Test("item 14: an agency's token opens its own request only; another agency's and a missing case get the one same answer")
    func ownRequestOnly() async throws {
        try await Pages.with(332, through: .agreed) { harness, browser, reference in
            try await harness.requestInformation(reference, Self.council)
            let (cookie, _) = try await Pages.session(browser, TestTokens.agency)
            let other = try await browser.get("/agency/\(reference)", cookie: cookie)
            let missing = try await browser.get("/agency/TESTSHIRE-2025-0999", cookie: cookie)
            #expect(other.status == 404 && missing.status == 404)
            #expect(other.body == missing.body.replacingOccurrences(of: "TESTSHIRE-2025-0999", with: reference.description))
            #expect(!other.body.contains(Self.council))
            // The review team's own choice of agency does not widen an agency's token.
            #expect(try await browser.get("/agency/\(reference)?agency=\(FormData.encode(Self.council))", cookie: cookie).status == 404)
            #expect(try await Pages.audited(harness, "page:AgencyChronologyForm").isEmpty)
        }
    }

    @Test("V6: the agency's chronology with an entry placed outside the period is refused beside it; then submitted once and combined")
    func chronology() async throws {
        try await Pages.with(333, through: .agreed) { harness, browser, reference in
            try await harness.requestInformation(reference, Self.police)
            let page = "/agency/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, TestTokens.agency, page: page)
            let form = try await browser.get(page, cookie: cookie)
            #expect(form.status == 200 && form.body.contains("<dd>Testshire Police</dd>"))
            let views = try await Pages.audited(harness, "page:AgencyChronologyForm")
            #expect(views.count == 2 && views.allSatisfy { $0.principal == "Ali.Agency" }, "two views: the CSRF token read and the form")
            let wrong = Self.entry.map { $0.0 == "entries[0].period" ? ($0.0, "outside") : $0 }
            let refused = try await browser.post(
                page, cookie: cookie, form: wrong + [("csrfToken", csrf), ("action", "submit"), (PageCall.keyField, "chr-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#entries-0--period\""))
            #expect(refused.body.contains("V6: 2025-03-03 is inside the review period"))
            #expect(refused.body.contains(">Fictional: a welfare visit</textarea>"))
            #expect(try await harness.combinedChronology(reference).entries.isEmpty)
            let posted = Self.entry + [("csrfToken", csrf), ("action", "submit"), (PageCall.keyField, "chr-2")]
            let first = try await browser.post(page, cookie: cookie, form: posted)
            let second = try await browser.post(page, cookie: cookie, form: posted)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(first.headers["location"] == "/agency/\(reference)?recorded=chronology")
            let combined = try await harness.combinedChronology(reference)
            #expect(combined.sources.count == 1 && combined.entries.map(\.agency) == [Self.police])
            let (team, _) = try await Pages.session(browser, ReviewTokens.reviewTeam)
            let combinedPage = try await browser.get("/combined-chronology/\(reference)", cookie: team)
            #expect(combinedPage.status == 200 && combinedPage.body.contains("<td>Fictional: a welfare visit</td>"))
            #expect(try await browser.get("/combined-chronology/\(reference)", cookie: cookie).status == 403, "GetCombinedChronology's roles")
        }
    }

    @Test("V7: an information report not endorsed is refused at the top with V7, values kept; endorsed and declared, submitted once")
    func informationReport() async throws {
        try await Pages.with(334, through: .agreed) { harness, browser, reference in
            try await harness.requestInformation(reference, Self.police)
            let page = "/agency-report/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, TestTokens.agency, page: page)
            #expect(try await browser.get("/agency/\(reference)", cookie: cookie).body.contains("href=\"/agency-report/\(reference)\""))
            let author: [(String, String)] = [
                ("report.author.name", "Fictional Author"), ("report.author.designation", "Testshire Police, safeguarding review officer"),
                ("report.author.involvement", "yes"), ("report.completedOn.day", "7"), ("report.completedOn.month", "4"),
                ("report.completedOn.year", "2025"), ("report.analysis", "Fictional: the referral was not shared"), ("csrfToken", csrf),
            ]
            let refused = try await browser.post(page, cookie: cookie, form: author + [(PageCall.keyField, "ir-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#main\">V7: the information report is not endorsed"))
            #expect(refused.body.contains(">Fictional: the referral was not shared</textarea>"))
            let endorsed =
                author + [
                    ("report.endorser.name", "Fictional Senior"), ("report.endorser.involvement", "yes"), ("report.endorsedOn.day", "7"),
                    ("report.endorsedOn.month", "4"), ("report.endorsedOn.year", "2025"), (PageCall.keyField, "ir-2"),
                ]
            let first = try await browser.post(page, cookie: cookie, form: endorsed)
            let second = try await browser.post(page, cookie: cookie, form: endorsed)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(first.headers["location"] == "/agency/\(reference)?recorded=information-report")
            let standing = try await harness.agencyRequests(reference).requests.first
            #expect(standing?.outstanding == [.chronology], "the report is in; the chronology still to come")
            #expect(try await browser.get("/agency-report/TESTSHIRE-2025-0999", cookie: cookie).status == 404)
        }
    }

    @Test("V8: sending a submission back without a question is refused beside it, values kept; sent back once, the agency sees the question")
    func reviewSubmission() async throws {
        try await Pages.with(335, through: .agreed) { harness, browser, reference in
            try await harness.requestInformation(reference, Self.police)
            let entries = [
                ReviewManagementAPI.ChronologyEntry(date: Fixtures.date("2025-03-03"), event: "Fictional: a visit", source: "log", period: .inside)
            ]
            try await harness.submitChronology(reference, Self.police, entries)
            let page = "/agency-submissions/\(reference)"
            #expect(
                try await browser.get(page, cookie: try await Pages.session(browser, TestTokens.panel).cookie).status == 403,
                "ReviewSubmission's roles")
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let form: [(String, String)] = [("submission", "\(Self.police)|chronology|1"), ("outcome", "sentBack"), ("csrfToken", csrf)]
            let refused = try await browser.post(page, cookie: cookie, form: form + [("question", " "), (PageCall.keyField, "v8-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#question\"") && refused.body.contains("V8: give the review team"))
            #expect(refused.body.contains("value=\"sentBack\" checked"), "the choice is kept")
            let posted = form + [("question", "Fictional: please add the GP's entries"), (PageCall.keyField, "v8-2")]
            let first = try await browser.post(page, cookie: cookie, form: posted)
            let second = try await browser.post(page, cookie: cookie, form: posted)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(try await harness.agencyRequests(reference).requests.first?.outstanding.contains(.chronology) == true)
            let (agency, _) = try await Pages.session(browser, TestTokens.agency)
            #expect(try await browser.get("/agency/\(reference)", cookie: agency).body.contains("Fictional: please add the GP&#39;s entries"))
        }
    }
}
