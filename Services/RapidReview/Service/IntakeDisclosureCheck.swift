import Contract
import RPC
import ServiceKit

/// intake's `CheckDisclosure` (P4) asked about rapid-review's free text before it is stored,
/// and about what `CommissionReview` forwards before it is forwarded (issue 15, item 13).
/// intake holds the family's details; this service never does. It calls as itself, one of the
/// callers intake's method names, through the client ServiceKit made for its peer intake.
struct IntakeDisclosureCheck: Sendable {
    /// How long intake has to answer: a meeting's text is scanned in well under a second.
    static let deadline: Duration = .seconds(10)

    /// The client for intake; nil when no address is configured.
    let client: RPCClient?
    /// Metadata for a call to intake: the service's own token and the request id.
    let metadata: @Sendable (_ requestID: String?) -> Metadata

    /// The check of `context`'s peer intake.
    init(context: ServiceContext) {
        client = context.peers[ServiceIdentity.intake.name]
        metadata = { context.peerMetadata(requestID: $0) }
    }

    /// Returns when intake finds none of the family's details in `text`; otherwise refuses:
    /// FAILED_PRECONDITION `P4:` with each finding's field and position, or
    /// `disclosureCheckFailed` when intake does not answer or refuses the check.
    func check(_ reference: CaseReference, _ text: FreeText, call: CallContext) async throws(RapidReviewError) {
        guard !text.isEmpty else { return }
        guard let client else {
            throw .disclosureCheckFailed(RPCError(.unavailable, "no address configured (\(ServiceIdentity.intake.urlVariable))"))
        }
        let response: DisclosureAPI.CheckDisclosureResponse
        do {
            response = try await client.call(
                IntakeAPI.checkDisclosure, .init(caseReference: reference, text: text.text), deadline: Self.deadline,
                metadata: metadata(call.requestID))
        } catch {
            throw .disclosureCheckFailed(error)
        }
        guard response.findings.isEmpty else { throw FreeText.refusal(response.findings.map(text.place)) }
    }
}
