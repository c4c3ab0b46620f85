import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The family's pages over real sockets: a family member recorded (`RecordFamilyMember`) and
/// the conversation's steps (`RecordFamilyContact`, V5) by the lead reviewer or the review
/// team, as the calls allow; names are personal data, so every view is audited.
@Suite("review-management's family pages", .serialized)
struct FamilyPagesTests {
    static let lead = "lead-reviewer-token-0123456789abcdef"

    /// A review agreed, in a service whose tokens include a lead reviewer.
    static func withFamily(_ sequence: Int, _ body: (Harness, PageBrowser, CaseReference) async throws -> Void) async throws {
        let directory = try TestDirectory(
            tokens: ReviewTokens.file + "\(lead) Lee.Lead lead-reviewer\n",
            settings: ["CSPR_TODAY": Fixtures.todayText, "CSPR_PARTNERSHIP": "TESTSHIRE", "CSPR_GRACE_SECONDS": "2", "CSPR_LOOPS": "1"])
        let harness = try await Harness.start(directory: directory, publicationPort: try freePort())
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            let reference = Fixtures.reference(sequence)
            try await harness.prepare(reference, through: .agreed)
            try await body(harness, PageBrowser(port: harness.service.port), reference)
        }
    }

    static let mother: [(String, String)] = [
        ("name", "Fictional-Mother Quill"), ("relationship", "mother"), ("relevant", "yes"), ("invitation.route", "inPerson"),
        ("invitation.practitioner", "Fictional: the family's social worker"), ("supportNeeds.interpreterLanguage", "Polish"),
    ]

    @Test("§7.3.2: a member invited in person without the practitioner is refused beside it, values kept; recorded once by the lead reviewer")
    func recordMember() async throws {
        try await Self.withFamily(361) { harness, browser, reference in
            let page = "/family/\(reference)"
            #expect(
                try await browser.get(page, cookie: try await Pages.session(browser, TestTokens.panel).cookie).status == 403,
                "RecordFamilyMember's roles")
            let (cookie, csrf) = try await Pages.session(browser, Self.lead, page: page)
            let noPractitioner = Self.mother.filter { $0.0 != "invitation.practitioner" }
            let refused = try await browser.post(page, cookie: cookie, form: noPractitioner + [("csrfToken", csrf), (PageCall.keyField, "fam-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#invitation-practitioner\""))
            #expect(refused.body.contains("id=\"invitation-practitioner-error\""))
            #expect(refused.body.contains("§7.3.2: name the practitioner"))
            #expect(refused.body.contains("value=\"Fictional-Mother Quill\""))
            #expect(try await harness.review(reference).family?.members.isEmpty ?? true)
            let form = Self.mother + [("csrfToken", csrf), (PageCall.keyField, "fam-2")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            let members = try await harness.review(reference).family?.members ?? []
            #expect(members.count == 1 && members.first?.current.supportNeeds?.interpreterLanguage == "Polish")
            #expect(members.first?.current.recordedBy == "Lee.Lead")
            let list = try await browser.get(first.headers["location"] ?? "", cookie: cookie)
            #expect(list.body.contains("<td>Fictional-Mother Quill</td>"))
            let views = try await Pages.audited(harness, "page:Family")
            #expect(views.count >= 3 && views.allSatisfy { $0.principal == "Lee.Lead" && $0.caseReference == reference.description })
        }
    }

    @Test("V5: a relevant member marked declined without a reason is refused at the top with V5; with the reason, recorded")
    func declinedNeedsReason() async throws {
        try await Self.withFamily(362) { harness, browser, reference in
            _ = try await harness.recordMember(
                .init(
                    caseReference: reference, name: "Fictional-Father Quill", relationship: "father", relevant: true,
                    invitation: .init(route: .letter)))
            _ = try await harness.recordContact(.init(caseReference: reference, member: 1, status: .invited, on: Fixtures.today))
            let page = "/family-contact/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let form: [(String, String)] = [
                ("member", "1"), ("status", "declined"), ("on.day", "7"), ("on.month", "4"), ("on.year", "2025"), ("csrfToken", csrf),
            ]
            let refused = try await browser.post(page, cookie: cookie, form: form + [(PageCall.keyField, "con-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#main\">V5: family member 1 is relevant"))
            #expect(try await harness.review(reference).family?.members.first?.status == .invited)
            let recorded = try await browser.post(
                page, cookie: cookie, form: form + [("reason", "Fictional: wishes to take no part"), (PageCall.keyField, "con-2")])
            #expect(recorded.status == 303)
            #expect(try await harness.review(reference).family?.members.first?.status == .declined)
        }
    }
}
