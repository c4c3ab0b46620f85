import Contract
import WorkingDays

extension RapidReviewCase {
    /// Agrees the recommendation at the quorate meeting (R1, R7, R8). It then waits for the
    /// independent chair; it changes again only to answer a request for clarification (R9).
    func agreeing(_ request: RapidReviewAPI.AgreeRecommendationRequest, by principal: String, clock: CaseClock) throws(RapidReviewError)
        -> RapidReviewAPI.AgreedRecommendation
    {
        if let ratification {
            throw .outOfOrder(rule: .r9, problem: "the recommendation was ratified on \(ratification.ratifiedOn); it can no longer change")
        }
        guard let meeting = heldMeeting else {
            if let last = meetings.last {
                let missing = last.missingPartners.map(\.rawValue).joined(separator: ", ")
                throw .outOfOrder(
                    rule: .r1,
                    problem:
                        "the meeting of \(last.meetingDate) was not quorate (no \(missing) representative); no recommendation can be agreed at it: hold a quorate meeting (ScheduleMeeting, RecordMeeting)"
                )
            }
            throw .outOfOrder(rule: .r7, problem: "a recommendation is agreed at the Rapid Review meeting; no meeting recorded yet (RecordMeeting)")
        }
        let clarification = outstandingClarification
        if let current = currentRecommendation, clarification == nil {
            throw .outOfOrder(
                rule: .r9,
                problem:
                    "recommendation \(current.letter) is with the independent chair for ratification; it changes only after a request for clarification"
            )
        }
        if let clarification, request.answerToClarification.isBlank {
            throw .invalidField(
                path: "answerToClarification", rule: .r9,
                problem: "the independent chair asked \"\(clarification.question)\"; answer it with the revised recommendation")
        }
        try RecommendationRules.check(request.decision, criteria: meeting.criteria, immediateLearning: meeting.discussion.immediateLearning)
        try RecommendationRules.checkAnalysis(request.decision, ruleSet: ruleSet)
        return RapidReviewAPI.AgreedRecommendation(
            version: recommendations.count + 1, meetingNumber: meeting.number, decision: request.decision,
            answerToClarification: clarification == nil ? nil : request.answerToClarification?.trimmed, agreedOn: clock.today, agreedBy: principal)
    }
}

/// The content rules of the recommendation, R7 and R8 (Appendix 5 §3, §1.4.5).
enum RecommendationRules {
    /// Working Together 2023 adds to the Rapid Review an analysis of key practice episodes and
    /// of how racism and other inequalities influenced the child's experience and the practice
    /// (RULES.md): required for a case under `wt-2023` when the outcome is agreed, which is
    /// what the chair ratifies; optional under `surrey-2019`. FAILED_PRECONDITION because the
    /// case's rule set, not the request alone, decides it.
    /// - Parameter remedy: what to do about it, at the step that refuses.
    static func checkAnalysis(
        _ decision: RecommendationDecision, ruleSet: RuleSet, remedy: String = "agree the recommendation with it"
    ) throws(RapidReviewError) {
        guard ruleSet == .workingTogether2023 else { return }
        let required: [(field: String, value: String?, what: String)] = [
            ("decision.keyPracticeEpisodes", decision.keyPracticeEpisodes, "an analysis of key practice episodes"),
            (
                "decision.racismAndInequalities", decision.racismAndInequalities,
                "an analysis of how racism and other inequalities influenced the child's experience and the practice"
            ),
        ]
        if let missing = required.first(where: { $0.value.isBlank }) {
            throw .outOfOrder(
                rule: .r8,
                problem:
                    "the case follows wt-2023 (Working Together 2023), whose Rapid Review has \(missing.what): \(missing.field) is missing; \(remedy)"
            )
        }
    }

    /// R7: d and j state which review or what else; a and b agree with the criteria ticked.
    /// R8: reasons always; other options considered below the CSPR threshold (c-j); for a
    /// decision not to proceed with a review, h or i, why no further learning is to be gained
    /// (Appendix 5 §3: i acts on the learning found, and says why no review would add to it).
    /// i also needs the learning the meeting identified.
    static func check(_ decision: RecommendationDecision, criteria: [Criterion], immediateLearning: String?) throws(RapidReviewError) {
        let recommendation = decision.recommendation
        let named = "\(recommendation.letter) (\(recommendation.rawValue))"
        if recommendation.needsStatement && decision.statement.isBlank {
            let what = recommendation == .otherStatutoryReview ? "which review: DHR, SAR, MAPPA SFO or other" : "what is recommended"
            throw .invalidField(path: "decision.statement", rule: .r7, problem: "recommendation \(named) needs a statement of \(what)")
        }
        if decision.reasons.isBlank {
            throw .invalidField(
                path: "decision.reasons", rule: .r8,
                problem: "give the reasons for the recommendation, including the potential for additional learning")
        }
        if recommendation.isBelowCSPRThreshold && decision.otherOptionsConsidered.isBlank {
            throw .invalidField(
                path: "decision.otherOptionsConsidered", rule: .r8,
                problem:
                    "recommendation \(named) means the case does not meet the criteria for a CSPR: say which other review options were considered")
        }
        if recommendation.isDecisionNotToProceed && decision.whyNoFurtherLearning.isBlank {
            throw .invalidField(
                path: "decision.whyNoFurtherLearning", rule: .r8,
                problem: "a decision not to proceed (\(named)) explains why no further learning is to be gained")
        }
        if !recommendation.isBelowCSPRThreshold && criteria.contains(.noneOfTheAbove) {
            throw .outOfOrder(
                rule: .r7,
                problem: "recommendation \(named) says the case meets the criteria for a CSPR, but the meeting ticked none of the criteria (R5)")
        }
        if recommendation == .learningActedUpon && immediateLearning.isBlank {
            throw .outOfOrder(
                rule: .r7,
                problem: "recommendation \(named) rests on learning identified and acted upon; the meeting recorded no immediate learning (R6)")
        }
    }
}
