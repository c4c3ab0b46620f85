import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// review-management's pages in real chromium, driven by Selenium
/// (Tests/BrowserTests/review_management_pages.py) against a real review-management process:
/// the review team drafts the terms of reference (refused once beside the field, values kept),
/// the Case Review Panel agrees them and reads the document, the team appoints the lead reviewer
/// and asks the police for their information, records a checkpoint, the learning points and a
/// quality marker and opens the escalation form; the police's agency token finds its request on
/// its home page, submits its chronology and cannot open a case that asked only another agency; the team submits the report and
/// confirms it, the board endorses and approves it; axe-core finds no serious or
/// critical violation on any page. Screenshots and axe reports are kept under
/// `.build/test-artifacts/review-management-pages/`.
@Suite("review-management's pages in a real browser", .serialized)
struct ReviewManagementBrowserTests {
    static let root = BuiltProducts.packageRoot
    static let artifacts = root.appendingPathComponent(".build/test-artifacts/review-management-pages")
    static let script = root.appendingPathComponent("Tests/BrowserTests/review_management_pages.py")

    @Test(
        "V1, V6, V9: the team drafts the terms of reference, the panel agrees them, the police submit their chronology, the board approves the report, in chromium with axe-core"
    )
    func reviewTeamPanelAndAgencyInChromium() async throws {
        guard try await Chromium.ready() else { return }
        let directory = try TestDirectory.reviewReport()
        let port = try freePort()
        let service = try await startServiceProcess(
            "review-management", service: .reviewManagement, directory, port: port, peers: [.publication: try freePort()])
        defer { service.send(SIGTERM) }
        let client = RPCClient(host: "127.0.0.1", port: port)
        let (reference, other) = (Fixtures.reference(341), Fixtures.reference(342))
        for each in [reference, other] {
            var handOver = bearer(TestTokens.service(.rapidReview))
            handOver.add("idempotency-key", "rapid-review/CommissionReview/\(each)")
            _ = try await client.call(ReviewManagementAPI.commissionReview, Fixtures.commission(each), deadline: .seconds(5), metadata: handOver)
        }
        // The other case is agreed and asks only the council.
        _ = try await client.call(
            ReviewManagementAPI.draftTermsOfReference, .init(caseReference: other, termsOfReference: Fixtures.completeTerms),
            as: ReviewTokens.reviewTeam)
        _ = try await client.call(
            ReviewManagementAPI.agreeTermsOfReference, .init(caseReference: other, version: 1, agreedOn: Fixtures.today), as: TestTokens.panel)
        _ = try await client.call(
            ReviewManagementAPI.requestAgencyInformation,
            .init(
                caseReference: other, agency: "Testshire Children's Services", contact: .init(name: "Lee Contact"), asks: [.chronology],
                dueOn: Fixtures.date("2025-05-01")),
            as: ReviewTokens.reviewTeam)

        try? FileManager.default.removeItem(at: Self.artifacts)
        let run = try await runCapturing(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Self.script.path, "--base", "http://127.0.0.1:\(port)", "--reference", reference.description, "--other",
                other.description, "--team", ReviewTokens.reviewTeam, "--panel", TestTokens.panel, "--agency", TestTokens.agency, "--board",
                ReportTokens.board, "--artifacts",
                Self.artifacts.path,
            ],
            timeout: .seconds(300))
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        let errors = service.output.filter { $0.contains("\"level\":\"error\"") }.suffix(5).joined(separator: "\n")
        #expect(run.status == 0, "the browser test: \(last)\n\(run.stderr.suffix(1500))\nreview-management's errors:\n\(errors)")

        // What the forms recorded is what a call reads.
        let review = try await client.call(ReviewManagementAPI.getReview, .init(caseReference: reference), as: TestTokens.panel)
        #expect(review.termsOfReference.count == 1)
        #expect(review.termsOfReference.first?.termsOfReference.scope.keyLinesOfEnquiry.count == 2)
        #expect(review.agreement?.agreedBy == "Sam.Panel")
        #expect(review.reviewTeam?.leadReviewer?.name == "Jo Example")
        let chronology = try await client.call(
            ReviewManagementAPI.getCombinedChronology, .init(caseReference: reference), as: ReviewTokens.reviewTeam)
        #expect(chronology.entries.map(\.agency) == ["Testshire Police", "Testshire Police"])
        let requests = try await client.call(ReviewManagementAPI.getAgencyRequests, .init(caseReference: reference), as: ReviewTokens.reviewTeam)
        #expect(requests.requests.first?.outstanding == [], "the chronology and the information report are both in")
        let approved = try await client.call(ReviewManagementAPI.getReview, .init(caseReference: reference), as: TestTokens.panel)
        #expect(approved.report?.approval?.recordedBy == "Bo.Board")
        #expect(approved.state == .reportApproved)
        #expect(approved.family?.members.map(\.current.relationship) == ["mother"])
        #expect(approved.oversight?.checkpoints.first?.requestsToReviewer == ["Fictional: send the chronology summary"])
        #expect(approved.learningWorkshop?.learning?.themes.first?.agencies == ["Testshire Police", "Fictional Health"])
        let markers = approved.report?.checklists.first { $0.version == 1 }?.qualityMarkers
        #expect(markers?.first { $0.marker == .toneAppropriate }?.answer == .partly)
        for page in [
            "01-reviews", "02-review", "03-terms-of-reference-error", "04-terms-of-reference-form", "05-agree-terms-of-reference", "06-agreed",
            "07-terms-of-reference-document", "08-lead-reviewer-form", "08b-review-team-form", "08c-family-form", "08d-family-contact-form",
            "08e-learning-event", "08f-oversight", "08g-checkpoint-form", "08h-learning-points-form", "09-agency-request-form",
            "09b-agency-escalation-form", "09c-agency-home", "10-agency-chronology-form",
            "11-chronology-submitted", "11b-information-report-form", "12-another-agency-refused", "13-report-draft-form", "13b-quality-markers-form",
            "14-report-approval",
            "15-report-approved",
        ] {
            let data = try Data(contentsOf: Self.artifacts.appendingPathComponent("\(page).png"))
            #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(page).png is not a PNG")
        }
        // The forms' posts are logged without what was typed.
        #expect(!service.output.contains { $0.contains("Fictional") || $0.contains("Jo Example") || $0.contains("Quill") })
    }
}
