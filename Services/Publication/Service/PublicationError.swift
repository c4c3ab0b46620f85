import Contract
import RPC
import ServiceKit

/// Why the publication service refused a call, in the domain's words. Mapped to RPC status
/// codes in one place, `rpcError`, so every handler answers the same way.
package enum PublicationError: DomainError, Equatable {
    /// No approved report has been handed over for the case (P1: planning starts only then).
    case notPrepared(CaseReference)
    /// A field is missing, empty or breaks a rule: INVALID_ARGUMENT naming the field's path,
    /// then the rule when one applies (`sentOn: P1: ...`).
    case invalidField(path: String, rule: FrameworkRule?, problem: String)
    /// A step the publication's state does not allow yet: FAILED_PRECONDITION starting with
    /// the rule id and saying what is missing (`T9: no advance copy of version 2 to ofsted`).
    case outOfOrder(rule: FrameworkRule, problem: String)
    /// A stage asked for the anonymisation check (P4) did not answer, or refused: the check
    /// fails, never "clean" by default, and nothing is recorded. UNAVAILABLE when it did not
    /// answer, FAILED_PRECONDITION when it refused; either way naming P4 and the stage.
    case disclosureCheckFailed(stage: String, error: RPCError)
    /// The case has no action plan item numbered so: NOT_FOUND naming `itemNumber`.
    case noActionPlanItem(Int)
    /// Neither a publication nor an action plan is held for the case: NOT_FOUND.
    case noActionPlan(CaseReference)

    /// The RPC error the caller gets.
    package var rpcError: RPCError {
        switch self {
        case .notPrepared(let reference):
            return RPCError(
                .notFound,
                "caseReference: P1: no approved report is held for \(reference); review-management hands it over with PreparePublication")
        case .invalidField(let path, let rule, let problem):
            return RPCError(.invalidArgument, rule.map { "\(path): \($0): \(problem)" } ?? "\(path): \(problem)")
        case .outOfOrder(let rule, let problem):
            return RPCError(.failedPrecondition, "\(rule): \(problem)")
        case .disclosureCheckFailed(let stage, let error):
            let unanswered: Set<RPCCode> = [.unavailable, .deadlineExceeded, .cancelled, .unknown, .internal]
            let (code, what) = unanswered.contains(error.code) ? (RPCCode.unavailable, "did not answer") : (.failedPrecondition, "refused")
            return RPCError(
                code,
                "P4: \(stage) \(what) CheckDisclosure (\(error.code.name): \(error.message)); the report is not checked and nothing was recorded")
        case .noActionPlanItem(let number):
            return RPCError(.notFound, "itemNumber: the action plan has no item \(number)")
        case .noActionPlan(let reference):
            return RPCError(.notFound, "caseReference: P6: no action plan or publication is held for \(reference); AddActionPlanItem starts one")
        }
    }
}
