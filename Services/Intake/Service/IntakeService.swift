import Contract
import ServiceKit

/// The intake service: the first stage of every case (framework §4.1-4.5, Appendices 2-4).
/// The executable and the tests start it the same way, from this definition.
package enum IntakeService {
    /// What ServiceRunner starts: the schema, intake's own settings, and the calls. Its one
    /// peer receives the `OpenRapidReview` hand-over.
    package static let definition = ServiceDefinition(
        identity: .intake, peers: [HandOvers.openRapidReview.destination], migrations: IntakeMigrations.all,
        settings: IntakeSettings.load(environment:), state: { context, settings in IntakeHandlers(context: context, settings: settings) },
        statuses: StatusBackfill(table: "cases", column: "reference") { context, tx, reference in
            try CaseRows.load(tx, reference, withLinkedReferrals: false).map(IntakeHandlers.status(context))
        },
        routes: { $0.routes() }, pages: { IntakePages(handlers: $0).webPages() })
}
