import Contract
import RPC
import ServiceTestSupport
import TestSupport
import Testing
import WorkingDays

@Suite("RequestClarification and Ratify: the independent chair (R9)")
struct RatificationTests {
    @Test("R9: a clarification round: the question is kept, the panel answers with a revised recommendation, the chair ratifies")
    func clarificationRound() async throws {
        try await withCase(41, through: .recommended) { harness, reference in
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

    static let today = Fixtures.date(TestDirectory.today)

    /// Each former test of a step the chair's methods refuse, as a row: refused, naming the rule, changing nothing.
    static let refusedSteps: [RefusalCase] = [
        RefusalCase(
            "R9: ratify needs an agreed recommendation; so does a request for clarification", 40, through: .meetingHeld,
            [
                Refusal(.failedPrecondition, "R9: ratify needs an agreed recommendation; none agreed yet") { try await $0.ratify($1) },
                Refusal(.failedPrecondition, "R9: clarification needs an agreed recommendation; none agreed yet") {
                    try await $0.askClarification($1, "Fictional question")
                },
            ]),
        RefusalCase(
            "R9: only the independent chair ratifies or asks for clarification", 42, through: .recommended,
            [
                .denied { _ = try await $0.call(RapidReviewAPI.ratify, .init(caseReference: $1), as: TestTokens.panel) },
                .denied {
                    _ = try await $0.call(RapidReviewAPI.requestClarification, .init(caseReference: $1, question: "q"), as: TestTokens.staff)
                },
            ],
            then: { harness, reference in
                let state = try await harness.rapidReview(reference).state
                #expect(state == .awaitingRatification)
            }),
        RefusalCase(
            "R9: a ratified recommendation can no longer change or be ratified again", 43, through: .ratified,
            [
                Refusal(.failedPrecondition, "R9: already ratified on 2025-04-07") { try await $0.ratify($1) },
                .agree("R9: the recommendation was ratified on 2025-04-07", code: .failedPrecondition, Fixtures.decision(.noFurtherAction)),
                Refusal(.failedPrecondition, "R9: the recommendation was ratified on 2025-04-07") {
                    try await $0.askClarification($1, "Fictional: too late")
                },
            ]),
        RefusalCase(
            "R9: the chair's date of ratification may be given: not in the future, not before the recommendation was agreed", 95,
            through: .recommended,
            [
                Refusal(.invalidArgument, "ratifiedOn: R9: 2025-04-08 is in the future") {
                    _ = try await $0.call(RapidReviewAPI.ratify, .init(caseReference: $1, ratifiedOn: today.adding(days: 1)), as: TestTokens.chair)
                },
                Refusal(.invalidArgument, "ratifiedOn: R9: 2025-04-04 is before the recommendation was agreed") {
                    _ = try await $0.call(RapidReviewAPI.ratify, .init(caseReference: $1, ratifiedOn: today.adding(days: -3)), as: TestTokens.chair)
                },
            ],
            then: { harness, reference in
                let ratified = try await harness.call(RapidReviewAPI.ratify, .init(caseReference: reference, ratifiedOn: today), as: TestTokens.chair)
                #expect(ratified.ratification.ratifiedOn == today)
            }),
    ]

    @Test("R9: what the chair's steps refuse, naming the rule, changes nothing", arguments: refusedSteps)
    func refusedStep(_ row: RefusalCase) async throws { try await row.check() }
}
