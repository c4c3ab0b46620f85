import Contract
import Foundation
import H2
import RPC
import ServiceKit
import ServiceTestSupport
import TestSupport

extension TestDirectory {
    /// The shared test directory (ServiceTestSupport) with the gateway's settings: the
    /// Testshire partnership, judged on `Fixtures.today`.
    package static func gateway() throws -> TestDirectory {
        try TestDirectory(settings: ["CSPR_TODAY": Fixtures.today, "CSPR_PARTNERSHIP": Fixtures.partnership, "CSPR_GRACE_SECONDS": "2"])
    }

    /// Writes `statuses` as a GetStatusesResponse file for a stand-in process.
    package func statusesFile(_ stage: ServiceIdentity, _ statuses: [CaseStatus]) throws -> URL {
        let file = url.appendingPathComponent("\(stage.name)-statuses.json")
        try JSONCodec.encode(GetStatusesResponse(statuses: statuses)).write(to: file)
        return file
    }
}

/// Starts a stand-in stage process answering with `statuses`, and waits until it is ready.
package func startStandInProcess(
    _ stage: ServiceIdentity, _ directory: TestDirectory, port: Int, statuses: [CaseStatus], extra: [String: String] = [:]
) async throws -> ChildProcess {
    let file = try directory.statusesFile(stage, statuses)
    return try await startServiceProcess(
        "GatewayStandInStage", arguments: [stage.name], service: stage, directory, port: port,
        extra: ["GATEWAY_STANDIN_STATUSES": file.path].merging(extra) { $1 })
}

/// Starts the `gateway` executable asking `stages` (with their ports), and waits until it is ready.
package func startGatewayProcess(_ directory: TestDirectory, port: Int, stages: [ServiceIdentity: Int], extra: [String: String] = [:])
    async throws -> ChildProcess
{
    try await startServiceProcess(
        "gateway", service: .gateway, directory, port: port, peers: stages,
        extra: [
            "CSPR_GATEWAY_STAGES": stages.keys.map(\.name).sorted().joined(separator: ","), "CSPR_GATEWAY_CACHE_SECONDS": "0",
            // Generous for a loaded CI machine: a killed stage is refused at once, not timed out.
            "CSPR_GATEWAY_STAGE_TIMEOUT_MS": "5000",
        ].merging(extra) { $1 })
}

/// GETs `path` of a loopback server over h2c, with optional extra headers.
package func getPage(port: Int, _ path: String, headers: [(String, String)] = []) async throws -> HTTPClientResponse {
    let client = HTTP2Client(host: "127.0.0.1", port: port)
    defer { client.close() }
    let request = HTTPRequest(head: HTTPRequestHead(method: "GET", path: path, headers: HTTPFields(headers), version: .http2))
    return try await client.send(request, timeout: .seconds(10))
}
