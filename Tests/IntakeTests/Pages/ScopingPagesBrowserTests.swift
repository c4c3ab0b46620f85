import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// intake's scoping pages in real chromium (Tests/BrowserTests/scoping_pages.py) against real
/// intake and gateway processes: the dashboard's case page links to them; the officer sends a
/// scoping request and opens the letters and the case file; an agency's user records its own
/// return and cannot open another agency's case; a panel member extends the police's T3 from
/// the case file (refused once by `RecordExtension`); axe-core finds no serious or critical
/// violation on any page; afterwards no personal data is in the gateway's database or pages.
/// Screenshots and axe reports under `.build/test-artifacts/intake-scoping/`.
@Suite("The scoping pages in a real browser", .serialized)
struct ScopingPagesBrowserTests {
    static let artifacts = BuiltProducts.packageRoot.appendingPathComponent(".build/test-artifacts/intake-scoping")
    static let script = BuiltProducts.packageRoot.appendingPathComponent("Tests/BrowserTests/scoping_pages.py")

    @Test(
        "T2, T3: linked from the dashboard, scoping requests and letters, the case file, an agency's own return only; nothing personal at the gateway"
    )
    func scopingInChromium() async throws {
        guard try await Chromium.ready() else { return }
        let directory = try TestDirectory()
        let (intakePort, gatewayPort) = (try freePort(), try freePort())
        let dashboard = "http://127.0.0.1:\(gatewayPort)"
        let intake = try await startServiceProcess(
            "intake", service: .intake, directory, port: intakePort, extra: ["CSPR_DASHBOARD_URL": dashboard])
        defer { intake.send(SIGTERM) }
        let gateway = try await startServiceProcess(
            "gateway", service: .gateway, directory, port: gatewayPort, peers: [.intake: intakePort],
            extra: ["CSPR_GATEWAY_STAGES": "intake", "CSPR_GATEWAY_CACHE_SECONDS": "0"])
        defer { gateway.send(SIGTERM) }

        let client = RPCClient(host: "127.0.0.1", port: intakePort)
        let child = "Zebedee Quillfeather"
        let first = try await client.call(
            IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: Fixture.referral()), as: TestTokens.staff)
        let other = try await client.call(
            IntakeAPI.submitReferral,
            IntakeAPI.SubmitReferralRequest(
                referral: Fixture.referral(child: Fixture.child(name: "Other Fictional-Child"), incident: "2025-03-21")),
            as: TestTokens.staff)
        _ = try await client.call(
            IntakeAPI.sendScopingRequests,
            IntakeAPI.SendScopingRequestsRequest(
                caseReference: other.caseReference,
                requests: [Fixture.draft("Testshire Children's Services", kind: .localAuthority, sent: "2025-03-24")]),
            as: TestTokens.staff)

        // The same child without a date of birth: its own case, flagged against the first.
        var undated = Fixture.child()
        undated.dateOfBirth = nil
        let matched = try await client.call(
            IntakeAPI.submitReferral, IntakeAPI.SubmitReferralRequest(referral: Fixture.referral(child: undated)), as: TestTokens.staff)

        try? FileManager.default.removeItem(at: Self.artifacts)
        let run = try await runCapturing(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", Self.script.path, "--base", "http://127.0.0.1:\(intakePort)", "--dashboard", dashboard, "--staff", TestTokens.staff,
                "--agency", TestTokens.agency, "--panel", TestTokens.panel, "--reference", first.caseReference.description, "--other",
                other.caseReference.description, "--matched", matched.caseReference.description, "--child", child, "--artifacts",
                Self.artifacts.path,
            ],
            timeout: .seconds(240))
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(run.status == 0 && last.contains("\"ok\": true"), "the browser test: \(last)\n\(run.stderr.suffix(1500))")

        // What the pages did is what the calls read.
        let file = try await client.call(IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: first.caseReference), as: TestTokens.staff)
        #expect(file.scopingRequests.map(\.agency.name) == ["Testshire Police"])
        #expect(file.scopingReturns.map(\.agency.name) == ["Testshire Police"])
        let otherFile = try await client.call(IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: other.caseReference), as: TestTokens.staff)
        #expect(otherFile.scopingReturns.isEmpty)
        #expect(file.linkedReferrals.count == 1, "the confirmed match was not merged into the first case")
        let status = try await client.call(IntakeAPI.getCase, IntakeAPI.CaseRequest(caseReference: first.caseReference), as: TestTokens.panel).status
        let t3 = status.deadlines.first { $0.rule == .t3 && $0.subject == "Testshire Police" }
        #expect(t3?.due == Fixture.date("2025-04-30") && t3?.originalDue != nil, "the extension from its form: \(String(describing: t3))")

        // No personal data at the gateway: not in its database files, its pages, or its log.
        let gatewayData = directory.data("gateway")
        let files = (FileManager.default.enumerator(at: gatewayData, includingPropertiesForKeys: nil)?.allObjects as? [URL]) ?? []
        #expect(!files.isEmpty, "the gateway kept no files: the check would prove nothing")
        for url in files {
            let bytes = (try? Data(contentsOf: url)) ?? Data()
            for name in [child, "Other Fictional-Child", "Dana Sample", "Marigold"] {
                #expect(bytes.range(of: Data(name.utf8)) == nil, "\(url.lastPathComponent) holds \(name)")
            }
        }
        #expect(!gateway.output.contains { $0.contains(child) || $0.contains("Dana Sample") })
        #expect(!intake.output.contains { $0.contains(child) || $0.contains("Dana Sample") })
    }
}
