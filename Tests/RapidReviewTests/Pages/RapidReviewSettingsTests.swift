import Foundation
import ServiceKit
import Testing

@testable import RapidReviewService

@Suite("rapid-review's page settings")
struct RapidReviewSettingsTests {
    @Test("CSPR_DASHBOARD_URL and CSPR_RAPID_REVIEW_DRAFT_DAYS: unset, set, and a bad value naming its variable")
    func pageSettings() throws {
        let defaults = try RapidReviewSettings.load(environment: [:])
        #expect(defaults.dashboardURL == nil)
        #expect(defaults.draftLifetime == 30 * 24 * 3600)
        let set = try RapidReviewSettings.load(environment: ["CSPR_DASHBOARD_URL": "https://dashboard.example/", "CSPR_RAPID_REVIEW_DRAFT_DAYS": "7"])
        #expect(set.dashboardURL == "https://dashboard.example")
        #expect(set.draftLifetime == 7 * 24 * 3600)
        for (variable, value) in [
            ("CSPR_DASHBOARD_URL", "javascript:alert(1)"), ("CSPR_RAPID_REVIEW_DRAFT_DAYS", "0"), ("CSPR_RAPID_REVIEW_DRAFT_DAYS", "a month"),
        ] {
            #expect {
                try RapidReviewSettings.load(environment: [variable: value])
            } throws: { error in
                (error as? ConfigurationError)?.variable == variable
            }
        }
    }
}
