import Contract
import ServiceKit

/// The case page's links to each stage's own pages for the case (issue 18, "Linked up"): they
/// hold its personal data, so they are served by the stage, which asks who is signed in there.
/// A stage is linked only once the case has reached it, with the roles that may open its pages.
enum StageLinks {
    /// The section for `overview`, given each stage's pages by the stage's name.
    static func render(_ overview: GatewayAPI.CaseOverview, pages: [String: String]) -> String {
        let escaped = HTML.escape(overview.reference.description)
        var items: [String] = []
        for stage in ServiceIdentity.stages where reached(overview, stage) {
            guard let url = pages[stage.name] else { continue }
            let base = HTML.escape(url)
            switch stage.stage {
            case .intake:
                items.append(
                    "On intake (partnership support): <a href=\"\(base)/scoping/\(escaped)\">scoping requests</a> · "
                        + "<a href=\"\(base)/letters/\(escaped)\">the letters</a> · <a href=\"\(base)/case-file/\(escaped)\">the case file</a>. "
                        + "Agencies: <a href=\"\(base)/returns/\(escaped)\">record a scoping return</a>.")
            case .rapidReview:
                items.append(
                    "On rapid-review (\(roles(RapidReviewAPI.getRapidReview.info.roles))): "
                        + "<a href=\"\(base)/rapid-reviews/\(escaped)\">the Rapid Review</a>.")
            case .review:
                items.append(
                    "On review-management (\(roles(ReviewManagementAPI.getReview.info.roles))): "
                        + "<a href=\"\(base)/reviews/\(escaped)\">the review</a>.")
            case .publication:
                items.append(
                    "On publication (\(roles(PublicationAPI.getPublication.info.roles))): "
                        + "<a href=\"\(base)/publications/\(escaped)\">the publication and its action plan</a>.")
            default: continue
            }
        }
        guard !items.isEmpty else { return "" }
        return "<h2>Work on this case</h2>\n<ul class=\"stage-links\">\n" + items.map { "<li>\($0)</li>\n" }.joined() + "</ul>\n"
    }

    /// The case has reached the stage: the stage reports it, or the case stands at that stage
    /// or a later one of the workflow (a closed case only where a stage reports it, since it
    /// may have closed at any stage).
    static func reached(_ overview: GatewayAPI.CaseOverview, _ stage: ServiceIdentity) -> Bool {
        if overview.reportedBy.contains(stage.name) { return true }
        guard let wanted = stage.stage, overview.stage != .closed,
            let at = CaseStage.allCases.firstIndex(of: overview.stage), let step = CaseStage.allCases.firstIndex(of: wanted)
        else { return false }
        return at >= step
    }

    /// The roles in words, in the contract's order: "case review panel, independent chair".
    static func roles(_ names: Set<String>) -> String {
        Role.allCases.filter { names.contains($0.rawValue) }.map { $0.rawValue.replacingOccurrences(of: "-", with: " ") }.joined(
            separator: ", ")
    }
}
