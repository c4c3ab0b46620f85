import Contract
import Foundation
import GatewayStandIns
import RPC
import ServiceTestSupport
import TestSupport
import Testing

/// `cspr` as operators run it: the built executable against the gateway and the stand-in
/// intake and rapid-review, each its own process.
@Suite("cspr against running services")
struct ConsoleProcessTests {
    /// The stack and how to run `cspr` against it.
    final class Stack: @unchecked Sendable {
        let directory: TestDirectory
        let processes: [ChildProcess]
        let environment: [String: String]

        init() async throws {
            directory = try TestDirectory.gateway()
            let intakePort = try freePort()
            let rapidReviewPort = try freePort()
            let gatewayPort = try freePort()
            let intake = try await startStandInProcess(.intake, directory, port: intakePort, statuses: Fixtures.intake)
            let rapidReview = try await startStandInProcess(.rapidReview, directory, port: rapidReviewPort, statuses: Fixtures.rapidReview)
            let gateway = try await startGatewayProcess(
                directory, port: gatewayPort, stages: [.intake: intakePort, .rapidReview: rapidReviewPort])
            processes = [intake, rapidReview, gateway]
            environment = [
                "CSPR_GATEWAY_URL": "http://127.0.0.1:\(gatewayPort)", "CSPR_INTAKE_URL": "127.0.0.1:\(intakePort)",
                "CSPR_RAPID_REVIEW_URL": "127.0.0.1:\(rapidReviewPort)", "CSPR_TOKEN": TestTokens.panel,
            ]
        }

        /// Writes `text` to a file of the stack's directory.
        func file(_ name: String, _ data: Data) throws -> String {
            let url = directory.url.appendingPathComponent(name)
            try data.write(to: url)
            return url.path
        }

        /// Runs `cspr` with `arguments`, `token` in CSPR_TOKEN.
        func cspr(_ arguments: [String], token: String? = TestTokens.panel) async throws -> (status: Int32, stdout: String, stderr: String) {
            guard let executable = BuiltProducts.executable("cspr") else { throw ChildProcessError.notBuilt("cspr") }
            var environment = self.environment
            environment["CSPR_TOKEN"] = token ?? ""
            return try await runSeparately(executable, arguments, environment: environment)
        }

        func stop() async throws {
            for process in processes { process.send(SIGTERM) }
            for process in processes { _ = try await process.waitForExit() }
        }
    }

    @Test("submit a referral from a file, then list the cases: it is there, with its deadlines")
    func referralThenCases() async throws {
        let stack = try await Stack()
        let referral = FictionalReferral.make(FictionalReferral.Identity(childName: "Ottoline Fictional-Example"), received: "2025-03-24")
        let file = try stack.file("referral.json", try JSONCodec.encode(referral))
        let submitted = try await stack.cspr(["referral", "submit", file], token: TestTokens.staff)
        #expect(submitted.status == 0, "\(submitted.stderr)")
        #expect(submitted.stdout.hasPrefix("Case opened: TESTSHIRE-2025-0006\n"))
        // T2 is 2 working days after Monday's receipt: due soon at once; T4's window opens on the 7th.
        #expect(submitted.stdout.contains("T2    2025-03-26  -            dueSoon  -"))
        #expect(submitted.stdout.contains("T4    2025-04-10  2025-04-02   open     -"))

        let cases = try await stack.cspr(["cases"])
        #expect(cases.status == 0, "\(cases.stderr)")
        let lines = cases.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("As of ") == true)
        #expect(lines.dropFirst().first?.hasPrefix("CASE  ") == true)
        #expect(lines.contains { $0.hasPrefix("TESTSHIRE-2025-0003  intake") && $0.contains("overdue") && $0.contains("5 working days late") })
        #expect(lines.contains { $0.hasPrefix("TESTSHIRE-2025-0006  intake") && $0.contains("T2") && $0.contains("2 working days") })
        #expect(lines.last == "6 cases")

        let json = try await stack.cspr(["cases", "--json", "--overdue"])
        let decoded = try JSONCodec.decode(GatewayAPI.ListCasesResponse.self, from: Data(json.stdout.utf8))
        #expect(decoded.cases.map(\.reference.description) == ["TESTSHIRE-2025-0003"])

