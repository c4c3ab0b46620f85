import Contract
import RPC

/// `ListCases`' filters and page, checked and applied.
package struct CaseFilter: Sendable, Equatable {
    /// The largest `dueWithinWorkingDays` accepted: about a year of working days.
    package static let maxWorkingDays = 260

    /// Only cases at this stage.
    package var stage: CaseStage?
    /// Only cases with an overdue deadline.
    package var overdueOnly: Bool
    /// Only cases whose next deadline is due within this many working days.
    package var dueWithinWorkingDays: Int?
    /// At most this many cases on the page.
    package var pageSize: Int
    /// Matching cases passed over before the page.
    package var offset: Int

    /// The filter of `request`; INVALID_ARGUMENT naming the field when a value is out of range.
    package init(_ request: GatewayAPI.ListCasesRequest) throws(RPCError) {
        if let days = request.dueWithinWorkingDays, !(0...Self.maxWorkingDays).contains(days) {
            throw RPCError(.invalidArgument, "dueWithinWorkingDays: must be between 0 and \(Self.maxWorkingDays)")
        }
        let page = try ListPage(pageSize: request.pageSize, offset: request.offset)
        stage = request.stage
        overdueOnly = request.overdueOnly ?? false
        dueWithinWorkingDays = request.dueWithinWorkingDays
        pageSize = page.size
        offset = page.offset
    }
}
