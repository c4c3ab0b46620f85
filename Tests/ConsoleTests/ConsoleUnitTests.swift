import ConsoleCommands
import Contract
import Foundation
import RPC
import Synchronization
import TestSupport
import Testing

/// Captures what a `Console.run` printed.
final class CapturedIO: Sendable {
    let out = Mutex("")
    let err = Mutex("")

    func io(environment: [String: String] = [:], input: String = "") -> ConsoleIO {
        ConsoleIO(
            environment: environment, standardInput: { Data(input.utf8) }, output: { text in self.out.withLock { $0 += text } },
            errorOutput: { text in self.err.withLock { $0 += text } })
    }

    var stdout: String { out.withLock { $0 } }
    var stderr: String { err.withLock { $0 } }
}

@Suite("cspr without a network: command line, inputs, registry, tables")
struct ConsoleUnitTests {
    @Test("options as --name value, --name=value and flags; a lone - is a word")
    func commandLine() throws {
        let line = try ParsedCommandLine(["cases", "--stage", "intake", "--due-within=5", "--json", "-", "--overdue"])
        #expect(line.words == ["cases", "-"])
        #expect(line.values == ["stage": "intake", "due-within": "5"])
        #expect(line.flags == ["json", "overdue"])
        #expect(throws: ConsoleError.usage("unknown option --colour")) { try ParsedCommandLine(["cases", "--colour"]) }
        #expect(throws: ConsoleError.usage("--token needs a value")) { try ParsedCommandLine(["cases", "--token"]) }
    }

    @Test("a request is literal JSON, @file, - for standard input, or the empty message")
    func requestInput() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-request-\(UUID().uuidString).json")
        try Data(#"{"caseReference":"TESTSHIRE-2025-0002"}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let io = CapturedIO().io(input: #"{"stage":"intake"}"#)
        #expect(try RequestInput.read(nil, io: io) == Data("{}".utf8))
        #expect(try RequestInput.read(#"{"a":1}"#, io: io) == Data(#"{"a":1}"#.utf8))
        #expect(try RequestInput.read("@" + file.path, io: io) == Data(#"{"caseReference":"TESTSHIRE-2025-0002"}"#.utf8))
        #expect(try RequestInput.read("-", io: io) == Data(#"{"stage":"intake"}"#.utf8))
        #expect(throws: ConsoleError.input("the JSON argument is not valid JSON")) { try RequestInput.read("{nope", io: io) }
        #expect(throws: ConsoleError.self) { try RequestInput.read("@/no/such/file.json", io: io) }
    }

    @Test("a referral file may hold the form or the request wrapping it; a bad field is named")
    func wrappedRequests() throws {
        let request = IntakeAPI.CaseRequest(caseReference: CaseReference("TESTSHIRE-2025-0002")!)  // a literal known to be valid
        let plain = try JSONCodec.encode(request)
        let wrapped = Data(#"{"request":\#(String(decoding: plain, as: UTF8.self))}"#.utf8)
        #expect(try RequestInput.decode(IntakeAPI.CaseRequest.self, from: plain, wrappedIn: "request") == request)
        #expect(try RequestInput.decode(IntakeAPI.CaseRequest.self, from: wrapped, wrappedIn: "request") == request)
        #expect(throws: ConsoleError.input("INVALID_ARGUMENT (code 3): caseReference: expected a case reference like \"SURREY-2025-0007\"")) {
            try RequestInput.decode(IntakeAPI.CaseRequest.self, from: Data(#"{"caseReference":"nope"}"#.utf8), wrappedIn: "request")
        }
    }

    @Test("the registry knows every intake call and the gateway's, by name in any case, or a full path")
    func registry() throws {
        let intake = Set(MethodRegistry.entries(of: "intake").map(\.info.path))
        for method in [
            IntakeAPI.submitReferral.info, IntakeAPI.recordNotification.info, IntakeAPI.sendScopingRequests.info, IntakeAPI.recordScopingReturn.info,
            IntakeAPI.getCase.info, IntakeAPI.listCases.info, IntakeAPI.getCaseFile.info, IntakeAPI.getStatuses.info, IntakeAPI.checkDisclosure.info,
        ] {
            #expect(intake.contains(method.path))
        }
        #expect(try MethodRegistry.path(service: "gateway", method: "listcases") == "/cspr.gateway.v1.Gateway/ListCases")
        #expect(try MethodRegistry.path(service: "intake", method: "Backup") == "/cspr.admin.v1.Admin/Backup")
        #expect(
            try MethodRegistry.path(service: "rapid-review", method: "/cspr.rapidreview.v1.RapidReview/ScheduleMeeting")
                == "/cspr.rapidreview.v1.RapidReview/ScheduleMeeting")
        #expect(throws: ConsoleError.self) { try MethodRegistry.path(service: "intake", method: "ListEverything") }
        #expect(throws: ConsoleError.self) { try MethodRegistry.path(service: "court", method: "ListCases") }
        let entry = MethodRegistry.entries(of: "gateway").first
        #expect(entry?.requestType == "GatewayAPI.ListCasesRequest")
    }

    @Test("addresses: --url, else CSPR_<SERVICE>_URL, else the default port")
    func addresses() throws {
        let environment = ["CSPR_RAPID_REVIEW_URL": "http://rapid-review:7102/"]
        #expect(try ServiceAddresses.address(of: .rapidReview, flag: nil, environment: environment).description == "rapid-review:7102")
        #expect(try ServiceAddresses.address(of: .rapidReview, flag: "127.0.0.1:9999", environment: environment).description == "127.0.0.1:9999")
        #expect(try ServiceAddresses.address(of: .gateway, flag: nil, environment: [:]).description == "127.0.0.1:7100")
        #expect(try ServiceAddresses.address(of: .publication, flag: nil, environment: [:]).port == 7104)
        #expect(throws: ConsoleError.self) { try ServiceAddresses.address(of: .intake, flag: nil, environment: ["CSPR_INTAKE_URL": "nowhere"]) }
        #expect(throws: ConsoleError.self) { try ServiceAddresses.identity("court") }
    }

    @Test("the example files of the README decode as their messages")
    func examples() throws {
        let directory = BuiltProducts.packageRoot.appendingPathComponent("Services/Console/examples")
        func data(_ name: String) throws -> Data { try Data(contentsOf: directory.appendingPathComponent(name)) }
        _ = try RequestInput.decode(Referral.self, from: try data("referral.json"), wrappedIn: "referral")
        _ = try RequestInput.decode(ScopingReturn.self, from: try data("scoping-return.json"), wrappedIn: "scopingReturn")
        _ = try RequestInput.decode([IntakeAPI.ScopingRequestDraft].self, from: try data("scoping-requests.json"), wrappedIn: "requests")
        _ = try RequestInput.decode(IntakeAPI.CaseRequest.self, from: try data("get-case.json"), wrappedIn: "request")
    }

    @Test("a form the contract refuses is refused before sending: the field named, exit 2")
    func refusedBeforeSending() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("cspr-referral-\(UUID().uuidString).json")
        try Data(#"{"referral": {"dateReceived": "yesterday"}}"#.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let captured = CapturedIO()
        // No service is listening on this address: nothing may be sent.
        let status = await Console.run(["referral", "submit", file.path, "--url", "127.0.0.1:1"], io: captured.io())
        #expect(status == 2)
        #expect(captured.stderr.hasPrefix("cspr: INVALID_ARGUMENT (code 3): "))
        #expect(!captured.stderr.contains("UNAVAILABLE"))
    }

    @Test("cspr services lists the stack in start order (the stages by workflow, then the gateway) with each principal's roles, needing no token")
    func services() async {
        let captured = CapturedIO()
        #expect(await Console.run(["services"], io: captured.io()) == 0)
        #expect(
            captured.stdout
                == "intake service\nrapid-review service\nreview-management service\npublication service,publication\ngateway service\n")
    }

