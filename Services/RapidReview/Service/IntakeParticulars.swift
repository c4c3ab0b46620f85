import Contract
import RPC
import ServiceKit

/// Asks intake, rapid-review's peer (`CSPR_INTAKE_URL`), for what the outcome document needs
/// of the child and family, when the document is rendered (issue 15, item 12). The answer is
/// rendered and dropped: it is never stored here, and never logged. Like publication's
/// `DisclosureStages`, through the client ServiceKit made for the peer, with this service's
/// own token (its principal has role `service`).
struct IntakeParticulars: Sendable {
    /// How long intake has to answer: one case read.
    static let deadline: Duration = .seconds(10)

    /// The client for intake, nil when no address is configured.
    let client: RPCClient?
    /// This service's token and the request id.
    let metadata: Metadata

    /// The particulars of `reference`; `intakeUnanswered` when intake does not answer or refuses.
    func of(_ reference: CaseReference) async throws(RapidReviewError) -> IntakeAPI.OutcomeParticulars {
        guard let client else {
            throw .intakeUnanswered(RPCError(.unavailable, "no address configured (\(ServiceIdentity.intake.urlVariable))"))
        }
        do {
            return try await client.call(
                IntakeAPI.getOutcomeParticulars, IntakeAPI.CaseRequest(caseReference: reference), deadline: Self.deadline, metadata: metadata)
        } catch {
            throw .intakeUnanswered(error)
        }
    }
}
