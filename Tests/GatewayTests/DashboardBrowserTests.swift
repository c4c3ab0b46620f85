import Contract
import Foundation
import GatewayStandIns
import ServiceTestSupport
import TestSupport
import Testing

/// The dashboard in a real headless browser (Debian's chromium), against the gateway and the
/// stand-in stages as real processes: sign in with the panel's token, read the cases table as
/// rendered, open a case page, and keep screenshots under `.build/test-artifacts/`.
@Suite("The dashboard in a real browser", .serialized)
struct DashboardBrowserTests {
    static let artifacts = BuiltProducts.packageRoot.appendingPathComponent(".build/test-artifacts")

    /// `http://panel:<token>@127.0.0.1:<port><path>`: Basic credentials in the URL, which
    /// chromium sends for the top document after the gateway's 401 challenge.
    static func url(port: Int, _ path: String, token: String = TestTokens.panel) -> String {
        "http://panel:\(token)@127.0.0.1:\(port)\(path)"
    }

    static func expectPNG(_ file: URL) throws {
        let data = try Data(contentsOf: file)
        #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "\(file.lastPathComponent) is not a PNG")
        #expect(data.count > 10_000, "\(file.lastPathComponent) is only \(data.count) bytes: a blank page?")
    }

    @Test("sign in, see the cases table as rendered, open a case page, and keep screenshots")
    func dashboardInChromium() async throws {
        guard let browser = HeadlessBrowser.find() else {
            Issue.record("chromium is not installed: apt-get install -y chromium (deploy/test.sh installs it)")
            return
        }
        defer { browser.cleanUp() }
        let directory = try TestDirectory.gateway()
        let intakePort = try freePort()
        let rapidReviewPort = try freePort()
        let gatewayPort = try freePort()
        let intake = try await startStandInProcess(.intake, directory, port: intakePort, statuses: Fixtures.intake)
        let rapidReview = try await startStandInProcess(.rapidReview, directory, port: rapidReviewPort, statuses: Fixtures.rapidReview)
        let gateway = try await startGatewayProcess(directory, port: gatewayPort, stages: [.intake: intakePort, .rapidReview: rapidReviewPort])

        // Without the token the browser is challenged (headless, it cannot answer) and sees no case.
        let refused = try await browser.dumpDOM("http://127.0.0.1:\(gatewayPort)/")
        #expect(!refused.stdout.contains("TESTSHIRE-2025"))
        #expect(gateway.output.contains { $0.contains("\"page\":\"dashboard\"") && $0.contains("\"status\":401") })

        let loaded = try await browser.dumpDOM(Self.url(port: gatewayPort, "/"))
        #expect(loaded.status == 0, "chromium: \(loaded.stderr.suffix(400))")
        let text = HeadlessBrowser.visibleText(loaded.stdout)
        #expect(text.contains("Child Safeguarding Practice Reviews: every case"))
        #expect(text.range(of: #"As of \d\d:\d\d:\d\d"#, options: .regularExpression) != nil)
        #expect(text.contains("Cases 5 Intake 3 Rapid Review 1"))
        #expect(text.contains("Cases overdue 1 T3 overdue 1"))
        #expect(text.contains("TESTSHIRE-2025-0003 Intake Overdue T3 2025-03-17 5 working days late intake"))
        #expect(text.contains("TESTSHIRE-2025-0005 Intake Due soon T3 2025-03-26 2 working days intake"))
        #expect(text.contains("TESTSHIRE-2025-0002 Rapid Review On track No deadline open intake, rapid-review"))
        #expect(!text.contains("is unavailable"))
        // The rows in urgency order, as the browser laid them out.
        let rows = Fixtures.expectedOrder.compactMap { text.range(of: "\($0) ")?.lowerBound }
        #expect(rows == rows.sorted() && rows.count == 5)
        // The browser fetched the stylesheet: the CSP let it, and nothing else.
        #expect(gateway.output.contains { $0.contains("\"page\":\"stylesheet\"") && $0.contains("\"status\":200") })

        // Open the case the table links to.
        let link = loaded.stdout.range(of: #"href="/cases/TESTSHIRE-2025-0002""#).map { String(loaded.stdout[$0].dropFirst(6).dropLast()) }
        #expect(link == "/cases/TESTSHIRE-2025-0002")
        let casePage = try await browser.dumpDOM(Self.url(port: gatewayPort, link ?? "/cases/TESTSHIRE-2025-0002"))
        let caseText = HeadlessBrowser.visibleText(casePage.stdout)
        #expect(caseText.contains("Case TESTSHIRE-2025-0002"))
        #expect(caseText.contains("Stage: Rapid Review"))
        #expect(caseText.contains("2025-03-03 Referral received"))
        #expect(caseText.contains("2025-03-17 Meeting held"))
        #expect(caseText.contains("2025-03-24 T6 due Met met on 2025-03-20"))
        #expect(caseText.contains("2025-03-24 Today"))
        #expect(
            casePage.stdout.contains(
                "title=\"T6 (§3.1.2, §4.2.2, surrey-2019): the Rapid Review and its decision are complete within 15 working days"))

        let dashboardShot = Self.artifacts.appendingPathComponent("dashboard.png")
        let caseShot = Self.artifacts.appendingPathComponent("case-TESTSHIRE-2025-0002.png")
        _ = try await browser.screenshot(Self.url(port: gatewayPort, "/"), to: dashboardShot)
        _ = try await browser.screenshot(Self.url(port: gatewayPort, "/cases/TESTSHIRE-2025-0002"), to: caseShot)
        try Self.expectPNG(dashboardShot)
        try Self.expectPNG(caseShot)

        // rapid-review goes down: the banner says so, and the rest is still there.
        rapidReview.send(SIGKILL)
        _ = try await rapidReview.waitForExit()
        let partial = try await browser.dumpDOM(Self.url(port: gatewayPort, "/"))
        let partialText = HeadlessBrowser.visibleText(partial.stdout)
        #expect(
            partialText.range(of: #"The rapid-review service is unavailable since \d\d:\d\d:\d\d \(UNAVAILABLE\)"#, options: .regularExpression)
                != nil)
        #expect(partialText.contains("TESTSHIRE-2025-0003 Intake Overdue"))
        // rapid-review's part stays as it last sent it: the case only it knows is still listed.
        #expect(partialText.contains("TESTSHIRE-2024-0042 Closed"))
        #expect(partialText.contains("its part of each case below is as it last sent it"))
        let downShot = Self.artifacts.appendingPathComponent("dashboard-rapid-review-down.png")
        _ = try await browser.screenshot(Self.url(port: gatewayPort, "/"), to: downShot)
        try Self.expectPNG(downShot)

        for process in [intake, gateway] { process.send(SIGTERM) }
        for process in [intake, gateway] { _ = try await process.waitForExit() }
    }
}
