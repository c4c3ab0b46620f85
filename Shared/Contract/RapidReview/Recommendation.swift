import RPC
import WorkingDays

// MARK: - The recommendation and the chair's questions (R7-R9)

extension RapidReviewAPI {
    /// `AgreeRecommendation`'s request: exactly one of a-j with its statement and reasons
    /// (R7, R8). After a request for clarification (R9), `answerToClarification` is required.
    package struct AgreeRecommendationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The recommendation.
        package var decision: RecommendationDecision
        /// The panel's answer to the independent chair's question, when one is outstanding.
        package var answerToClarification: String?

        package init(caseReference: CaseReference, decision: RecommendationDecision, answerToClarification: String? = nil) {
            self.caseReference = caseReference
            self.decision = decision
            self.answerToClarification = answerToClarification
        }
    }

    /// A recommendation as agreed; a revision after clarification adds another.
    package struct AgreedRecommendation: Sendable, Equatable, Codable {
        /// 1 for the first, then 2, 3... after each clarification.
        package var version: Int
        /// The meeting it was agreed at.
        package var meetingNumber: Int
        /// The recommendation, its statement and reasons.
        package var decision: RecommendationDecision
        /// The form's letter, a-j.
        package var letter: String
        /// The answer to the clarification this version responds to.
        package var answerToClarification: String?
        /// When it was agreed.
        package var agreedOn: CivilDate
        /// Who recorded it.
        package var agreedBy: String

        package init(
            version: Int, meetingNumber: Int, decision: RecommendationDecision, answerToClarification: String?, agreedOn: CivilDate,
            agreedBy: String
        ) {
            self.version = version
            self.meetingNumber = meetingNumber
            self.decision = decision
            self.letter = String(decision.recommendation.letter)
            self.answerToClarification = answerToClarification
            self.agreedOn = agreedOn
            self.agreedBy = agreedBy
        }
    }

    /// The recommendation recorded and now with the independent chair.
    package struct AgreeRecommendationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version just agreed.
        package var recommendation: AgreedRecommendation
        /// `awaitingRatification`.
        package var state: RapidReviewState
        /// T5 and T6.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, recommendation: AgreedRecommendation, state: RapidReviewState, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.recommendation = recommendation
            self.state = state
            self.deadlines = deadlines
        }
    }

    /// `RequestClarification`'s request: the independent chair's question (R9).
    package struct RequestClarificationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What needs clarifying, or what more information is needed.
        package var question: String

        package init(caseReference: CaseReference, question: String) {
            self.caseReference = caseReference
            self.question = question
        }
    }

    /// A request for clarification and, once given, the panel's answer (R9).
    package struct Clarification: Sendable, Equatable, Codable {
        /// 1 for the first request, then 2, 3...
        package var number: Int
        /// The recommendation version it was asked about.
        package var recommendationVersion: Int
        /// The question.
        package var question: String
        /// When it was asked.
        package var requestedOn: CivilDate
        /// Who asked (the independent chair).
        package var requestedBy: String
        /// The panel's answer, with the revised recommendation.
        package var answer: String?
        /// When it was answered.
        package var answeredOn: CivilDate?

        package init(
            number: Int, recommendationVersion: Int, question: String, requestedOn: CivilDate, requestedBy: String, answer: String? = nil,
            answeredOn: CivilDate? = nil
        ) {
            self.number = number
            self.recommendationVersion = recommendationVersion
            self.question = question
            self.requestedOn = requestedOn
            self.requestedBy = requestedBy
            self.answer = answer
            self.answeredOn = answeredOn
        }
    }

    /// The question recorded; the review is back with the panel.
    package struct RequestClarificationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The request just recorded.
        package var clarification: Clarification
        /// `clarificationRequested`.
        package var state: RapidReviewState

        package init(caseReference: CaseReference, clarification: Clarification, state: RapidReviewState) {
            self.caseReference = caseReference
            self.clarification = clarification
            self.state = state
        }
    }
}
