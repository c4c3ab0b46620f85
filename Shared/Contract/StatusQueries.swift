import RPC

/// `GetStatuses`: every stage service answers it for the gateway, with no personal data.
package struct GetStatusesRequest: Sendable, Equatable, Codable {
    /// The cases wanted; empty means every case the service holds.
    package var references: [CaseReference]

    package init(references: [CaseReference] = []) { self.references = references }

    /// `{}` asks for every case.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        references = try container.decodeIfPresent([CaseReference].self, forKey: .references) ?? []
    }

    private enum CodingKeys: String, CodingKey { case references }
}

/// The statuses a service holds, in reference order.
package struct GetStatusesResponse: Sendable, Equatable, Codable {
    /// One per case found.
    package var statuses: [CaseStatus]

    package init(statuses: [CaseStatus]) { self.statuses = statuses }
}

/// The service names of the four stages and the gateway (`cspr.<stage>.v1.<Service>`).
package enum ServiceName {
    package static let intake = "cspr.intake.v1.Intake"
    package static let rapidReview = "cspr.rapidreview.v1.RapidReview"
    package static let reviewManagement = "cspr.review.v1.ReviewManagement"
    package static let publication = "cspr.publication.v1.Publication"
    package static let gateway = "cspr.gateway.v1.Gateway"
}

/// The `GetStatuses` method of `service`: callable by the gateway (`service`) and by viewers.
package func getStatusesMethod(of service: String) -> Method<GetStatusesRequest, GetStatusesResponse> {
    Method(service: service, name: "GetStatuses", roles: .roles(.service, .panelViewer, .caseReviewPanel, .auditor))
}
