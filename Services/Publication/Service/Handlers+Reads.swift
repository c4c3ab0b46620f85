import Contract
import RPC
import ServiceKit

/// The calls that read.
extension PublicationHandlers {
    /// One publication in full (audited with its case, as every call is).
    func getPublication(_ request: PublicationAPI.CaseRequest, _ call: CallContext) async throws -> PublicationAPI.Publication {
        try await store.publication(request.caseReference).view(clock)
    }

    /// A page of publications, summarised, with how many there are in all.
    func listPublications(_ request: PublicationAPI.ListPublicationsRequest) async throws -> PublicationAPI.ListPublicationsResponse {
        let listed = try ListPage(pageSize: request.pageSize, offset: request.offset)
        let clock = clock
        let (page, total) = try await store.page(limit: listed.size, offset: listed.offset)
        return PublicationAPI.ListPublicationsResponse(publications: page.map { $0.summary(clock) }, total: total)
    }
}
