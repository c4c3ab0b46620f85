import ServiceKit

/// The rapid-review service: the Case Review Panel's Rapid Review, from intake's hand-over
/// to the submission to the National Panel (framework §4.2, §4.6-4.7, Appendix 5). The
/// executable and the tests start it the same way, from this definition.
package enum RapidReviewService {
    /// The service's name: logs, default port 7102, data directory.
    package static let name = "rapid-review"
    /// The peer that receives `CommissionReview` (`CSPR_REVIEW_MANAGEMENT_URL`).
    package static let reviewManagementPeer = "review-management"

    /// What ServiceRunner starts: the schema and the calls.
    package static let definition = ServiceDefinition(name: name, peers: [reviewManagementPeer], migrations: Schema.migrations) { context in
        RapidReviewHandlers(context: context).routes()
    }
}
