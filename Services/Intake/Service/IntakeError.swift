import Contract
import RPC
import ServiceKit

/// Why intake refuses a call, in the domain's words. ServiceKit maps it to its RPC status
/// (`rpcError`); messages name the field path or the rule, never a child's or family member's
/// details.
enum IntakeError: DomainError, Equatable {
    /// A field is malformed, missing, inconsistent or in the future.
    case invalid(field: String, problem: String)
    /// No such case.
    case caseNotFound(CaseReference)
    /// Already done: the same agency asked or answered twice.
    case alreadyExists(field: String, problem: String)
    /// A step out of order or a framework rule broken.
    case precondition(rule: FrameworkRule, problem: String)
    /// The year's sequence of case references is used up.
    case referencesExhausted(year: Int)
    /// A timescale this code relies on gave no date: a defect, never the caller's fault
    /// (answered INTERNAL, logged by ServiceKit).
    case timescaleNotCounted(TimescaleRule)

    var rpcError: RPCError {
        switch self {
        case .invalid(let field, let problem): RPCError(.invalidArgument, "\(field): \(problem)")
        case .caseNotFound(let reference): RPCError(.notFound, "caseReference: no case \(reference)")
        case .alreadyExists(let field, let problem): RPCError(.alreadyExists, "\(field): \(problem)")
        case .precondition(let rule, let problem): RPCError(.failedPrecondition, "\(rule): \(problem)")
        case .referencesExhausted(let year): RPCError(.failedPrecondition, "case reference: the sequence of \(year) is exhausted")
        case .timescaleNotCounted: RPCError(.internal, "internal error")
        }
    }
}
