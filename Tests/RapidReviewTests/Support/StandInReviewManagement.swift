import Contract
import ServiceKit
import ServiceTestSupport

/// A stand-in for review-management: it applies each CommissionReview once per idempotency
/// key, as the real service will, and lists what it applied.
enum StandInReviewManagement {
    static let receiver = StandInReceiver(HandOvers.commissionReview) {
        ReviewManagementAPI.CommissionReviewResponse(caseReference: $0.caseReference, commissioned: true)
    }
    static var definition: ServiceDefinition { receiver.definition }

    /// What the stand-in listening on `port` has applied.
    static func commissioned(port: Int) async throws
        -> [StandInReceiver<ReviewManagementAPI.CommissionReviewRequest, ReviewManagementAPI.CommissionReviewResponse>.Received]
    {
        try await receiver.received(port: port)
    }
}
