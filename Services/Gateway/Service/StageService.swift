import Contract
import RPC

/// A stage service the gateway can ask for `GetStatuses`: its name (as in `CSPR_<NAME>_URL`),
/// its RPC service, and its place in the workflow.
package struct StageService: Sendable, Equatable, Hashable {
    /// `intake`, `rapid-review`, `review-management` or `publication`.
    package let name: String
    /// `cspr.intake.v1.Intake`, ...
    package let serviceName: String

    /// Its `GetStatuses` method.
    package var getStatuses: Method<GetStatusesRequest, GetStatusesResponse> { getStatusesMethod(of: serviceName) }

    /// The environment variable of its address, e.g. `CSPR_RAPID_REVIEW_URL`.
    package var urlVariable: String { "CSPR_\(name.uppercased().replacingOccurrences(of: "-", with: "_"))_URL" }

    /// The four stages, in the order of the workflow (DESIGN.md, Hand-overs between stages).
    /// When two stages report the same rule, the later one's deadlines win.
    package static let all = [
        StageService(name: "intake", serviceName: ServiceName.intake),
        StageService(name: "rapid-review", serviceName: ServiceName.rapidReview),
        StageService(name: "review-management", serviceName: ServiceName.reviewManagement),
        StageService(name: "publication", serviceName: ServiceName.publication),
    ]

    /// The stages asked when `CSPR_GATEWAY_STAGES` is not set: those that exist today.
    package static let defaultNames = ["intake", "rapid-review"]

    /// The stage named `name`, if there is one.
    package static func named(_ name: String) -> StageService? { all.first { $0.name == name } }

    /// Its place in the workflow (0 for intake).
    package var order: Int { Self.all.firstIndex(of: self) ?? Self.all.count }
}
