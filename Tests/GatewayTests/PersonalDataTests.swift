import Contract
import Foundation
import GatewayStandIns
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// Issue 7: "a test submits a referral with a distinctive child name and searches every
/// gateway response and page for it", against the real intake service.
///
/// Disabled until intake lands on main (issue 5): it needs the `intake` executable (product
/// `intake`, target `IntakeMain`).
@Suite("No personal data from the real intake reaches the gateway", .serialized)
struct PersonalDataTests {
    static let identity = FictionalReferral.Identity(
        childName: "Quintessa Marbleweather-Fictional", dateOfBirth: "2018-11-29", address: "42 Nonesuch Crescent, Testtown", postcode: "TE4 2QX")

    /// The strings that must appear nowhere in the gateway's output.
    static var personalData: [String] {
        [identity.childName, "Marbleweather", identity.dateOfBirth, identity.address, identity.postcode, "Quillfeather"]
    }

    static func intakeExecutable() throws -> URL {
        for name in ["intake", "IntakeMain"] {
            if let url = BuiltProducts.executable(name) { return url }
        }
        throw ChildProcessError.notBuilt("intake (target IntakeMain)")
    }

    @Test("a referral with a distinctive child name: the name is in no gateway answer, page, metric or log line")
    func referralNameStaysInIntake() async throws {
        let directory = try TestDirectory.gateway()
        let intakePort = try freePort()
        let gatewayPort = try freePort()
        let intake = try ChildProcess(try Self.intakeExecutable(), environment: directory.environment("intake", port: intakePort))
        _ = try await intake.waitForLine { $0.contains("\"message\":\"ready\"") }
        let gateway = try await startGatewayProcess(directory, port: gatewayPort, stages: [.intake: intakePort])

        let submitted = try await RPCClient(host: "127.0.0.1", port: intakePort).call(
            IntakeAPI.submitReferral, .init(referral: FictionalReferral.make(Self.identity)), deadline: .seconds(10),
            metadata: bearer(TestTokens.staff))
        let reference = submitted.caseReference.description

        // Intake does hold the name: the search below is meaningful.
        let held = try await RPCClient(host: "127.0.0.1", port: intakePort).callRaw(
            path: IntakeAPI.getCase.path, json: Data(#"{"caseReference":"\#(reference)"}"#.utf8), deadline: .seconds(10),
            metadata: bearer(TestTokens.panel))
        #expect(String(decoding: held, as: UTF8.self).contains(Self.identity.childName))

        let client = RPCClient(host: "127.0.0.1", port: gatewayPort)
        var outputs: [(String, String)] = []
        for (path, json) in [
            (GatewayAPI.listCases.path, "{}"), (GatewayAPI.getSummary.path, "{}"),
            (GatewayAPI.getCase.path, #"{"caseReference":"\#(reference)"}"#),
        ] {
            let reply = try await client.callRaw(path: path, json: Data(json.utf8), deadline: .seconds(10), metadata: bearer(TestTokens.panel))
            outputs.append((path, String(decoding: reply, as: UTF8.self)))
        }
        let basic = "Basic " + Data("panel:\(TestTokens.panel)".utf8).base64EncodedString()
        for path in ["/", "/cases/\(reference)", "/metrics", "/style.css"] {
            let page = try await getPage(port: gatewayPort, path, headers: [("authorization", basic)])
            outputs.append((path, String(decoding: page.body, as: UTF8.self)))
        }
        outputs.append(("gateway log", gateway.output.joined(separator: "\n")))
        #expect(outputs[0].1.contains(reference), "the gateway did not list the case: the search would prove nothing")
        for (source, text) in outputs {
            for datum in Self.personalData {
                #expect(!text.contains(datum), "\(source) carries \"\(datum)\"")
            }
        }
        for process in [gateway, intake] { process.send(SIGTERM) }
        for process in [gateway, intake] { _ = try await process.waitForExit() }
        // Nor in the gateway's own files: its view holds statuses, which have no field for any.
        let files = try FileManager.default.contentsOfDirectory(at: directory.data("gateway"), includingPropertiesForKeys: nil)
        #expect(files.contains { $0.lastPathComponent == "gateway.sqlite" })
        for file in files {
            let bytes = try Data(contentsOf: file)
            for datum in Self.personalData {
                #expect(bytes.range(of: Data(datum.utf8)) == nil, "\(file.lastPathComponent) holds \"\(datum)\"")
            }
        }
        // The search would find it where it is: intake's database holds the name.
        let intakeFile = try Data(contentsOf: directory.data("intake").appendingPathComponent("intake.sqlite"))
        let intakeWAL = (try? Data(contentsOf: directory.data("intake").appendingPathComponent("intake.sqlite-wal"))) ?? Data()
        #expect(intakeFile.range(of: Data(Self.identity.childName.utf8)) != nil || intakeWAL.range(of: Data(Self.identity.childName.utf8)) != nil)
    }
}
