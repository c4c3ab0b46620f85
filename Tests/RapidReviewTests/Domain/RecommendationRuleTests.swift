import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `agreeing(_:by:clock:)`: R1's consequence, R7 and R8 on the domain type.
@Suite("Agreeing the recommendation: R1, R7, R8, on the domain type")
struct RecommendationRuleTests {
    static let clock = CaseFixture.clock()

    static func request(_ rapidReview: RapidReviewCase, _ decision: RecommendationDecision) -> RapidReviewAPI.AgreeRecommendationRequest {
        .init(caseReference: rapidReview.reference, decision: decision)
    }

    @Test("R7, R8: each recommendation a-j, with what the form asks for it, is agreed and goes to the chair", arguments: Recommendation.allCases)
    func agreed(recommendation: Recommendation) throws {
        var rapidReview = try CaseFixture.rapidReview(through: .meetingHeld)
        let agreed = try rapidReview.agreeing(Self.request(rapidReview, Fixtures.decision(recommendation)), by: CaseFixture.panel, clock: Self.clock)
        #expect(agreed.version == 1)
        #expect(agreed.meetingNumber == 1)
        #expect(agreed.decision.recommendation == recommendation)
        #expect(agreed.answerToClarification == nil)
        #expect(agreed.agreedOn == Self.clock.today)
        rapidReview.recommendations.append(agreed)
        #expect(rapidReview.state == .awaitingRatification)
    }

