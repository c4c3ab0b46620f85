import Contract
import RPC

/// `ListCases`' filters, checked and applied.
package struct CaseFilter: Sendable, Equatable {
    /// The largest `dueWithinWorkingDays` accepted: about a year of working days.
    package static let maxWorkingDays = 260

    /// Only cases at this stage.
    package var stage: CaseStage?
    /// Only cases with an overdue deadline.
    package var overdueOnly: Bool
    /// Only cases whose next deadline is due within this many working days.
    package var dueWithinWorkingDays: Int?

    /// The filter of `request`; INVALID_ARGUMENT naming the field when a value is out of range.
    package init(_ request: GatewayAPI.ListCasesRequest) throws(RPCError) {
        if let days = request.dueWithinWorkingDays, !(0...Self.maxWorkingDays).contains(days) {
            throw RPCError(.invalidArgument, "dueWithinWorkingDays: must be between 0 and \(Self.maxWorkingDays)")
        }
        stage = request.stage
        overdueOnly = request.overdueOnly ?? false
        dueWithinWorkingDays = request.dueWithinWorkingDays
    }

    /// True when `overview` passes every filter given. "Due within N working days" looks at the
    /// next deadline, overdue ones included: they are due already.
    package func accepts(_ overview: GatewayAPI.CaseOverview) -> Bool {
        if let stage, overview.stage != stage { return false }
        if overdueOnly && overview.urgency != .overdue { return false }
        if let days = dueWithinWorkingDays {
            guard let left = overview.nextDeadline?.workingDaysLeft, left <= days else { return false }
        }
        return true
    }
}
