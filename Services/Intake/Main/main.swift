// intake: the Partnership Support Team's service. Everything but the domain comes from
// ServiceKit: configuration, logs, auth, audit, relay, health, metrics and shutdown.
import Foundation
import IntakeService
import ServiceKit

if let problem = IntakeService.configurationProblem() {
    FileHandle.standardError.write(Data("intake: configuration error: \(problem)\n".utf8))
    exit(2)
}
ServiceRunner.main(IntakeService.definition)
