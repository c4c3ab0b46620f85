import Contract
import RPC
import ServiceKit

/// The calls that read.
extension RapidReviewHandlers {
    /// Appendix 5, filled in, or its covering letter to the National Panel (§4.7.1). What intake
    /// holds of the child and family is fetched for this rendering and dropped with it (issue
    /// 15, item 12); when intake does not answer there is no document, never one with blanks.
    func getOutcomeDocument(_ request: RapidReviewAPI.GetOutcomeDocumentRequest, _ call: CallContext) async throws -> RapidReviewAPI.OutcomeDocument {
        let (format, kind, clock, partners) = (request.format ?? .text, request.kind ?? .outcome, clock, partners)
        let partnership = context.configuration.partnership
        let rapidReview = try await store.rapidReview(request.caseReference)
        // The steps not taken yet refuse before intake is asked for anything.
        _ = try OutcomeDocumentRenderer.requireMeeting(rapidReview)
        if kind == .coveringLetter { _ = try CoveringLetterRenderer.requireRatification(rapidReview) }
        let intake = IntakeParticulars(client: context.peers[ServiceIdentity.intake.name], metadata: context.peerMetadata(requestID: call.requestID))
        let particulars = try await intake.of(rapidReview.reference)
        // Rendering is CPU work: off the event loop that answers this call's connection.
        let document = try await context.compute.run { () throws(RapidReviewError) in
            switch kind {
            case .outcome: try OutcomeDocumentRenderer.render(rapidReview, particulars: particulars, format: format)
            case .coveringLetter:
                try CoveringLetterRenderer.render(
                    rapidReview, particulars: particulars, partners: partners, partnership: Self.displayName(partnership), clock: clock,
                    format: format)
            }
        }
        return RapidReviewAPI.OutcomeDocument(caseReference: request.caseReference, format: format, document: document, kind: request.kind)
    }

    /// "TESTSHIRE" as a letter writes it: "Testshire".
    static func displayName(_ partnership: String) -> String { partnership.prefix(1).uppercased() + partnership.dropFirst().lowercased() }

    /// One Rapid Review in full.
    func getRapidReview(_ request: RapidReviewAPI.CaseRequest, _ call: CallContext) async throws -> RapidReviewAPI.RapidReview {
        return try await store.rapidReview(request.caseReference).view(clock)
    }

    /// Every Rapid Review, summarised, optionally only one state or only the overdue.
    func listRapidReviews(_ request: RapidReviewAPI.ListRapidReviewsRequest) async throws -> RapidReviewAPI.ListRapidReviewsResponse {
        // Read from each case's kept status and summary row, never by loading every case.
        let summaries = try await store.summaries(clock).filter { summary in
            (request.state.map { $0 == summary.state } ?? true) && (request.overdueOnly != true || summary.overdue)
        }
        guard request.pageSize != nil || request.offset != nil else { return RapidReviewAPI.ListRapidReviewsResponse(rapidReviews: summaries) }
        let page = try ListPage(pageSize: request.pageSize, offset: request.offset)
        return RapidReviewAPI.ListRapidReviewsResponse(rapidReviews: page.slice(summaries), total: summaries.count, offset: page.offset)
    }

}
