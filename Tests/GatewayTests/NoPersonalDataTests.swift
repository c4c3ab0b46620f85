import Contract
import Foundation
import GatewayStandIns
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// The gateway holds and shows no personal data: a stage that (wrongly) sends a child's name
/// with its statuses cannot get it through, because `CaseStatus` has no field for it.
@Suite("No personal data reaches the gateway's answers or pages")
struct NoPersonalDataTests {
    static let childName = "Zephyrine Quillfeather-Testcase"

    @Test("a stand-in intake that tries to send a child's name: the name is in its answer, in nothing the gateway gives")
    func leakyStageIsFiltered() async throws {
        let stack = try await InProcessStack(leakyIntakeName: Self.childName)
        // The stand-in really does send it.
        let leaked = try await RPCClient(host: "127.0.0.1", port: stack.intake.port).callRaw(
            path: IntakeAPI.getStatuses.path, json: Data("{}".utf8), deadline: .seconds(5), metadata: bearer(TestTokens.service(.gateway)))
        #expect(String(decoding: leaked, as: UTF8.self).contains(Self.childName))

        let gateway = RPCClient(host: "127.0.0.1", port: stack.gateway.port)
        var everything: [String] = []
        func call(_ path: String, _ json: String) async throws {
            let reply = try await gateway.callRaw(path: path, json: Data(json.utf8), deadline: .seconds(5), metadata: bearer(TestTokens.panel))
            everything.append(String(decoding: reply, as: UTF8.self))
        }
        try await call(GatewayAPI.listCases.path, "{}")
        try await call(GatewayAPI.getSummary.path, "{}")
        for reference in Fixtures.expectedOrder {
            try await call(GatewayAPI.getCase.path, #"{"caseReference":"\#(reference)"}"#)
            everything.append(try await stack.page("/cases/\(reference)", basic: TestTokens.panel).text)
        }
        everything.append(try await stack.page("/", basic: TestTokens.panel).text)
        everything.append(try await stack.page("/metrics").text)
        #expect(everything.count == 14)
        #expect(everything[0].contains("TESTSHIRE-2025-0003"), "the gateway served no cases: the test would prove nothing")
        for (index, text) in everything.enumerated() {
            #expect(!text.contains(Self.childName), "answer \(index) carries the child's name")
            #expect(!text.contains("childName"), "answer \(index) carries a childName field")
        }
        await stack.stop()
    }
}
