import Contract
import RPC
import ServiceKit

/// Why the rapid-review service refused a call, in the domain's words. Mapped to RPC status
/// codes in one place, `rpcError`, so every handler answers the same way.
package enum RapidReviewError: DomainError, Equatable {
    /// No Rapid Review has been opened for the case (intake has not handed it over).
    case notOpen(CaseReference)
    /// A field is missing, empty or breaks a rule: INVALID_ARGUMENT naming the field's path,
    /// then the rule when one applies (`decision.reasons: R8: give the reasons...`).
    case invalidField(path: String, rule: FrameworkRule?, problem: String)
    /// A step out of order, or one the case's state does not allow: FAILED_PRECONDITION
    /// starting with the rule id and naming the missing step (`R9: ratify needs an agreed
    /// recommendation; none agreed yet`).
    case outOfOrder(rule: FrameworkRule, problem: String)
    /// intake did not answer the check of the free text for the family's details (P4, issue
    /// 15, item 13), or refused it: nothing is recorded unchecked. UNAVAILABLE when it did not
    /// answer, FAILED_PRECONDITION when it refused; either way naming P4 and intake.
    case disclosureCheckFailed(RPCError)
    /// A timescale this code counts gave no date (its unit or anchor changed in the contract,
    /// e.g. to T8's "on event"): a defect, never the caller's fault.
    case timescaleNotCounted(TimescaleRule)
    /// intake did not answer, or refused, the outcome particulars a document needs: no
    /// document with blanks is rendered. UNAVAILABLE naming intake when it did not answer,
    /// FAILED_PRECONDITION when it refused (issue 15, item 12).
    case intakeUnanswered(RPCError)

    /// The RPC error the caller gets.
    package var rpcError: RPCError {
        switch self {
        case .notOpen(let reference):
            return RPCError(.notFound, "caseReference: no Rapid Review for \(reference); intake opens it with OpenRapidReview")
        case .invalidField(let path, let rule, let problem):
            return RPCError(.invalidArgument, rule.map { "\(path): \($0): \(problem)" } ?? "\(path): \(problem)")
        case .outOfOrder(let rule, let problem):
            return RPCError(.failedPrecondition, "\(rule): \(problem)")
        case .disclosureCheckFailed(let error):
            let unanswered: Set<RPCCode> = [.unavailable, .deadlineExceeded, .cancelled, .unknown, .internal]
            let (code, what) = unanswered.contains(error.code) ? (RPCCode.unavailable, "did not answer") : (.failedPrecondition, "refused")
            return RPCError(
                code,
                "P4: intake \(what) CheckDisclosure (\(error.code.name): \(error.message)); the free text is not checked and nothing was recorded")
        case .timescaleNotCounted:
            return RPCError(.internal, "internal error")
        case .intakeUnanswered(let error):
            let unanswered: Set<RPCCode> = [.unavailable, .deadlineExceeded, .cancelled, .unknown, .internal]
            let (code, what) = unanswered.contains(error.code) ? (RPCCode.unavailable, "did not answer") : (.failedPrecondition, "refused")
            return RPCError(
                code,
                "intake \(what) GetOutcomeParticulars (\(error.code.name): \(error.message)); the document needs the child's details intake holds and was not rendered"
            )
        }
    }
}