    @Test(
        "R7, R8: a recommendation without its statement, reasons, other options or why no further learning is refused naming the field",
        arguments: [
            (
                Recommendation.otherStatutoryReview, Change<RecommendationDecision>("no statement") { $0.statement = nil }, "decision.statement",
                FrameworkRule.r7
            ),
            (.other, Change("a blank statement") { $0.statement = "  " }, "decision.statement", .r7),
            (.nationalReview, Change("no reasons") { $0.reasons = "" }, "decision.reasons", .r8),
            (.localReview, Change("blank reasons") { $0.reasons = " \n" }, "decision.reasons", .r8),
            (.noFurtherAction, Change("no reasons") { $0.reasons = "" }, "decision.reasons", .r8),
            (.alternativeLearningReview, Change("no other options") { $0.otherOptionsConsidered = nil }, "decision.otherOptionsConsidered", .r8),
            (.singleAgencyReview, Change("no other options") { $0.otherOptionsConsidered = " " }, "decision.otherOptionsConsidered", .r8),
            (.multiAgencyAudit, Change("no other options") { $0.otherOptionsConsidered = nil }, "decision.otherOptionsConsidered", .r8),
            (.singleAgencyAudit, Change("no other options") { $0.otherOptionsConsidered = nil }, "decision.otherOptionsConsidered", .r8),
            (.learningActedUpon, Change("no other options") { $0.otherOptionsConsidered = nil }, "decision.otherOptionsConsidered", .r8),
            (.noFurtherAction, Change("no other options") { $0.otherOptionsConsidered = nil }, "decision.otherOptionsConsidered", .r8),
            (.noFurtherAction, Change("not why no further learning") { $0.whyNoFurtherLearning = nil }, "decision.whyNoFurtherLearning", .r8),
            // R8 for i as for h (issue 15, item 9): acting on the learning found is a decision not to review.
            (.learningActedUpon, Change("not why no further learning") { $0.whyNoFurtherLearning = nil }, "decision.whyNoFurtherLearning", .r8),
            (.learningActedUpon, Change("a blank why no further learning") { $0.whyNoFurtherLearning = " " }, "decision.whyNoFurtherLearning", .r8),
        ])
    func refused(recommendation: Recommendation, change: Change<RecommendationDecision>, field: String, rule: FrameworkRule) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .meetingHeld)
        let decision = change.applied(to: Fixtures.decision(recommendation))
        let error = try #require(refusal { try rapidReview.agreeing(Self.request(rapidReview, decision), by: CaseFixture.panel, clock: Self.clock) })
        #expect(error.field == field)
        #expect(error.rule == rule)
    }

    @Test(
        // i left this list in issue 15 (item 9): it now needs why no further learning, like h (`refused`).
        "R8: a or b meets the CSPR criteria, so needs no other options; nor does any but h and i need why no further learning",
        arguments: [Recommendation.nationalReview, .localReview, .alternativeLearningReview, .other])
    func notAsked(recommendation: Recommendation) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .meetingHeld)
        var decision = Fixtures.decision(recommendation)
        decision.whyNoFurtherLearning = nil
        if !recommendation.isBelowCSPRThreshold { decision.otherOptionsConsidered = nil }
        #expect(refusal { try rapidReview.agreeing(Self.request(rapidReview, decision), by: CaseFixture.panel, clock: Self.clock) } == nil)
    }

    @Test(
        "R7: a or b needs criteria ticked (R5); i needs the meeting's immediate learning (R6)",
        arguments: [
            (Recommendation.nationalReview, Change<MeetingContent>("none of the above") { $0.criteria = [.noneOfTheAbove] }, true),
            (.localReview, Change("none of the above") { $0.criteria = [.noneOfTheAbove] }, true),
            (.alternativeLearningReview, Change("none of the above") { $0.criteria = [.noneOfTheAbove] }, false),
            (.noFurtherAction, Change("none of the above") { $0.criteria = [.noneOfTheAbove] }, false),
            (.learningActedUpon, Change("no immediate learning") { $0.discussion.immediateLearning = nil }, true),
            (.learningActedUpon, Change("blank immediate learning") { $0.discussion.immediateLearning = " " }, true),
            (.noFurtherAction, Change("no immediate learning") { $0.discussion.immediateLearning = nil }, false),
        ])
    func againstTheMeeting(recommendation: Recommendation, meeting change: Change<MeetingContent>, refused: Bool) throws {
        var rapidReview = try CaseFixture.rapidReview(through: .meetingHeld)
        rapidReview.meetings[0].meeting = change.applied(to: rapidReview.meetings[0].meeting)
        let error = refusal {
            try rapidReview.agreeing(Self.request(rapidReview, Fixtures.decision(recommendation)), by: CaseFixture.panel, clock: Self.clock)
        }
        #expect((error != nil) == refused)
        if refused {
            #expect(error?.isOutOfOrder == true)
            #expect(error?.rule == .r7)
        }
    }

    @Test("R1: no recommendation can be agreed at a meeting that was not quorate; the refusal names the partners missing")
    func notQuorate() throws {
        var rapidReview = try CaseFixture.rapidReview(through: .scheduled)
        rapidReview.meetings.append(
            try rapidReview.recordingMeeting(
                MeetingRuleTests.meeting(rapidReview, present: [.localAuthority, .other]), by: CaseFixture.panel, clock: Self.clock))
        let error = try #require(
            refusal { try rapidReview.agreeing(Self.request(rapidReview, Fixtures.decision(.localReview)), by: CaseFixture.panel, clock: Self.clock) }
        )
        #expect(error.isOutOfOrder)
        #expect(error.rule == .r1)
        #expect(error.message.hasPrefix("R1: the meeting of 2025-04-03 was not quorate (no police, health representative)"))
    }

    @Test(
        "R7, R9: a recommendation is agreed only after the meeting, once, and not after ratification",
        arguments: [(Harness.Step.opened, FrameworkRule.r7), (.scheduled, .r7), (.recommended, .r9), (.ratified, .r9), (.submitted, .r9)])
    func order(step: Harness.Step, rule: FrameworkRule) throws {
        let rapidReview = try CaseFixture.rapidReview(through: step)
        let error = try #require(
            refusal { try rapidReview.agreeing(Self.request(rapidReview, Fixtures.decision(.localReview)), by: CaseFixture.panel, clock: Self.clock) }
        )
        #expect(error.isOutOfOrder)
        #expect(error.rule == rule)
    }
}
