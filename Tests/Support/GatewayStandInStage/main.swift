// A stand-in stage service as its own process, so a test can kill it: `GatewayStandInStage
// <intake|rapid-review|...>`, answering GetStatuses with the statuses in the JSON file named by
// GATEWAY_STANDIN_STATUSES (a GetStatusesResponse). GATEWAY_STANDIN_LEAK_NAME makes it the
// leaky stand-in that tries to send a child's name.
import Contract
import Foundation
import GatewayStandIns
import RPC
import ServiceKit

let arguments = CommandLine.arguments
guard arguments.count == 2, let stage = ServiceIdentity.stages.first(where: { $0.name == arguments[1] }) else {
    FileHandle.standardError.write(Data("usage: GatewayStandInStage \(ServiceIdentity.stages.map(\.name).joined(separator: "|"))\n".utf8))
    exit(2)
}
let environment = ProcessInfo.processInfo.environment
var statuses: [CaseStatus] = []
if let path = environment["GATEWAY_STANDIN_STATUSES"], !path.isEmpty {
    do {
        statuses = try JSONCodec.decode(GetStatusesResponse.self, from: Data(contentsOf: URL(fileURLWithPath: path))).statuses
    } catch {
        FileHandle.standardError.write(Data("GatewayStandInStage: cannot read \(path): \(error)\n".utf8))
        exit(2)
    }
}
let store = StandInStore(statuses)
if let name = environment["GATEWAY_STANDIN_LEAK_NAME"], !name.isEmpty {
    ServiceRunner.main(StandInStages.leaky(stage, store: store, childName: name))
}
ServiceRunner.main(StandInStages.definition(stage, store: store))
