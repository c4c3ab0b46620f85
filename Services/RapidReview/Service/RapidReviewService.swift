import Contract
import ServiceKit

/// The rapid-review service: the Case Review Panel's Rapid Review, from intake's hand-over
/// to the submission to the National Panel (framework §4.2, §4.6-4.7, Appendix 5). The
/// executable and the tests start it the same way, from this definition.
package enum RapidReviewService {
    /// What ServiceRunner starts: the schema and the calls. Its peers receive the
    /// `CommissionReview` hand-over (review-management) and the meeting held (intake); intake
    /// also answers `GetOutcomeParticulars` when a document is rendered.
    package static let definition = ServiceDefinition(
        identity: .rapidReview, peers: [HandOvers.commissionReview.destination, HandOvers.rapidReviewMeetingHeld.destination],
        migrations: Schema.migrations + PageSchema.migrations, settings: RapidReviewSettings.load(environment:),
        state: { context, settings in RapidReviewHandlers(context: context, settings: settings) },
        statuses: StatusBackfill(table: "rapid_reviews", column: "case_reference") { context, tx, reference in
            try CaseRows.load(tx, reference: reference)?.status(context.clock)
        },
        routes: { $0.routes() }, pages: { RapidReviewPages(handlers: $0).webPages() })
}
