import Contract
import RPC
import ServiceKit

/// The calls that read.
extension ReviewManagementHandlers {
    /// One review in full (audited with its case, as every call is).
    func getReview(_ request: ReviewManagementAPI.CaseRequest, _ call: CallContext) async throws -> ReviewManagementAPI.Review {
        try await store.review(request.caseReference).view(clock)
    }

    /// A page of the reviews, summarised from their kept statuses and summary rows, optionally
    /// only one state or only the overdue (filtered before paging).
    func listReviews(_ request: ReviewManagementAPI.ListReviewsRequest) async throws -> ReviewManagementAPI.ListReviewsResponse {
        let page = try ListPage(pageSize: request.pageSize, offset: request.offset)
        let matching = try await store.summaries(clock).filter { summary in
            (request.state.map { $0 == summary.state } ?? true) && (request.overdueOnly != true || summary.overdue)
        }
        return ReviewManagementAPI.ListReviewsResponse(reviews: page.slice(matching), total: matching.count, offset: page.offset)
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
