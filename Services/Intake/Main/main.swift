// intake: the Partnership Support Team's service. Everything but the domain comes from
// ServiceKit: configuration (its own and intake's settings), logs, auth, audit, relay, health,
// metrics and shutdown.
import IntakeService
import ServiceKit

ServiceRunner.main(IntakeService.definition)
