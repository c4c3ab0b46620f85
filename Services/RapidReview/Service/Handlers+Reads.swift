import Contract
import RPC
import ServiceKit

/// The calls that read.
extension RapidReviewHandlers {
    /// Appendix 5, filled in.
    func getOutcomeDocument(_ request: RapidReviewAPI.GetOutcomeDocumentRequest, _ call: CallContext) async throws -> RapidReviewAPI.OutcomeDocument {
        let format = request.format ?? .text
        let rapidReview = try await store.rapidReview(request.caseReference)
        // Rendering is CPU work: off the event loop that answers this call's connection.
        let document = try await context.compute.run { () throws(RapidReviewError) in try OutcomeDocumentRenderer.render(rapidReview, format: format)
        }
        return RapidReviewAPI.OutcomeDocument(caseReference: request.caseReference, format: format, document: document)
    }

    /// One Rapid Review in full.
    func getRapidReview(_ request: RapidReviewAPI.CaseRequest, _ call: CallContext) async throws -> RapidReviewAPI.RapidReview {
        return try await store.rapidReview(request.caseReference).view(clock)
    }

    /// Every Rapid Review, summarised, optionally only one state or only the overdue.
    func listRapidReviews(_ request: RapidReviewAPI.ListRapidReviewsRequest) async throws -> RapidReviewAPI.ListRapidReviewsResponse {
        let clock = clock
        let summaries = try await store.rapidReviews().map { $0.summary(clock) }.filter { summary in
            (request.state.map { $0 == summary.state } ?? true) && (request.overdueOnly != true || summary.overdue)
        }
        return RapidReviewAPI.ListRapidReviewsResponse(rapidReviews: summaries)
    }

}
