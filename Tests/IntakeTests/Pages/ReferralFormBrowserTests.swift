import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// intake's referral form in real chromium, driven by Selenium (Tests/BrowserTests/referral_form.py)
/// against a real intake process: a partnership-support officer signs in, is refused once with
/// the message beside its field and the values kept, adds two family members, checks the
/// answers, submits twice (one case), and sees the reference and deadlines; axe-core finds no
/// serious or critical violation on any page. Then an LA notification, refused once for a
/// missing date, recorded with its T1. Screenshots and axe reports are kept under
/// `.build/test-artifacts/intake-forms/`.
@Suite("The referral form in a real browser", .serialized)
struct ReferralFormBrowserTests {
    static let root = BuiltProducts.packageRoot
    static let artifacts = root.appendingPathComponent(".build/test-artifacts/intake-forms")
    static let script = root.appendingPathComponent("Tests/BrowserTests/referral_form.py")

    @Test(
        "T1-T6: sign in, a refusal beside its field with the values kept, two family members, the reference and its deadlines; an LA notification and its T1"
    )
    func referralInChromium() async throws {
        guard try await Chromium.ready() else { return }
        let directory = try TestDirectory()
        let port = try freePort()
        let intake = try await startServiceProcess("intake", service: .intake, directory, port: port)
        defer { intake.send(SIGTERM) }
        try? FileManager.default.removeItem(at: Self.artifacts)
        let run = try await runCapturing(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", Self.script.path, "--base", "http://127.0.0.1:\(port)", "--token", TestTokens.staff, "--artifacts", Self.artifacts.path],
            timeout: .seconds(240))
        let last = run.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(run.status == 0, "the browser test: \(last)\n\(run.stderr.suffix(1500))")
        struct Outcome: Decodable {
            var ok: Bool
            var reference: String?
            var deadlines: [String]?
            var failure: String?
        }
        guard let outcome = try? JSONDecoder().decode(Outcome.self, from: Data(last.utf8)) else {
            Issue.record("the browser test gave no outcome: \(run.stderr.suffix(1500))")
            return
        }
        #expect(outcome.ok, "\(outcome.failure ?? "")")
        #expect(outcome.deadlines == ["T2", "T3", "T4", "T6"])
        let reference = try #require(outcome.reference.flatMap(CaseReference.init))

        // The case the form opened is the one a call reads: two family members, once.
        let client = RPCClient(host: "127.0.0.1", port: port)
        let file = try await client.call(IntakeAPI.getCaseFile, IntakeAPI.CaseRequest(caseReference: reference), as: TestTokens.staff)
        #expect(file.referral?.familyMembers.map(\.relationshipToChild) == ["Mother", "Stepfather"])
        #expect(file.linkedReferrals.isEmpty, "the double submit linked a second referral")
        let list = try await client.call(IntakeAPI.listCases, IntakeAPI.ListCasesRequest(), as: TestTokens.staff)
        // The referral's case and the notification's (another child): nothing twice.
        #expect(list.cases.count == 2)

        // Screenshots of every page, and the form's posts logged without what was typed.
        for page in [
            "01-sign-in", "03-referral-form", "04-referral-form-error", "05-check-answers", "06-referral-submitted", "07-notification-form",
            "09-notification-recorded",
        ] {
            let data = try Data(contentsOf: Self.artifacts.appendingPathComponent("\(page).png"))
            #expect(Array(data.prefix(4)) == [0x89, 0x50, 0x4E, 0x47], "\(page).png is not a PNG")
        }
        #expect(!intake.output.contains { $0.contains("Fictional") })
    }
}
