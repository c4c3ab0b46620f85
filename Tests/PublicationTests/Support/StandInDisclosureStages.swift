import Contract
import Foundation
import H2
import RPC
import ServiceTestSupport
import Synchronization

/// Stand-ins for intake's and review-management's `CheckDisclosure`: one RPC server answering
/// both, each finding the names it is given wherever they occur in the text (UTF-8 offsets and
/// lines, as the real scanner gives them). It answers only publication's own token, so a test
/// also shows the service calls its peers as itself.
final class StandInDisclosureStages: Sendable {
    /// A person a stand-in stage holds: whose (a relationship) and the name looked for.
    struct Person: Sendable {
        var whose: String
        var name: String
        var kind: DisclosureAPI.DisclosureKind = .name
    }

    /// What the stages hold and how often they were asked, shared with the handlers.
    private final class State: Sendable {
        let people = Mutex<[String: [Person]]>([:])
        let asked = Mutex<[String: Int]>([:])
    }

    private let state = State()
    private let server: RPCServer

    var port: Int { server.port }

    init() throws {
        var routes = RouteTable()
        let state = state
        for (stage, method) in [(ServiceIdentity.intake, IntakeAPI.checkDisclosure), (.reviewManagement, ReviewManagementAPI.checkDisclosure)] {
            routes.register(method) { request, call in
                guard call.metadata["authorization"] == "Bearer \(TestTokens.service(.publication))" else {
                    throw RPCError(.permissionDenied, "the stand-in answers publication's own token only")
                }
                state.asked.withLock { $0[stage.name, default: 0] += 1 }
                let held = state.people.withLock { $0[stage.name] ?? [] }
                return DisclosureAPI.CheckDisclosureResponse(findings: Self.find(held, in: request.text))
            }
        }
        var configuration = ServerConfiguration()
        configuration.port = 0
        configuration.loopCount = 1
        server = try RPCServer(configuration: configuration, router: RPCRouter(routes: routes))
    }

    /// Makes `stage` hold `person` from now on.
    func hold(_ stage: ServiceIdentity, _ person: Person) { state.people.withLock { $0[stage.name, default: []].append(person) } }

    /// How many times `stage` was asked.
    func timesAsked(_ stage: ServiceIdentity) -> Int { state.asked.withLock { $0[stage.name] ?? 0 } }

    func stop() async { await server.shutdown(grace: .seconds(1)) }

    /// Every occurrence of each person's name, in text order.
    static func find(_ people: [Person], in text: String) -> [DisclosureAPI.DisclosureFinding] {
        let bytes = Array(text.utf8)
        var findings: [DisclosureAPI.DisclosureFinding] = []
        for person in people {
            let name = Array(person.name.utf8)
            guard !name.isEmpty, bytes.count >= name.count else { continue }
            for start in 0...(bytes.count - name.count) where Array(bytes[start..<(start + name.count)]) == name {
                let line = bytes[..<start].count { $0 == UInt8(ascii: "\n") } + 1
                findings.append(.init(kind: person.kind, whose: person.whose, offset: start, length: name.count, line: line))
            }
        }
        return findings.sorted { $0.offset < $1.offset }
    }
}
