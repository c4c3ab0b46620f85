import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// Working Together 2023's analysis on the domain type (issue 15, item 12).
@Suite("Working Together 2023's analysis, on the domain type")
struct AnalysisRuleTests {
    @Test(
        "item 12, R8: the chair does not make final a wt-2023 outcome agreed without the analysis; surrey-2019 needs none",
        arguments: [(RuleSet.surrey2019, false), (.workingTogether2023, true)])
    func ratifyChecksAnalysis(ruleSet: RuleSet, refused: Bool) throws {
        // Agreed before the analysis was required: the rule set is the case's, set here after.
        var rapidReview = try CaseFixture.rapidReview(through: .recommended)
        rapidReview.opening.ruleSet = ruleSet
        let request = RapidReviewAPI.RatifyRequest(caseReference: rapidReview.reference)
        let error = refusal { try rapidReview.ratifying(request, by: CaseFixture.chair, clock: CaseFixture.clock()) }
        #expect((error != nil) == refused)
        if refused {
            #expect(error?.isOutOfOrder == true && error?.rule == .r8)
            #expect(error?.message.contains("decision.keyPracticeEpisodes is missing; ask the panel for it (RequestClarification)") == true)
            rapidReview.recommendations[0].decision.keyPracticeEpisodes = "Fictional: the strategy discussion"
            rapidReview.recommendations[0].decision.racismAndInequalities = "Fictional: the family's language needs"
            #expect(refusal { try rapidReview.ratifying(request, by: CaseFixture.chair, clock: CaseFixture.clock()) } == nil)
        }
    }
}
