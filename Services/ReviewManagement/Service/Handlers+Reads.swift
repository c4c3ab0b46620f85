import Contract
import RPC
import ServiceKit

/// The calls that read.
extension ReviewManagementHandlers {
    /// One review in full (audited with its case, as every call is).
    func getReview(_ request: ReviewManagementAPI.CaseRequest, _ call: CallContext) async throws -> ReviewManagementAPI.Review {
        try await store.review(request.caseReference).view(clock)
    }

    /// Every review, summarised, optionally only one state or only the overdue.
    func listReviews(_ request: ReviewManagementAPI.ListReviewsRequest) async throws -> ReviewManagementAPI.ListReviewsResponse {
        let clock = clock
        let summaries = try await store.reviews().map { $0.summary(clock) }.filter { summary in
            (request.state.map { $0 == summary.state } ?? true) && (request.overdueOnly != true || summary.overdue)
        }
        return ReviewManagementAPI.ListReviewsResponse(reviews: summaries)
    }

    /// Appendix 6 filled in from one version, as Markdown.
    func getTermsOfReferenceDocument(_ request: ReviewManagementAPI.GetTermsOfReferenceDocumentRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.TermsOfReferenceDocument
    {
        let review = try await store.review(request.caseReference)
        // Rendering is CPU work: off the event loop that answers this call's connection.
        return try await context.compute.run { () throws(ReviewManagementError) in
            try TermsOfReferenceRenderer.document(review, version: request.version)
        }
    }
}
