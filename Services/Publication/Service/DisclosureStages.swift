import Contract
import RPC
import ServiceKit

/// The stages that hold people and answer `CheckDisclosure` (P4): intake (the child and the
/// family on every form) and review-management (the family members and practitioners the
/// review records). Both are asked at once, each with its own deadline, through the clients
/// ServiceKit made for the service's peers; a stage that does not answer fails the check.
struct DisclosureStages: Sendable {
    /// The stages asked, as the service's peers.
    static let asked: [ServiceIdentity] = [.intake, .reviewManagement]

    /// How long a stage has to answer: a whole report is scanned in well under a second.
    static let deadline: Duration = .seconds(20)

    /// A client per stage's name (ServiceContext.peers).
    let clients: [String: RPCClient]
    /// The service's own token (it calls as `publication`, which both stages name among the
    /// callers of their `CheckDisclosure`) and the request id.
    let metadata: Metadata

    /// Every stage's findings in `text`, by stage name in `asked` order; `disclosureCheckFailed`
    /// naming the first stage that did not answer or refused.
    func findings(_ reference: CaseReference, text: String) async throws(PublicationError) -> [(
        stage: String, findings: [DisclosureAPI.DisclosureFinding]
    )] {
        let request = DisclosureAPI.CheckDisclosureRequest(caseReference: reference, text: text)
        async let intake = ask(.intake, IntakeAPI.checkDisclosure, request)
        async let review = ask(.reviewManagement, ReviewManagementAPI.checkDisclosure, request)
        var answers: [(stage: String, findings: [DisclosureAPI.DisclosureFinding])] = []
        for (stage, answer) in [(ServiceIdentity.intake, await intake), (.reviewManagement, await review)] {
            switch answer {
            case .success(let response): answers.append((stage.name, response.findings))
            case .failure(let error): throw .disclosureCheckFailed(stage: stage.name, error: error)
            }
        }
        return answers
    }

    private func ask(
        _ stage: ServiceIdentity, _ method: Method<DisclosureAPI.CheckDisclosureRequest, DisclosureAPI.CheckDisclosureResponse>,
        _ request: DisclosureAPI.CheckDisclosureRequest
    ) async -> Result<DisclosureAPI.CheckDisclosureResponse, RPCError> {
        guard let client = clients[stage.name] else { return .failure(RPCError(.unavailable, "no address configured (\(stage.urlVariable))")) }
        do {
            return .success(try await client.call(method, request, deadline: Self.deadline, metadata: metadata))
        } catch {
            return .failure(error)
        }
    }
}