    @Test("cspr methods shows the services that may call a method as themselves (issue 17, item 8), needing no token")
    func methodCallers() async throws {
        let captured = CapturedIO()
        #expect(await Console.run(["methods", "rapid-review"], io: captured.io()) == 0)
        let lines = captured.stdout.split(separator: "\n")
        #expect(lines.first?.hasSuffix("CALLERS") == true)
        let open = try #require(lines.first { $0.contains("/OpenRapidReview") })
        #expect(open.split(separator: " ").suffix(2) == ["service", "intake"])
        let statuses = try #require(lines.first { $0.contains("/GetStatuses") })
        #expect(statuses.hasSuffix("gateway,publication"))
    }

    @Test("tables align their columns and end without blanks")
    func table() {
        var table = TextTable(["CASE", "STAGE"])
        table.add(["TESTSHIRE-2025-0001", "intake"])
        table.add(["X", ""])
        #expect(table.text == "CASE                 STAGE\nTESTSHIRE-2025-0001  intake\nX\n")
    }

    static let commandLines: [([String], Int32)] = [
        (["help"], 0), ([], 0), (["frobnicate"], 2), (["cases", "--stage", "court"], 2), (["case", "not-a-reference"], 2),
        (["call", "intake"], 2), (["call", "court", "X"], 2), (["cases", "--timeout", "-3"], 2),
        (["rapid-review", "schedule", "TESTSHIRE-2025-0001", "soon"], 2), (["review"], 2), (["review", "frobnicate"], 2),
        (["review", "show", "not-a-reference"], 2), (["review", "agree-terms", "TESTSHIRE-2025-0001", "first"], 2),
        (["review", "approve", "TESTSHIRE-2025-0001", "1", "--on", "tomorrow"], 2), (["review", "list", "--state", "pending"], 2),
        (["publication"], 2), (["publication", "frobnicate"], 2), (["publication", "show", "not-a-reference"], 2),
        (["publication", "list", "--page", "0"], 2), (["publication", "copy", "TESTSHIRE-2025-0001"], 2),
        (["publication", "copy", "TESTSHIRE-2025-0001", "the-press"], 2),
        (["publication", "copy", "TESTSHIRE-2025-0001", "ofsted", "--on", "soon"], 2),
        (["publication", "check", "TESTSHIRE-2025-0001", "--version", "0"], 2),
        (["publication", "sign-off", "TESTSHIRE-2025-0001", "--role", "Business manager"], 2),
        (["publication", "sign-off", "TESTSHIRE-2025-0001", "--by", "A Signer"], 2),
        (["publication", "schedule", "TESTSHIRE-2025-0001", "next-week", "https://example.org/r"], 2),
        (["publication", "schedule", "TESTSHIRE-2025-0001", "2027-01-13"], 2), (["publication", "published", "TESTSHIRE-2025-0001"], 2),
        (["publication", "actions"], 2), (["publication", "yearly", "last"], 2), (["publication", "yearly", "1999"], 2),
    ]

    @Test("help exits 0; a wrong command line exits 2 with a usage message", arguments: commandLines)
    func usage(arguments: [String], status: Int32) async {
        let captured = CapturedIO()
        #expect(await Console.run(arguments, io: captured.io()) == status)
        if status == 0 {
            #expect(captured.stdout.contains("cspr call <service> <Method>"))
        } else {
            #expect(captured.stderr.hasPrefix("cspr: usage: "))
        }
    }
}
