import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("AgreeRecommendation: exactly one of a-j, with its statement and reasons (R7, R8)")
struct RecommendationTests {
    static let meetingDate = Fixtures.Scenario.onTime.meetingDate

    /// Each former test of a decision refused, as a row: refused, naming the rule, changing nothing.
    static let refusedDecisions = stepRows + exactlyOneRows + statementRows + reasonsRows + otherOptionsRows + meetingRows

    static let stepRows: [RefusalCase] = [
        RefusalCase(
            "R7: a recommendation is agreed at a recorded meeting", 30, through: .scheduled,
            [
                .agree(
                    "R7: a recommendation is agreed at the Rapid Review meeting; no meeting recorded yet", code: .failedPrecondition,
                    Fixtures.decision(.localReview))
            ]),
        RefusalCase(
            "R9: the agreed recommendation is with the independent chair; the panel changes it only after a request for clarification", 38,
            through: .recommended,
            [
                .agree(
                    "R9: recommendation b is with the independent chair", code: .failedPrecondition, Fixtures.decision(.alternativeLearningReview)),
                .denied { harness, reference in
                    _ = try await harness.call(
                        RapidReviewAPI.agreeRecommendation, .init(caseReference: reference, decision: Fixtures.decision(.localReview)),
                        as: TestTokens.chair)
                },
            ]),
    ]

    static let exactlyOneRows: [RefusalCase] = [
        ("{\"reasons\":\"r\"}", "decision.recommendation: is required but missing"),
        ("{\"recommendation\":\"k\",\"reasons\":\"r\"}", "decision.recommendation: expected one of nationalReview"),
        ("{\"recommendation\":[\"localReview\",\"noFurtherAction\"],\"reasons\":\"r\"}", "decision.recommendation: expected a string"),
    ].map { decision, refusal in
        RefusalCase(
            "R7: exactly one recommendation: none, an unknown letter or several are refused, naming the field (\(refusal))", 31,
            through: .meetingHeld,
            [
                Refusal(.invalidArgument, refusal) { harness, reference in
                    let json = "{\"caseReference\":\"\(reference)\",\"decision\":\(decision)}"
                    _ = try await harness.client.callRaw(
                        path: RapidReviewAPI.agreeRecommendation.path, json: Data(json.utf8), deadline: .seconds(5),
                        metadata: bearer(TestTokens.panel))
                }
            ])
    }

    static let statementRows: [RefusalCase] = [Recommendation.otherStatutoryReview, .other].map { recommendation in
        var unstated = Fixtures.decision(recommendation)
        unstated.statement = " "
        return RefusalCase(
            "R7: d and j state which review or what else (\(recommendation))", 32, through: .meetingHeld,
            [.agree("decision.statement: R7: recommendation \(recommendation.letter)", unstated)],
            then: { [unstated] harness, reference in
                var stated = unstated
                stated.statement = "Fictional: a Safeguarding Adults Review"
                let agreed = try await harness.agree(reference, stated)
                #expect(agreed.recommendation.letter == String(recommendation.letter))
                #expect(agreed.state == .awaitingRatification)
            })
    }

    static let reasonsRows: [RefusalCase] = Recommendation.allCases.map { recommendation in
        var decision = Fixtures.decision(recommendation)
        decision.reasons = ""
        return RefusalCase("R8: reasons are always given (\(recommendation))", 33, through: .meetingHeld, [.agree("decision.reasons: R8:", decision)])
    }

    static let otherOptionsRows: [RefusalCase] =
        Recommendation.allCases.filter(\.isBelowCSPRThreshold).map { recommendation in
            var decision = Fixtures.decision(recommendation)
            decision.otherOptionsConsidered = nil
            return RefusalCase(
                "R8: below the CSPR threshold (c-j) the other review options considered are stated (\(recommendation))", 34, through: .meetingHeld,
                [.agree("decision.otherOptionsConsidered: R8:", decision)])
        } + [
            RefusalCase(
                "R8: a decision not to proceed (h) explains why no further learning is to be gained", 35, through: .meetingHeld,
                [.agree("decision.whyNoFurtherLearning: R8:", noFurtherLearningUnexplained)])
        ]

    static var noFurtherLearningUnexplained: RecommendationDecision {
        var decision = Fixtures.decision(.noFurtherAction)
        decision.whyNoFurtherLearning = nil
        return decision
    }

    /// A recommendation that contradicts what the meeting recorded (R5, R6) is refused.
    static let meetingRows: [RefusalCase] = [
        RefusalCase(
            "R7: a or b, meeting the criteria for a CSPR, contradicts a meeting that ticked none of them (R5)", 36, through: .scheduled,
            before: { harness, reference in
                var meeting = Fixtures.meeting(reference, on: meetingDate)
                meeting.criteria = [.noneOfTheAbove]
                try await harness.record(meeting)
            },
            [
                .agree(
                    "R7: recommendation b (localReview) says the case meets the criteria", code: .failedPrecondition, Fixtures.decision(.localReview))
            ],
            then: { harness, reference in try await harness.agree(reference, Fixtures.decision(.noFurtherAction)) }),
        RefusalCase(
            "R7: i rests on the immediate learning the meeting recorded (R6)", 37, through: .scheduled,
            before: { harness, reference in
                var meeting = Fixtures.meeting(reference, on: meetingDate)
                meeting.discussion.immediateLearning = nil
                try await harness.record(meeting)
            },
            [.agree("R7: recommendation i (learningActedUpon)", code: .failedPrecondition, Fixtures.decision(.learningActedUpon))]),
    ]

    @Test("R7-R9: a decision the rules refuse is refused, naming the rule, and changes nothing", arguments: refusedDecisions)
    func refusedDecision(_ row: RefusalCase) async throws { try await row.check() }
}
