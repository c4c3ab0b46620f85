import Contract
import Foundation
import GatewayService
import GatewayStandIns
import H2
import ServiceKit
import ServiceTestSupport

/// The stand-in stages and the gateway in this process, for tests that look at pages and
/// headers rather than at processes.
final class InProcessStack: Sendable {
    let directory: TestDirectory
    let intake: RunningService
    let rapidReview: RunningService
    let gateway: RunningService

    init(intakeStatuses: [CaseStatus] = Fixtures.intake, leakyIntakeName: String? = nil, gatewaySettings: [String: String] = [:]) async throws {
        let directory = try TestDirectory.gateway()
        self.directory = directory
        func start(_ definition: ServiceDefinition, stages: [ServiceIdentity: Int] = [:], extra: [String: String] = [:]) async throws
            -> RunningService
        {
            let environment = directory.environment(definition.name, port: 0, peers: stages, extra: extra)
            let configuration = try ServiceConfiguration.load(definition.identity, peers: definition.peers, environment: environment)
            return try await ServiceRunner.start(definition, configuration: configuration)
        }
        let intakeStore = StandInStore(intakeStatuses)
        intake = try await start(
            leakyIntakeName.map { StandInStages.leaky(.intake, store: intakeStore, childName: $0) }
                ?? StandInStages.definition(.intake, store: intakeStore))
        rapidReview = try await start(StandInStages.definition(.rapidReview, store: StandInStore(Fixtures.rapidReview)))
        let stages: [ServiceIdentity: Int] = [.intake: intake.port, .rapidReview: rapidReview.port]
        // Only the two stand-in stages: the gateway asks no others (review-management is a
        // default stage, and one never started would show as down).
        let settings = ["CSPR_GATEWAY_STAGES": "intake,rapid-review", "CSPR_GATEWAY_CACHE_SECONDS": "0", "CSPR_GATEWAY_STAGE_TIMEOUT_MS": "5000"]
            .merging(gatewaySettings) { $1 }
        let environment = directory.environment("gateway", port: 0, peers: stages, extra: settings)
        gateway = try await start(try GatewayService.definition(environment: environment), stages: stages, extra: settings)
    }

    /// GETs a gateway page, with the token as Basic credentials (as a browser sends them), as
    /// a bearer token, or with none.
    func page(_ path: String, basic token: String? = nil, bearer: String? = nil) async throws -> (status: Int, headers: HTTPFields, text: String) {
        var headers: [(String, String)] = []
        if let token { headers.append(("authorization", "Basic " + Data("panel:\(token)".utf8).base64EncodedString())) }
        if let bearer { headers.append(("authorization", "Bearer \(bearer)")) }
        let response = try await getPage(port: gateway.port, path, headers: headers)
        return (response.status, response.headers, String(decoding: response.body, as: UTF8.self))
    }

    func stop() async {
        await gateway.stop(grace: .seconds(1))
        await intake.stop(grace: .seconds(1))
        await rapidReview.stop(grace: .seconds(1))
    }
}
