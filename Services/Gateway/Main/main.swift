// The gateway: every case across the stages, read-only, and the panel's dashboard at GET /.
// Configuration: Services/Gateway/README.md.
import Foundation
import GatewayService
import ServiceKit

let definition: ServiceDefinition
do {
    definition = try GatewayService.definition()
} catch {
    FileHandle.standardError.write(Data("gateway: configuration error: \(error)\n".utf8))
    exit(2)
}
ServiceRunner.main(definition)
