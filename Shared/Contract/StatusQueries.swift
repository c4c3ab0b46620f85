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

/// The `GetStatuses` method of `service`: callable by the gateway (`service`) and by viewers.
package func getStatusesMethod(of service: String) -> Method<GetStatusesRequest, GetStatusesResponse> {
    Method(service: service, name: "GetStatuses", roles: .roles(.service, .panelViewer, .caseReviewPanel, .auditor))
}

extension ServiceIdentity {
    /// Its `GetStatuses` method (every stage service answers it for the gateway).
    package var getStatuses: Method<GetStatusesRequest, GetStatusesResponse> { getStatusesMethod(of: rpcService) }
}
