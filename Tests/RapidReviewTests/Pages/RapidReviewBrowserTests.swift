import Contract
import Foundation
import IntakeService
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// rapid-review's pages in real chromium, driven by Selenium (Tests/BrowserTests/rapid_review_pages.py)
/// against a real rapid-review process and a real intake (the free text checked, the document's
/// particulars fetched): the panel schedules the meeting and records it (the quorum shown
/// missing, then met) and a recommendation, the chair ratifies, the Appendix 5 document and the
/// covering letter are shown for print, partnership support records the submission and marks the
/// immediate action done (R4); axe-core
/// finds no serious or critical violation on any page. Screenshots and axe reports are kept
/// under `.build/test-artifacts/rapid-review-pages/`.
@Suite("rapid-review's pages in a real browser", .serialized)
struct RapidReviewBrowserTests {
    static let root = BuiltProducts.packageRoot
    static let artifacts = root.appendingPathComponent(".build/test-artifacts/rapid-review-pages")
    static let script = root.appendingPathComponent("Tests/BrowserTests/rapid_review_pages.py")

    @Test(
        "T4, R1-R10: the panel schedules and records a quorate meeting and a recommendation, the chair ratifies, partnership support submits, in chromium with axe-core on every page"
    )
    func panelAndChairInChromium() async throws {
        guard try await Chromium.ready() else { return }
        // Both directories are kept to the end: a TestDirectory removes its files when released.
        let (intakeDirectory, directory) = (try TestDirectory.rapidReview(), try TestDirectory.rapidReview())
        let intake = try await startInProcess(IntakeService.definition, intakeDirectory, peers: [.rapidReview: try freePort()])
        try await withStopping(intake, stop: { await $0.stop(grace: .seconds(1)) }) { intake in
            let intakeClient = RPCClient(host: "127.0.0.1", port: intake.port)
            let reference = try await intakeClient.call(
                IntakeAPI.submitReferral, .init(referral: OutcomeDocumentParticularsTests.referral), as: TestTokens.staff
            ).caseReference
            let port = try freePort()
            let service = try await startRapidReviewProcess(
                directory, port: port, peers: [.intake: intake.port, .reviewManagement: try freePort()])
            defer { service.send(SIGTERM) }
            let client = RPCClient(host: "127.0.0.1", port: port)
            var handOver = bearer(TestTokens.service(.intake))
            handOver.add("idempotency-key", "intake/OpenRapidReview/\(reference)")
            _ = try await client.call(RapidReviewAPI.openRapidReview, Fixtures.handOver(reference), deadline: .seconds(5), metadata: handOver)

            try? FileManager.default.removeItem(at: Self.artifacts)
            let run = try await runCapturing(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", Self.script.path, "--base", "http://127.0.0.1:\(port)", "--reference", reference.description, "--panel",
                    TestTokens.panel, "--chair", TestTokens.chair, "--staff", TestTokens.staff, "--meeting-date",
                    Fixtures.Scenario.onTime.meetingDate.description, "--submitted", TestDirectory.today, "--referrer", Fixtures.school.name,
                    "--artifacts", Self.artifacts.path,
                ],
                timeout: .seconds(300))
            let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
            let errors = service.output.filter { $0.contains("\"level\":\"error\"") }.suffix(5).joined(separator: "\n")
            #expect(run.status == 0, "the browser test: \(last)\n\(run.stderr.suffix(1500))\nrapid-review's errors:\n\(errors)")

            // What the forms recorded is what a call reads: one quorate meeting, one
            // recommendation, ratified by the chair.
            let review = try await client.call(RapidReviewAPI.getRapidReview, .init(caseReference: reference), as: TestTokens.panel)
            #expect(review.meetings.count == 1)
            #expect(review.meetings.first?.quorate == true)
            #expect(review.meetings.first?.participants.count == 5)
            #expect(review.recommendations.map(\.decision.recommendation) == [.localReview])
            #expect(review.ratification?.ratifiedBy == "Alex.Chair")
            // The schedule and the submission, from their forms too.
            #expect(review.schedule.map(\.date) == [Fixtures.Scenario.onTime.meetingDate])
            #expect(review.submission?.sharedWith.count == Fixtures.agenciesAsked.count)
            #expect(review.submission?.sharedWith.filter(\.referrer).map(\.agency) == [Fixtures.school.name])
            #expect(review.state == .submitted)
            // R4: the immediate action marked done from its form, once.
            #expect(review.actionsDone?.map(\.doneOn) == [Fixtures.date(TestDirectory.today)])
            for page in [
                "01-rapid-reviews", "02-rapid-review", "02a-schedule-form", "02b-schedule-form-error", "02c-meeting-scheduled",
                "03-meeting-form-quorum-missing", "04-meeting-form-error", "05-meeting-form", "06-meeting-recorded", "meeting-form-quorum",
                "07-recommendation-form", "08-ratification-form", "09-ratified", "10-outcome-document", "11-covering-letter", "12-submission-form",
                "13-submitted", "14-action-done-form", "15-action-done-error", "16-action-done",
            ] {
                let data = try Data(contentsOf: Self.artifacts.appendingPathComponent("\(page).png"))
                #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(page).png is not a PNG")
            }
            // The forms' posts are logged without what was typed.
            #expect(!service.output.contains { $0.contains("Fictional") || $0.contains("Quillfeather") })
        }
    }
}
