import Contract
import RPC
import ServiceKit

/// Why the review-management service refused a call, in the domain's words. Mapped to RPC
/// status codes in one place, `rpcError`, so every handler answers the same way.
package enum ReviewManagementError: DomainError, Equatable {
    /// No review has been commissioned for the case (rapid-review has not handed it over).
    case notCommissioned(CaseReference)
    /// A field is missing, empty or breaks a rule: INVALID_ARGUMENT naming the field's path,
    /// then the rule when one applies (`reason: V2: give the panel's reason ...`).
    case invalidField(path: String, rule: FrameworkRule?, problem: String)
    /// A step out of order, or one the review's state does not allow: FAILED_PRECONDITION
    /// starting with the rule id (`V1: the terms of reference lack ...`).
    case outOfOrder(rule: FrameworkRule, problem: String)
    /// A step out of the order a framework section sets where no rule id covers it:
    /// FAILED_PRECONDITION starting with the section (`§2.1.7: escalate to ... first`).
    case outOfSectionOrder(section: String, problem: String)

    /// The RPC error the caller gets.
    package var rpcError: RPCError {
        switch self {
        case .notCommissioned(let reference):
            return RPCError(.notFound, "caseReference: no review commissioned for \(reference); rapid-review commissions it with CommissionReview")
        case .invalidField(let path, let rule, let problem):
            return RPCError(.invalidArgument, rule.map { "\(path): \($0): \(problem)" } ?? "\(path): \(problem)")
        case .outOfOrder(let rule, let problem):
            return RPCError(.failedPrecondition, "\(rule): \(problem)")
        case .outOfSectionOrder(let section, let problem):
            return RPCError(.failedPrecondition, "\(section): \(problem)")
        }
    }
}
