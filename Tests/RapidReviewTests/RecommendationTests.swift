import Contract
import Foundation
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("AgreeRecommendation: exactly one of a-j, with its statement and reasons (R7, R8)")
struct RecommendationTests {
    @Test("R7: a recommendation is agreed at a recorded meeting")
    func needsMeeting() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(30)
            try await harness.prepare(reference, through: .scheduled)
            try await harness.expectRefused(
                reference, .failedPrecondition, "R7: a recommendation is agreed at the Rapid Review meeting; no meeting recorded yet"
            ) {
                try await harness.agree(reference, Fixtures.decision(.localReview))
            }
        }
    }

    @Test(
        "R7: exactly one recommendation: none, an unknown letter or several are refused, naming the field",
        arguments: [
            ("{\"reasons\":\"r\"}", "decision.recommendation: is required but missing"),
            ("{\"recommendation\":\"k\",\"reasons\":\"r\"}", "decision.recommendation: expected one of nationalReview"),
            ("{\"recommendation\":[\"localReview\",\"noFurtherAction\"],\"reasons\":\"r\"}", "decision.recommendation: expected a string"),
        ])
    func exactlyOne(decision: String, refusal: String) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(31)
            try await harness.prepare(reference, through: .meetingHeld)
            let json = "{\"caseReference\":\"\(reference)\",\"decision\":\(decision)}"
            try await harness.expectRefused(reference, .invalidArgument, refusal) {
                _ = try await harness.client.callRaw(
                    path: RapidReviewAPI.agreeRecommendation.path, json: Data(json.utf8), deadline: .seconds(5), metadata: bearer(TestTokens.panel))
            }
        }
    }

    @Test("R7: d and j state which review or what else", arguments: [Recommendation.otherStatutoryReview, .other])
    func statement(recommendation: Recommendation) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(32)
            try await harness.prepare(reference, through: .meetingHeld)
            var decision = Fixtures.decision(recommendation)
            decision.statement = " "
            try await harness.expectRefused(reference, .invalidArgument, "decision.statement: R7: recommendation \(recommendation.letter)") {
                try await harness.agree(reference, decision)
            }
            decision.statement = "Fictional: a Safeguarding Adults Review"
            let agreed = try await harness.agree(reference, decision)
            #expect(agreed.recommendation.letter == String(recommendation.letter))
            #expect(agreed.state == .awaitingRatification)
        }
    }

    @Test("R8: reasons are always given", arguments: Recommendation.allCases)
    func reasons(recommendation: Recommendation) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(33)
            try await harness.prepare(reference, through: .meetingHeld)
            var decision = Fixtures.decision(recommendation)
            decision.reasons = ""
            try await harness.expectRefused(reference, .invalidArgument, "decision.reasons: R8:") { try await harness.agree(reference, decision) }
        }
    }

    @Test(
        "R8: below the CSPR threshold (c-j) the other review options considered are stated",
        arguments: Recommendation.allCases.filter(\.isBelowCSPRThreshold))
    func otherOptions(recommendation: Recommendation) async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(34)
            try await harness.prepare(reference, through: .meetingHeld)
            var decision = Fixtures.decision(recommendation)
            decision.otherOptionsConsidered = nil
            try await harness.expectRefused(reference, .invalidArgument, "decision.otherOptionsConsidered: R8:") {
                try await harness.agree(reference, decision)
            }
        }
    }

    @Test("R8: a decision not to proceed (h) explains why no further learning is to be gained")
    func noFurtherLearning() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(35)
            try await harness.prepare(reference, through: .meetingHeld)
            var decision = Fixtures.decision(.noFurtherAction)
            decision.whyNoFurtherLearning = nil
            try await harness.expectRefused(reference, .invalidArgument, "decision.whyNoFurtherLearning: R8:") {
                try await harness.agree(reference, decision)
            }
        }
    }

    @Test("R7: a or b, meeting the criteria for a CSPR, contradicts a meeting that ticked none of them (R5)")
    func criteriaAgree() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(36)
            try await harness.prepare(reference, through: .scheduled)
            var meeting = Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate)
            meeting.criteria = [.noneOfTheAbove]
            try await harness.record(meeting)
            try await harness.expectRefused(reference, .failedPrecondition, "R7: recommendation b (localReview) says the case meets the criteria") {
                try await harness.agree(reference, Fixtures.decision(.localReview))
            }
            try await harness.agree(reference, Fixtures.decision(.noFurtherAction))
        }
    }

    @Test("R7: i rests on the immediate learning the meeting recorded (R6)")
    func learningActedUpon() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(37)
            try await harness.prepare(reference, through: .scheduled)
            var meeting = Fixtures.meeting(reference, on: Fixtures.Scenario.onTime.meetingDate)
            meeting.discussion.immediateLearning = nil
            try await harness.record(meeting)
            try await harness.expectRefused(reference, .failedPrecondition, "R7: recommendation i (learningActedUpon)") {
                try await harness.agree(reference, Fixtures.decision(.learningActedUpon))
            }
        }
    }

    @Test("R9: the agreed recommendation is with the independent chair; the panel changes it only after a request for clarification")
    func withTheChair() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(38)
            try await harness.prepare(reference, through: .recommended)
            try await harness.expectRefused(reference, .failedPrecondition, "R9: recommendation b is with the independent chair") {
                try await harness.agree(reference, Fixtures.decision(.alternativeLearningReview))
            }
            let denied = await captureRPCError {
                _ = try await harness.call(
                    RapidReviewAPI.agreeRecommendation, .init(caseReference: reference, decision: Fixtures.decision(.localReview)),
                    as: TestTokens.chair)
            }
            #expect(denied?.code == .permissionDenied)
        }
    }
}
