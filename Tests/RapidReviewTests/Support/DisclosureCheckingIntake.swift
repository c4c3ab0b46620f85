import Contract
import Foundation
import H2
import RPC
import ServiceTestSupport
import Synchronization

/// The harness's intake, for the tests that are not about the free-text check against a real
/// intake: it answers `CheckDisclosure` clean unless told to hold a name (then every occurrence
/// of it is a finding, in UTF-8 bytes and lines as intake gives them), only to rapid-review's
/// own token; its `RecordRapidReviewMeeting` and `GetOutcomeParticulars` are UNAVAILABLE, as
/// when no intake listens (the meeting held waits in the outbox; there is no document).
final class DisclosureCheckingIntake: Sendable {
    /// The names it finds and how often it was asked, shared with the handler.
    private final class State: Sendable {
        let names = Mutex<[String]>([])
        let asked = Mutex(0)
    }

    private let state = State()
    private let server: RPCServer

    var port: Int { server.port }

    init() throws {
        var routes = RouteTable()
        let state = state
        routes.register(IntakeAPI.checkDisclosure) { request, call in
            guard call.metadata["authorization"] == "Bearer \(TestTokens.service(.rapidReview))" else {
                throw RPCError(.permissionDenied, "the stand-in answers rapid-review's own token only")
            }
            state.asked.withLock { $0 += 1 }
            return DisclosureAPI.CheckDisclosureResponse(findings: Self.find(state.names.withLock { $0 }, in: request.text))
        }
        routes.register(IntakeAPI.recordRapidReviewMeeting) { _, _ in throw RPCError(.unavailable, "the stand-in intake takes no hand-overs") }
        routes.register(IntakeAPI.getOutcomeParticulars) { _, _ in throw RPCError(.unavailable, "the stand-in intake holds no particulars") }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.loopCount = 1
        server = try RPCServer(configuration: configuration, router: RPCRouter(routes: routes))
    }

    /// Makes every occurrence of `name` a finding (a child's name) from now on.
    func hold(_ name: String) { state.names.withLock { $0.append(name) } }

    /// How many checks it answered.
    var timesAsked: Int { state.asked.withLock { $0 } }

    func stop() async { await server.shutdown(grace: .seconds(1)) }

    static func find(_ names: [String], in text: String) -> [DisclosureAPI.DisclosureFinding] {
        let bytes = Array(text.utf8)
        var findings: [DisclosureAPI.DisclosureFinding] = []
        for name in names.map({ Array($0.utf8) }) where !name.isEmpty && bytes.count >= name.count {
            for start in 0...(bytes.count - name.count) where Array(bytes[start..<(start + name.count)]) == name {
                let line = bytes[..<start].count { $0 == UInt8(ascii: "\n") } + 1
                findings.append(.init(kind: .name, whose: "child", offset: start, length: name.count, line: line))
            }
        }
        return findings.sorted { $0.offset < $1.offset }
    }
}
