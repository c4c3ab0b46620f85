import Contract
import Foundation
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport
import Testing

/// publication's pages in real chromium, driven by Selenium (Tests/BrowserTests/publication_pages.py)
/// against the service over its real port (the stand-in stages answer the gate's check): the
/// publication team passes the gate, records the plan, schedules and records the publication,
/// and adds an action plan item and its progress; axe-core finds no serious or critical
/// violation on any page, the other forms included as they open. Screenshots and axe reports go to `.build/test-artifacts/publication-pages/`.
@Suite("publication's pages in a real browser", .serialized)
struct PublicationBrowserTests {
    static let root = BuiltProducts.packageRoot
    static let artifacts = root.appendingPathComponent(".build/test-artifacts/publication-pages")
    static let script = root.appendingPathComponent("Tests/BrowserTests/publication_pages.py")

    @Test("P3-P6, T9: the publication team passes the gate, records the plan, schedules and publishes, adds an action item and its progress")
    func publicationTeamInChromium() async throws {
        guard try await Chromium.ready() else { return }
        try await withPrepared(351) { harness, reference in
            // The advance copies went out in December: T9 allows any date from then on.
            try await harness.recordAllAdvanceCopies(reference, sentOn: Fixtures.date("2026-12-02"))
            try? FileManager.default.removeItem(at: Self.artifacts)
            let run = try await runCapturing(
                URL(fileURLWithPath: "/usr/bin/env"),
                [
                    "python3", Self.script.path, "--base", "http://127.0.0.1:\(harness.service.port)", "--reference", reference.description,
                    "--token", TestTokens.publication, "--today", Fixtures.todayText, "--artifacts", Self.artifacts.path,
                ],
                timeout: .seconds(300))
            let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
            #expect(run.status == 0, "the browser test: \(last)\n\(run.stderr.suffix(1500))")

            // What the forms recorded is what the calls read.
            let publication = try await harness.publication(reference)
            #expect(publication.anonymisation?.passed == true)
            #expect(publication.anonymisation?.signOffs.map(\.role) == ["Partnership business manager"])
            #expect(publication.planning?.plans.map(\.mediaContact) == ["Partnership business manager"])
            #expect(publication.schedules.map(\.publicationDate) == [Fixtures.today])
            #expect(publication.published?.publishedOn == Fixtures.today)
            let plan = try await harness.actionPlan(reference)
            #expect(plan.items.map(\.agreedAction) == ["Fictional: a shared record of concerns"])
            #expect(plan.items.first?.progress.map(\.rag) == [.amber])
            for page in [
                "01-publications", "02-publication", "03-anonymisation-gate", "04-sign-off-error", "05-publication-plan", "06-schedule-error",
                "07-scheduled", "08-published-form", "09-action-item", "10-action-plan", "11-home", "12-advance-copy", "13-repository",
                "14-not-publishing", "15-hold", "16-delay-notice", "17-archive", "18-action-close", "19-learning-plan", "20-national-learning",
                "21-action-items",
            ] {
                let data = try Data(contentsOf: Self.artifacts.appendingPathComponent("\(page).png"))
                #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(page).png is not a PNG")
            }
        }
    }
}
