import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing
import WebForms

@testable import RapidReviewService

/// The meeting's record corrected in the browser (`CorrectMeeting`) over real sockets: the form
/// comes filled in with the record as it reads, a correction without a reason is refused beside
/// the field, a double submit is applied once, and the chair may not correct.
@Suite("Correcting the meeting's record in the browser", .serialized)
struct MeetingCorrectionPageTests {
    static let reference = CaseReference("TESTSHIRE-2025-0103")!
    static let path = "/meeting-correction/\(reference)"

    @Test("R1-R6, P4: the form is the record as it reads; no reason refused beside the field; corrected once for a double submit; not for the chair")
    func correctInTheBrowser() async throws {
        try await withHarness(reviewManagementPort: try freePort()) { harness in
            try await harness.prepare(Self.reference, through: .recommended)
            let browser = PageBrowser(port: harness.service.port)
            let (cookie, _) = try await browser.signIn(TestTokens.panel)
            let casePage = try await browser.get("/rapid-reviews/\(Self.reference)", cookie: cookie)
            #expect(casePage.body.contains("href=\"\(Self.path)\""))
            let form = try await browser.get(Self.path, cookie: cookie)
            #expect(form.status == 200 && form.body.contains("Fictional: information sharing between agencies"))
            let token = try await browser.csrfToken(cookie: cookie, page: Self.path)

            let meeting = try #require(try await harness.rapidReview(Self.reference).meetings.first)
            var fields = MeetingCorrectionPage.values(of: meeting).values
            fields["discussion.keyIssues"] = "Fictional: how agencies shared concerns"
            let posted = [("csrfToken", token), ("action", "correct")] + fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
            let noReason = try await browser.post(Self.path, cookie: cookie, form: posted + [(PageCall.keyField, "key-corr-0001")])
            #expect(noReason.status == 400 && noReason.body.contains("href=\"#reason\"") && noReason.body.contains("id=\"reason-error\""))
            #expect(noReason.body.contains("Fictional: how agencies shared concerns"), "the values are kept")

            let withReason = posted + [("reason", "Fictional: a relative's name removed"), (PageCall.keyField, "key-corr-0002")]
            let once = try await browser.post(Self.path, cookie: cookie, form: withReason)
            let twice = try await browser.post(Self.path, cookie: cookie, form: withReason)
            #expect(once.status == 303 && twice.headers["location"] == once.headers["location"])
            let view = try await harness.rapidReview(Self.reference)
            #expect(view.meetingCorrections?.count == 1)
            #expect(view.meetings.first?.meeting.discussion.keyIssues == "Fictional: how agencies shared concerns")
            #expect(view.meetings.first?.meeting.participants == meeting.meeting.participants, "the rest reads as before")

            let (chair, _) = try await browser.signIn(TestTokens.chair)
            #expect(try await browser.get(Self.path, cookie: chair).status == 403)
        }
    }
}
