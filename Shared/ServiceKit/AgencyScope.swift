import Contract
import RPC

/// Whose submissions a caller may record (issue 15, item 14): the partnership's own roles
/// record for any agency; an agency's token only for the agency its tokens-file line names, on
/// the cases that asked that agency.
package enum AgencyScope: Sendable, Equatable {
    /// A partnership role: any agency.
    case anyAgency
    /// An agency's token: this agency only.
    case only(String)

    /// The scope of `call`'s principal for its method. An agency-only caller whose line names
    /// no agency is refused: it could speak for anyone.
    package static func of(_ call: CallContext) throws(RPCError) -> AgencyScope {
        guard let principal = call.principal else { return .anyAgency }
        let agencyRole = Role.agency.rawValue
        if !principal.roles.intersection(call.method.roles).subtracting([agencyRole]).isEmpty || !principal.roles.contains(agencyRole) {
            return .anyAgency
        }
        guard let agency = principal.agency else {
            throw RPCError(
                .permissionDenied,
                "\(principal.name) holds the agency role but its line in the tokens file names no agency (add \(TokensFile.agencyField)<name>)")
        }
        return .only(agency)
    }

    /// Whether it may speak for `agency` (names compared as `same` does).
    package func allows(_ agency: String, same: (String, String) -> Bool) -> Bool {
        switch self {
        case .anyAgency: true
        case .only(let own): same(own, agency)
        }
    }

    /// The one refusal of an agency's token for `reference`, whatever the reason: no such case,
    /// the case did not ask this agency, or asked only others. It names nothing the caller did
    /// not send, so it cannot tell which agencies a case involves, or whether it exists.
    package func refusal(_ reference: CaseReference) -> RPCError {
        switch self {
        case .anyAgency: RPCError(.permissionDenied, "\(reference): not open to this caller")
        case .only(let own): RPCError(.permissionDenied, "\(reference): no request to \(own) on this case is open to this token")
        }
    }
}
