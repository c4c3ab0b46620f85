import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import ReviewManagementService

/// The report's pages over real sockets: a draft with its recommendations (a repeating group)
/// through `SubmitReportDraft`'s handler (V9, V10), the review team's confirmation and the
/// board's endorsement and approval through theirs.
@Suite("review-management's report pages", .serialized)
struct ReportPagesTests {
    /// A review agreed with its lead reviewer appointed, in a service whose tokens include a board member.
    static func withReport(_ sequence: Int, _ body: (Harness, PageBrowser, CaseReference) async throws -> Void) async throws {
        let harness = try await Harness.start(directory: try TestDirectory.reviewReport(), publicationPort: try freePort())
        try await withStopping(harness, stop: { await $0.stop() }) { harness in
            let reference = Fixtures.reference(sequence)
            try await harness.prepare(reference, through: .agreed)
            _ = try await harness.call(
                ReviewManagementAPI.appointLeadReviewer,
                .init(
                    caseReference: reference, name: "Jo Example", organisation: "Fictional Reviews Ltd", appointedOn: Fixtures.today,
                    independence: "Fictional: independent"),
                as: ReviewTokens.reviewTeam)
            try await body(harness, PageBrowser(port: harness.service.port), reference)
        }
    }

    /// The fixtures' report as the form posts it.
    static var draft: [(String, String)] {
        let sections = Fixtures.reportSections
        var fields: [(String, String)] = [
            ("sections.executiveSummary", sections.executiveSummary ?? ""), ("sections.whatHappened", sections.whatHappened ?? ""),
            ("sections.whyDecisionsWereTaken", sections.whyDecisionsWereTaken ?? ""),
            ("sections.howAgenciesWorkedTogether", sections.howAgenciesWorkedTogether ?? ""),
            ("sections.whetherShortcomingsAreGeneral", sections.whetherShortcomingsAreGeneral ?? ""),
            ("sections.whatMustChange", sections.whatMustChange ?? ""), ("sections.goodPractice", sections.goodPractice ?? ""),
            ("sections.howAgenciesWillLearn", sections.howAgenciesWillLearn ?? ""), ("count.recommendations", "2"),
        ]
        for (index, recommendation) in Fixtures.reportRecommendations.enumerated() {
            let due = recommendation.dueBy ?? Fixtures.today
            fields += [
                ("recommendations[\(index)].text", recommendation.text), ("recommendations[\(index)].owner", recommendation.owner ?? ""),
                ("recommendations[\(index)].scope", recommendation.scope?.rawValue ?? ""), ("recommendations[\(index)].dueBy.day", "\(due.day)"),
                ("recommendations[\(index)].dueBy.month", "\(due.month)"), ("recommendations[\(index)].dueBy.year", "\(due.year)"),
            ]
        }
        return fields
    }

    @Test("V10: a section naming the genogram is refused beside it, values kept, nothing saved; the draft is then submitted once")
    func draft() async throws {
        try await Self.withReport(351) { harness, browser, reference in
            let page = "/report/\(reference)"
            let (cookie, csrf) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let genogram = Self.draft.map { $0.0 == "sections.whatHappened" ? ($0.0, "Fictional: see the genogram") : $0 }
            let refused = try await browser.post(
                page, cookie: cookie, form: genogram + [("csrfToken", csrf), ("action", "submit"), (PageCall.keyField, "rep-1")])
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#sections-whatHappened\""))
            #expect(refused.body.contains("id=\"sections-whatHappened-error\""))
            #expect(refused.body.contains("V10:"))
            #expect(refused.body.contains("value=\"Department for Education\""))
            #expect(try await harness.review(reference).report == nil)
            let form = Self.draft + [("csrfToken", csrf), ("action", "submit"), (PageCall.keyField, "rep-2")]
            let first = try await browser.post(page, cookie: cookie, form: form)
            let second = try await browser.post(page, cookie: cookie, form: form)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(first.headers["location"] == "/report-approval/\(reference)?recorded=report")
            let report = try await harness.review(reference).report
            #expect(report?.versions.count == 1)
            #expect(report?.versions.first?.recommendations == Fixtures.reportRecommendations)
            #expect(report?.checklists.first?.passes == true)
        }
    }

    @Test("V9: the board's approval before the review team's confirmation is refused at the top; confirmed, endorsed, approved once")
    func approval() async throws {
        try await Self.withReport(352) { harness, browser, reference in
            _ = try await harness.submitReport(Fixtures.reportDraft(reference))
            let page = "/report-approval/\(reference)"
            let (board, boardCSRF) = try await Pages.session(browser, ReportTokens.board, page: page)
            let boardPage = try await browser.get(page, cookie: board)
            #expect(boardPage.body.contains("action=\"/approve-report/\(reference)\""))
            #expect(!boardPage.body.contains("action=\"/confirm-terms-of-reference-met/"), "confirming is the review team's")
            let date = [("version", "1"), ("approve.on.day", "7"), ("approve.on.month", "4"), ("approve.on.year", "2025"), ("csrfToken", boardCSRF)]
            let early = try await browser.post("/approve-report/\(reference)", cookie: board, form: date + [(PageCall.keyField, "appr-1")])
            #expect(early.status == 400)
            #expect(early.body.contains("href=\"#main\">V9: report version 1 cannot be approved"))
            #expect(try await harness.review(reference).report?.approval == nil)
            #expect(
                try await browser.post("/confirm-terms-of-reference-met/\(reference)", cookie: board, form: date).status == 403,
                "ConfirmTermsOfReferenceMet's roles")

            let (team, teamCSRF) = try await Pages.session(browser, ReviewTokens.reviewTeam, page: page)
            let confirm = [
                ("version", "1"), ("confirm.on.day", "7"), ("confirm.on.month", "4"), ("confirm.on.year", "2025"), ("csrfToken", teamCSRF),
            ]
            #expect(
                try await browser.post("/confirm-terms-of-reference-met/\(reference)", cookie: team, form: confirm + [(PageCall.keyField, "c-1")])
                    .status
                    == 303)
            let endorse = [
                ("version", "1"), ("endorse.on.day", "7"), ("endorse.on.month", "4"), ("endorse.on.year", "2025"), ("csrfToken", boardCSRF),
            ]
            #expect(
                try await browser.post("/endorse-recommendations/\(reference)", cookie: board, form: endorse + [(PageCall.keyField, "e-1")]).status
                    == 303)
            let approve = date + [(PageCall.keyField, "appr-2")]
            let first = try await browser.post("/approve-report/\(reference)", cookie: board, form: approve)
            let second = try await browser.post("/approve-report/\(reference)", cookie: board, form: approve)
            #expect(first.status == 303 && second.headers["location"] == first.headers["location"])
            #expect(first.headers["location"] == "/report-approval/\(reference)?recorded=approved")
            let review = try await harness.review(reference)
            #expect(review.report?.approval?.recordedBy == "Bo.Board")
            #expect(review.state == .reportApproved)
            let approved = try await browser.get("/report-approval/\(reference)?recorded=approved", cookie: board)
            #expect(approved.body.contains("The report is approved") && !approved.body.contains("action=\"/approve-report/"))
        }
    }
}
