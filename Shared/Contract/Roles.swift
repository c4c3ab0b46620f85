/// The roles of DESIGN.md (Security). A token in the tokens file carries one or more.
package enum Role: String, WireEnum {
    case partnershipSupport = "partnership-support"
    case caseReviewPanel = "case-review-panel"
    case independentChair = "independent-chair"
    case reviewTeam = "review-team"
    case leadReviewer = "lead-reviewer"
    case agency = "agency"
    case board = "board"
    case publication = "publication"
    case panelViewer = "panel-viewer"
    case auditor = "auditor"
    /// The other stages' own calls (hand-overs, status fan-out, disclosure checks).
    case service = "service"
    /// Backup, integrity check, dead letters.
    case admin = "admin"
}

extension Set where Element == String {
    /// The wire names of `roles`, for method descriptors.
    package static func roles(_ roles: Role...) -> Set<String> { Set(roles.map(\.rawValue)) }
}
