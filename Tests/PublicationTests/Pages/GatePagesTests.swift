import Contract
import Foundation
import ServiceTestSupport
import TestSupport
import Testing

/// The anonymisation gate and the publication plan as forms over real sockets: the gate's
/// stages and findings shown (never the matched text), a refusal naming its rule, the sign-off
/// once, the plan recorded as a new version.
@Suite("publication's pages: the anonymisation gate and the publication plan", .serialized)
struct GatePagesTests {
    @Test("P4: a check with findings shows each finding's kind, whose and stage, not the text; the sign-off is then refused naming P4")
    func findingsShown() async throws {
        try await withPrepared(321) { harness, reference in
            harness.stages.hold(.intake, .init(whose: "child", name: "Child A"))
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let page = try await session.get("/anonymisation/\(reference)")
            #expect(page.status == 200)
            #expect(page.body.contains("Not checked yet"))
            let checked = try await session.post("/anonymisation/\(reference)", [("reportVersion", "1")], key: "check-1")
            #expect(checked.status == 303)
            let shown = try await session.get(checked.headers["location"] ?? "")
            #expect(shown.body.contains("1 findings"))
            #expect(shown.body.contains("<td>Name</td><td>child</td><td>intake</td>"))
            expectNoPersonalData(shown.body)
            let signOff = try await session.post(
                "/anonymisation-sign-off/\(reference)",
                [("reportVersion", "1"), ("signedOffBy", "Fictional Signer"), ("role", "Business manager")]
                    + dateFields("signedOffOn", Fixtures.todayText),
                key: "sign-off-refused")
            #expect(signOff.status == 400)
            #expect(signOff.body.contains("P4: the latest check of report version 1 (check 1) has 1 findings"))
            #expect(try await harness.publication(reference).anonymisation?.signOffs.isEmpty != false)
        }
    }

    @Test("P4: a clean check, then the sign-off: a missing role beside its field, then signed off once for a double submit; the gate passes")
    func signOff() async throws {
        try await withPrepared(322) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            #expect(try await session.post("/anonymisation/\(reference)", [("reportVersion", "1")], key: "check-clean").status == 303)
            let page = try await session.get("/anonymisation/\(reference)")
            #expect(page.body.contains("href=\"/anonymisation-sign-off/\(reference)\""))
            let fields = [("reportVersion", "1"), ("signedOffBy", "Fictional Signer")] + dateFields("signedOffOn", Fixtures.todayText)
            let missing = try await session.post("/anonymisation-sign-off/\(reference)", fields, key: "sign-off-missing")
            #expect(missing.status == 400)
            #expect(missing.body.contains("href=\"#role\""))
            #expect(missing.body.contains("Role: P4: give the role of the person who signs off"))
            #expect(missing.body.contains("value=\"Fictional Signer\""))
            let complete = fields + [("role", "Business manager")]
            let first = try await session.post("/anonymisation-sign-off/\(reference)", complete, key: "sign-off-once")
            let second = try await session.post("/anonymisation-sign-off/\(reference)", complete, key: "sign-off-once")
            #expect(first.status == 303 && second.status == 303)
            let gate = try await harness.publication(reference).anonymisation
            #expect(gate?.signOffs.count == 1)
            #expect(gate?.passed == true)
        }
    }

    @Test("P3: the plan's refusal beside its field with the values kept; recorded, a new version each time")
    func plan() async throws {
        try await withPrepared(323) { harness, reference in
            let session = try await PageSession.signIn(harness, TestTokens.publication)
            let fields: [(String, String)] = [
                ("practitionersInformed", "Fictional: briefed by their leads a week before"),
                ("strategicLeads", "Head of Communications\nPolice press office"),
            ]
            let refused = try await session.post("/publication-plan/\(reference)", fields, key: "plan-refused")
            #expect(refused.status == 400)
            #expect(refused.body.contains("href=\"#mediaContact\""))
            #expect(refused.body.contains("Police press office"), "the values typed are kept")
            let recorded = try await session.post(
                "/publication-plan/\(reference)", fields + [("mediaContact", "Partnership business manager")], key: "plan")
            #expect(recorded.status == 303)
            let plans = try await harness.publication(reference).planning?.plans ?? []
            #expect(plans.map(\.strategicLeads) == [["Head of Communications", "Police press office"]])
        }
    }
}
