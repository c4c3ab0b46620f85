import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("RequestClarification and Ratify: the independent chair (R9)")
struct RatificationTests {
    @Test("R9: ratify needs an agreed recommendation; so does a request for clarification")
    func needsRecommendation() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(40)
            try await harness.prepare(reference, through: .meetingHeld)
            try await harness.expectRefused(reference, .failedPrecondition, "R9: ratify needs an agreed recommendation; none agreed yet") {
                try await harness.ratify(reference)
            }
            try await harness.expectRefused(reference, .failedPrecondition, "R9: clarification needs an agreed recommendation; none agreed yet") {
                try await harness.askClarification(reference, "Fictional question")
            }
        }
    }

    @Test("R9: a clarification round: the question is kept, the panel answers with a revised recommendation, the chair ratifies")
    func clarificationRound() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(41)
            try await harness.prepare(reference, through: .recommended)
            try await harness.expectRefused(reference, .invalidArgument, "question: R9:") { try await harness.askClarification(reference, " ") }
            let question = "Fictional: was a single-agency review considered for the school?"
            let asked = try await harness.askClarification(reference, question)
            #expect(asked.state == .clarificationRequested)
            #expect(asked.clarification.question == question)
            #expect(asked.clarification.requestedBy == "Alex.Chair")

            try await harness.expectRefused(
                reference, .failedPrecondition, "R9: ratify needs the panel's answer to the clarification asked on 2025-04-07"
            ) {
                try await harness.ratify(reference)
            }
            try await harness.expectRefused(reference, .failedPrecondition, "R9: the clarification asked on 2025-04-07 is still unanswered") {
                try await harness.askClarification(reference, "Fictional: a second question")
            }
            try await harness.expectRefused(reference, .invalidArgument, "answerToClarification: R9: the independent chair asked") {
                try await harness.agree(reference, Fixtures.decision(.alternativeLearningReview))
            }
            let answer = "Fictional: it was; an alternative learning review covers the school too"
            let revised = try await harness.agree(reference, Fixtures.decision(.alternativeLearningReview), answer: answer)
            #expect(revised.recommendation.version == 2)
            #expect(revised.state == .awaitingRatification)

            let ratified = try await harness.ratify(reference)
            #expect(ratified.ratification.recommendationVersion == 2)
            #expect(ratified.ratification.path == .reviewCommissioned)
            let rapidReview = try await harness.rapidReview(reference)
            #expect(rapidReview.clarifications.count == 1)
            #expect(rapidReview.clarifications.first?.question == question)
            #expect(rapidReview.clarifications.first?.answer == answer)
            #expect(rapidReview.recommendations.map(\.letter) == ["b", "c"])
            #expect(rapidReview.outcome?.decision?.recommendation == .alternativeLearningReview)
            let round = rapidReview.milestones.map(\.event).filter {
                $0.hasPrefix("recommendation") || $0.hasPrefix("clarification") || $0 == "ratified"
            }
            #expect(round == ["recommendationAgreed", "clarificationRequested", "recommendationRevised", "ratified"])
        }
    }

    @Test("R9: only the independent chair ratifies or asks for clarification")
    func chairOnly() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(42)
            try await harness.prepare(reference, through: .recommended)
            let ratify = await captureRPCError {
                _ = try await harness.call(RapidReviewAPI.ratify, .init(caseReference: reference), as: TestTokens.panel)
            }
            #expect(ratify?.code == .permissionDenied)
            let clarify = await captureRPCError {
                _ = try await harness.call(
                    RapidReviewAPI.requestClarification, .init(caseReference: reference, question: "q"), as: TestTokens.staff)
            }
            #expect(clarify?.code == .permissionDenied)
            #expect(try await harness.rapidReview(reference).state == .awaitingRatification)
        }
    }

    @Test("R9: a ratified recommendation can no longer change or be ratified again")
    func ratifiedIsFinal() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(43)
            try await harness.prepare(reference, through: .ratified)
            try await harness.expectRefused(reference, .failedPrecondition, "R9: already ratified on 2025-04-07") {
                try await harness.ratify(reference)
            }
            try await harness.expectRefused(reference, .failedPrecondition, "R9: the recommendation was ratified on 2025-04-07") {
                try await harness.agree(reference, Fixtures.decision(.noFurtherAction))
            }
            try await harness.expectRefused(reference, .failedPrecondition, "R9: the recommendation was ratified on 2025-04-07") {
                try await harness.askClarification(reference, "Fictional: too late")
            }
        }
    }

    @Test("R9: the chair's date of ratification may be given: not in the future, not before the recommendation was agreed")
    func ratificationDate() async throws {
        try await withHarness { harness in
            let reference = Fixtures.reference(95)
            try await harness.prepare(reference, through: .recommended, recommendation: .localReview)
            let today = Fixtures.date(TestDirectory.today)
            try await harness.expectRefused(reference, .invalidArgument, "ratifiedOn: R9: 2025-04-08 is in the future") {
                _ = try await harness.call(
                    RapidReviewAPI.ratify, .init(caseReference: reference, ratifiedOn: today.adding(days: 1)), as: TestTokens.chair)
            }
            try await harness.expectRefused(reference, .invalidArgument, "ratifiedOn: R9: 2025-04-04 is before the recommendation was agreed") {
                _ = try await harness.call(
                    RapidReviewAPI.ratify, .init(caseReference: reference, ratifiedOn: today.adding(days: -3)), as: TestTokens.chair)
            }
            let ratified = try await harness.call(RapidReviewAPI.ratify, .init(caseReference: reference, ratifiedOn: today), as: TestTokens.chair)
            #expect(ratified.ratification.ratifiedOn == today)
        }
    }
}
