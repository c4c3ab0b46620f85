import Contract
import ServiceKit

/// The publication service: a board-approved report from review-management's hand-over to its
/// publication (framework §10, P1-P5, T9). The executable and the tests start it the same way,
/// from this definition.
package enum PublicationService {
    /// What ServiceRunner starts: the schema, its settings, the calls, and the status of a case
    /// stored before statuses were kept. It hands nothing over; its peers are the stages it asks
    /// to check a report for disclosure (P4) and those whose statuses `GetYearlyReport` counts.
    package static let definition = ServiceDefinition(
        identity: .publication, peers: PublicationHandlers.figureStages.filter { !DisclosureStages.asked.contains($0) } + DisclosureStages.asked,
        migrations: Schema.migrations + PageSchema.migrations, settings: PublicationSettings.load(environment:),
        state: { context, settings in PublicationHandlers(context: context, settings: settings) },
        statuses: StatusBackfill(table: "publications", column: "case_reference") { context, tx, reference in
            try PublicationRows.load(tx, reference: reference)?.status(context.clock)
        },
        routes: { $0.routes() },
        pages: { PublicationPages(handlers: $0).front() })
}
