import Contract
import Testing
import WorkingDays

@testable import RapidReviewService

/// `requestingClarification` and `ratifying`: R9 on the domain type.
@Suite("The independent chair: R9, on the domain type")
struct ChairDecisionTests {
    static let clock = CaseFixture.clock()

    static func ratify(_ rapidReview: RapidReviewCase, on date: String? = nil) -> RapidReviewAPI.RatifyRequest {
        .init(caseReference: rapidReview.reference, comments: " Fictional: endorsed ", ratifiedOn: date.map(Fixtures.date))
    }

    static func ask(_ rapidReview: RapidReviewCase, _ question: String = "Fictional: which agencies were considered?")
        -> RapidReviewAPI.RequestClarificationRequest
    {
        .init(caseReference: rapidReview.reference, question: question)
    }

    /// A recommended case with the chair's question outstanding.
    static func clarificationAsked() throws -> RapidReviewCase {
        var rapidReview = try CaseFixture.rapidReview(through: .recommended)
        rapidReview.clarifications.append(try rapidReview.requestingClarification(ask(rapidReview), by: CaseFixture.chair, clock: clock))
        return rapidReview
    }

    @Test(
        "R9: the chair ratifies only an agreed recommendation, once",
        arguments: [(Harness.Step.opened, false), (.scheduled, false), (.meetingHeld, false), (.recommended, true), (.ratified, false)])
    func ratifyOrder(step: Harness.Step, allowed: Bool) throws {
        let rapidReview = try CaseFixture.rapidReview(through: step)
        let error = refusal { try rapidReview.ratifying(Self.ratify(rapidReview), by: CaseFixture.chair, clock: Self.clock) }
        #expect((error == nil) == allowed)
        if !allowed {
            #expect(error?.isOutOfOrder == true)
            #expect(error?.rule == .r9)
        }
    }

    @Test(
        "R9: the chair asks for clarification only of an agreed recommendation not yet ratified",
        arguments: [(Harness.Step.opened, false), (.meetingHeld, false), (.recommended, true), (.ratified, false), (.submitted, false)])
    func clarificationOrder(step: Harness.Step, allowed: Bool) throws {
        let rapidReview = try CaseFixture.rapidReview(through: step)
        let error = refusal { try rapidReview.requestingClarification(Self.ask(rapidReview), by: CaseFixture.chair, clock: Self.clock) }
        #expect((error == nil) == allowed)
        if !allowed {
            #expect(error?.isOutOfOrder == true)
            #expect(error?.rule == .r9)
        }
    }

    @Test("R9: a clarification says what needs clarifying", arguments: ["", "   ", "\n"])
    func blankQuestion(question: String) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .recommended)
        let error = refusal { try rapidReview.requestingClarification(Self.ask(rapidReview, question), by: CaseFixture.chair, clock: Self.clock) }
        #expect(error?.field == "question")
        #expect(error?.rule == .r9)
    }

    @Test("R9: a clarification sends the recommendation back: no ratification, no second question, until the panel answers with a revision")
    func clarificationRound() throws {
        var rapidReview = try Self.clarificationAsked()
        #expect(rapidReview.state == .clarificationRequested)
        #expect(rapidReview.clarifications.first?.recommendationVersion == 1)
        let ratify = refusal { try rapidReview.ratifying(Self.ratify(rapidReview), by: CaseFixture.chair, clock: Self.clock) }
        #expect(ratify?.isOutOfOrder == true)
        #expect(ratify?.rule == .r9)
        let again = refusal { try rapidReview.requestingClarification(Self.ask(rapidReview), by: CaseFixture.chair, clock: Self.clock) }
        #expect(again?.isOutOfOrder == true)
        #expect(again?.rule == .r9)
        for answer in [nil, " "] as [String?] {
            let unanswered = refusal {
                try rapidReview.agreeing(
                    .init(caseReference: rapidReview.reference, decision: Fixtures.decision(.localReview), answerToClarification: answer),
                    by: CaseFixture.panel, clock: Self.clock)
            }
            #expect(unanswered?.field == "answerToClarification")
            #expect(unanswered?.rule == .r9)
        }
        let revised = try rapidReview.agreeing(
            .init(
                caseReference: rapidReview.reference, decision: Fixtures.decision(.alternativeLearningReview),
                answerToClarification: " Fictional: all four agencies "),
            by: CaseFixture.panel, clock: Self.clock)
        #expect(revised.version == 2)
        #expect(revised.answerToClarification == "Fictional: all four agencies")
        rapidReview.recommendations.append(revised)
        #expect(rapidReview.state == .awaitingRatification)
        #expect(rapidReview.answeredClarifications.map(\.answer) == ["Fictional: all four agencies"])
        let ratification = try rapidReview.ratifying(Self.ratify(rapidReview), by: CaseFixture.chair, clock: Self.clock)
        #expect(ratification.recommendationVersion == 2)
        #expect(ratification.comments == "Fictional: endorsed")
    }

    @Test(
        "R9: the ratification is dated between the recommendation's agreement and today",
        arguments: [("2025-04-02", false), ("2025-04-03", true), ("2025-04-07", true), ("2025-04-08", false)])
    func ratifiedOn(date: String, allowed: Bool) throws {
        // Agreed on the meeting's day, 3 April; today is 7 April.
        let rapidReview = try CaseFixture.rapidReview(through: .recommended)
        let error = refusal { try rapidReview.ratifying(Self.ratify(rapidReview, on: date), by: CaseFixture.chair, clock: Self.clock) }
        #expect((error == nil) == allowed)
        if !allowed {
            #expect(error?.field == "ratifiedOn")
            #expect(error?.rule == .r9)
        }
    }

    @Test(
        "R9: ratification sets the path: a review commissioned (a, b, c, e), closed with its learning (h, i), referred elsewhere (d, f, g, j)",
        arguments: [
            (Recommendation.nationalReview, RapidReviewAPI.OutcomePath.reviewCommissioned), (.localReview, .reviewCommissioned),
            (.alternativeLearningReview, .reviewCommissioned), (.singleAgencyReview, .reviewCommissioned), (.noFurtherAction, .closedWithLearning),
            (.learningActedUpon, .closedWithLearning), (.otherStatutoryReview, .referredElsewhere), (.multiAgencyAudit, .referredElsewhere),
            (.singleAgencyAudit, .referredElsewhere), (.other, .referredElsewhere),
        ])
    func path(recommendation: Recommendation, path: RapidReviewAPI.OutcomePath) throws {
        let rapidReview = try CaseFixture.rapidReview(through: .recommended, recommendation: recommendation)
        let ratification = try rapidReview.ratifying(Self.ratify(rapidReview), by: CaseFixture.chair, clock: Self.clock)
        #expect(ratification.path == path)
        #expect((ratification.referredTo != nil) == (path == .referredElsewhere))
        #expect((ratification.learningRecorded != nil) == (path == .closedWithLearning))
        let handOver = rapidReview.commissionReview(ratification)
        #expect((handOver != nil) == (path == .reviewCommissioned))
        #expect(handOver?.reviewKind == (path == .reviewCommissioned ? recommendation : nil))
        #expect(handOver?.decisionDate == (path == .reviewCommissioned ? ratification.ratifiedOn : nil))
        var ratified = rapidReview
        ratified.ratification = ratification
        #expect(ratified.state == .ratified)
        #expect(ratified.stage == .rapidReview, "the Rapid Review is complete only once submitted")
    }
}
