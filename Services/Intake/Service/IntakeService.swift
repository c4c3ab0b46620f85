import ServiceKit

/// The intake service: the first stage of every case (framework §4.1-4.5, Appendices 2-4).
/// The executable and the tests start it the same way, from this definition.
package enum IntakeService {
    /// The service's name: logs, default port 7101, data directory.
    package static let name = "intake"
    /// The peer that receives `OpenRapidReview` (`CSPR_RAPID_REVIEW_URL`).
    package static let rapidReviewPeer = "rapid-review"

    /// What ServiceRunner starts: the schema, intake's own settings, and the calls.
    package static let definition = ServiceDefinition(
        name: name, peers: [rapidReviewPeer], migrations: IntakeMigrations.all, settings: IntakeSettings.load(environment:),
        state: { context, settings in IntakeHandlers(context: context, settings: settings) }, routes: { $0.routes() })
}
