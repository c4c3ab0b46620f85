import Contract
import ServiceKit

/// The review-management service: a review from its commissioning by rapid-review to its
/// terms of reference (framework §5, Appendix 6; T7, V1, V2). The executable and the tests
/// start it the same way, from this definition.
package enum ReviewManagementService {
    /// What ServiceRunner starts: the schema, the calls, the Review Team's pages (issue 18), and
    /// the status of a case stored before statuses were kept. Its one peer, publication,
    /// receives `PreparePublication`.
    package static let definition = ServiceDefinition(
        identity: .reviewManagement, peers: [HandOvers.preparePublication.destination], migrations: Schema.migrations + PageSchema.migrations,
        settings: PageSettings.load(environment:),
        state: { context, settings in ReviewManagementPages(handlers: ReviewManagementHandlers(context: context), settings: settings) },
        statuses: StatusBackfill(table: "reviews", column: "case_reference") { context, tx, reference in
            try ReviewRows.load(tx, reference: reference)?.status(context.clock)
        },
        routes: { $0.handlers.routes() }, pages: { $0.webPages() })
}
