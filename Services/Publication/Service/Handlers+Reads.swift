import Contract
import RPC
import ServiceKit

/// The calls that read.
extension PublicationHandlers {
    /// The largest page `ListPublications` gives, and the page when none is asked for.
    static let (largestPage, defaultPage) = (1000, 100)

    /// One publication in full (audited with its case, as every call is).
    func getPublication(_ request: PublicationAPI.CaseRequest, _ call: CallContext) async throws -> PublicationAPI.Publication {
        try await store.publication(request.caseReference).view(clock)
    }

    /// A page of publications, summarised, with how many there are in all.
    func listPublications(_ request: PublicationAPI.ListPublicationsRequest) async throws -> PublicationAPI.ListPublicationsResponse {
        let pageSize = request.pageSize ?? Self.defaultPage
        guard (1...Self.largestPage).contains(pageSize) else {
            throw PublicationError.invalidField(path: "pageSize", rule: nil, problem: "\(pageSize) is not from 1 to \(Self.largestPage)")
        }
        let offset = request.offset ?? 0
        guard offset >= 0 else { throw PublicationError.invalidField(path: "offset", rule: nil, problem: "\(offset) is below 0") }
        let clock = clock
        let (page, total) = try await store.page(limit: pageSize, offset: offset)
        return PublicationAPI.ListPublicationsResponse(publications: page.map { $0.summary(clock) }, total: total)
    }
}
