import Contract
import RPC

/// Why intake refuses a call. Mapped to RPC codes in one place (`rpcError`); messages name
/// the field path or the rule, never a child's or family member's details.
enum IntakeError: Error, Equatable {
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

    var rpcError: RPCError {
        switch self {
        case .invalid(let field, let problem): RPCError(.invalidArgument, "\(field): \(problem)")
        case .caseNotFound(let reference): RPCError(.notFound, "caseReference: no case \(reference)")
        case .alreadyExists(let field, let problem): RPCError(.alreadyExists, "\(field): \(problem)")
        case .precondition(let rule, let problem): RPCError(.failedPrecondition, "\(rule): \(problem)")
        case .referencesExhausted(let year): RPCError(.failedPrecondition, "case reference: the sequence of \(year) is exhausted")
        }
    }
}

/// Runs a handler body, turning `IntakeError` into its `RPCError`.
func refusing<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch let error as IntakeError {
        throw error.rpcError
    }
}
