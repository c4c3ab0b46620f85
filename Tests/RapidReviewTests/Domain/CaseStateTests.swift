import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `RapidReviewCase.state` and `stage`: derived from the facts recorded, never stored.
@Suite("RapidReviewCase: state and stage from the facts, on the domain type")
struct CaseStateTests {
    @Test(
        "R1-R10: each step moves the state; the stage leaves the Rapid Review only once submitted",
        arguments: [
            (Harness.Step.opened, RapidReviewAPI.RapidReviewState.opened, CaseStage.rapidReview),
            (.scheduled, .meetingScheduled, .rapidReview), (.meetingHeld, .awaitingRecommendation, .rapidReview),
            (.recommended, .awaitingRatification, .rapidReview), (.ratified, .ratified, .rapidReview), (.submitted, .submitted, .review),
        ])
    func steps(step: Harness.Step, state: RapidReviewAPI.RapidReviewState, stage: CaseStage) throws {
        let rapidReview = try CaseFixture.rapidReview(through: step)
        #expect(rapidReview.state == state)
        #expect(rapidReview.stage == stage)
    }

    @Test(
        "R9: once submitted, a commissioned review moves the case to review; any other path closes it",
        arguments: [
            (Recommendation.localReview, CaseStage.review), (.singleAgencyReview, .review), (.noFurtherAction, .closed),
            (.learningActedUpon, .closed), (.multiAgencyAudit, .closed), (.other, .closed),
        ])
    func stageAfterSubmission(recommendation: Recommendation, stage: CaseStage) throws {
        #expect(try CaseFixture.rapidReview(through: .submitted, recommendation: recommendation).stage == stage)
    }
}