        let summary = try await stack.cspr(["summary"])
        #expect(summary.stdout.contains("Cases: 6 (intake 4, rapidReview 1"))
        try await stack.stop()
    }

    @Test("call a method with its request from a file, and show one case")
    func callFromFile() async throws {
        let stack = try await Stack()
        let file = try stack.file("get-case.json", Data(#"{"caseReference": "TESTSHIRE-2025-0002"}"#.utf8))
        let called = try await stack.cspr(["call", "gateway", "GetCase", "@" + file])
        #expect(called.status == 0, "\(called.stderr)")
        let answer = try JSONCodec.decode(GatewayAPI.GetCaseResponse.self, from: Data(called.stdout.utf8))
        #expect(answer.case.stage == .rapidReview)
        #expect(answer.case.milestones.map(\.event).contains("meetingHeld"))

        let statuses = try await stack.cspr(["call", "intake", "GetStatuses", #"{"references":["TESTSHIRE-2025-0001"]}"#])
        #expect(statuses.status == 0, "\(statuses.stderr)")
        #expect(try JSONCodec.decode(GetStatusesResponse.self, from: Data(statuses.stdout.utf8)).statuses.count == 1)

        let shown = try await stack.cspr(["case", "TESTSHIRE-2025-0002"])
        #expect(shown.stdout.hasPrefix("Case TESTSHIRE-2025-0002: stage rapidReview, onTrack; reported by intake, rapid-review\n"))
        #expect(shown.stdout.contains("T6    2025-03-24  -            met      2025-03-20  -     rapid-review"))
        #expect(shown.stdout.contains("2025-03-17  meetingHeld"))
        try await stack.stop()
    }

    @Test("a bad call prints its status code and message and exits 1")
    func badCalls() async throws {
        let stack = try await Stack()
        let badField = try await stack.cspr(["call", "gateway", "ListCases", #"{"stage":"court"}"#])
        #expect(badField.status == 1)
        #expect(badField.stdout.isEmpty)
        #expect(
            badField.stderr
                == "cspr: INVALID_ARGUMENT (code 3): stage: expected one of intake, rapidReview, review, publication, actionPlan, closed\n")

        let missing = try await stack.cspr(["case", "TESTSHIRE-2025-0999"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "cspr: NOT_FOUND (code 5): caseReference: no stage knows TESTSHIRE-2025-0999\n")

        let noToken = try await stack.cspr(["cases"], token: nil)
        #expect(noToken.status == 1)
        #expect(noToken.stderr.hasPrefix("cspr: UNAUTHENTICATED (code 16): "))

        let wrongRole = try await stack.cspr(["cases"], token: TestTokens.staff)
        #expect(wrongRole.status == 1)
        #expect(wrongRole.stderr.hasPrefix("cspr: PERMISSION_DENIED (code 7): Pat.Support"))

        // Rapid-review's scheduling call is not in the stand-in: the raw path it used is named.
        let schedule = try await stack.cspr(["rapid-review", "schedule", "TESTSHIRE-2025-0001", "2025-04-02"])
        #expect(schedule.status == 1)
        #expect(schedule.stderr == "cspr: UNIMPLEMENTED (code 12): unknown method /cspr.rapidreview.v1.RapidReview/ScheduleMeeting\n")

        let down = try await stack.cspr(["cases", "--url", "127.0.0.1:\(try freePort())"])
        #expect(down.status == 1)
        #expect(down.stderr.hasPrefix("cspr: UNAVAILABLE (code 14): "))

        let notJSON = try await stack.cspr(["call", "gateway", "ListCases", "{stage"])
        #expect(notJSON.status == 2)
        #expect(notJSON.stderr == "cspr: the JSON argument is not valid JSON\n")
        try await stack.stop()
    }
}

/// Runs `executable` and returns its exit status, standard output and standard error apart.
func runSeparately(_ executable: URL, _ arguments: [String], environment: [String: String]) async throws -> (
    status: Int32, stdout: String, stderr: String
) {
    try await runCapturing(executable, arguments, environment: environment)
}
