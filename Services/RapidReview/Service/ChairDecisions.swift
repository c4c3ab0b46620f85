import Contract
import WorkingDays

extension RapidReviewCase {
    /// The independent chair asks for clarification or more information: the recommendation
    /// goes back to the panel, and the question is kept (R9).
    func requestingClarification(_ request: RapidReviewAPI.RequestClarificationRequest, by principal: String, clock: CaseClock)
        throws(RapidReviewError) -> RapidReviewAPI.Clarification
    {
        if let ratification {
            throw .outOfOrder(rule: .r9, problem: "the recommendation was ratified on \(ratification.ratifiedOn); there is nothing to clarify")
        }
        guard let current = currentRecommendation else {
            throw .outOfOrder(rule: .r9, problem: "clarification needs an agreed recommendation; none agreed yet (AgreeRecommendation)")
        }
        if let outstanding = outstandingClarification {
            throw .outOfOrder(
                rule: .r9, problem: "the clarification asked on \(outstanding.requestedOn) is still unanswered: \"\(outstanding.question)\"")
        }
        guard !request.question.isBlank else {
            throw .invalidField(path: "question", rule: .r9, problem: "say what needs clarifying, or what more information is needed")
        }
        return RapidReviewAPI.Clarification(
            number: clarifications.count + 1, recommendationVersion: current.version, question: request.question.trimmed,
            requestedOn: clock.today, requestedBy: principal)
    }

    /// The independent chair ratifies the recommendation in force (R9, §4.6.3). The path it
    /// sets: a review commissioned (a, b, c, e), the case closed with its learning (h, i), or
    /// referred to another process and closed here (d, f, g, j).
    func ratifying(_ request: RapidReviewAPI.RatifyRequest, by principal: String, clock: CaseClock) throws(RapidReviewError)
        -> RapidReviewAPI.Ratification
    {
        if let ratification {
            throw .outOfOrder(rule: .r9, problem: "already ratified on \(ratification.ratifiedOn)")
        }
        guard let current = currentRecommendation, let meeting = heldMeeting else {
            throw .outOfOrder(rule: .r9, problem: "ratify needs an agreed recommendation; none agreed yet")
        }
        if let outstanding = outstandingClarification {
            throw .outOfOrder(
                rule: .r9, problem: "ratify needs the panel's answer to the clarification asked on \(outstanding.requestedOn); none given yet")
        }
        let decision = current.decision
        // The ratification makes the outcome final: a wt-2023 decision agreed without the
        // analysis (before it was required) goes back to the panel first.
        try RecommendationRules.checkAnalysis(
            decision, ruleSet: ruleSet, remedy: "ask the panel for it (RequestClarification), then ratify the recommendation it agrees")
        let path = RapidReviewAPI.OutcomePath(decision.recommendation)
        var referredTo: String?
        var learning: String?
        switch path {
        case .reviewCommissioned:
            break
        case .closedWithLearning:
            var parts = [meeting.discussion.immediateLearning.map { "Immediate learning: \($0.trimmed)" } ?? "Immediate learning: none identified"]
            if let shared = meeting.discussion.learningSharedBy, !shared.isBlank { parts.append("Shared and implemented by: \(shared.trimmed)") }
            if let why = decision.whyNoFurtherLearning, !why.isBlank { parts.append("No further learning to be gained: \(why.trimmed)") }
            learning = parts.joined(separator: "\n")
        case .referredElsewhere:
            referredTo = Self.otherProcess(decision)
        }
        let comments = request.comments?.trimmed
        let ratifiedOn = request.ratifiedOn ?? clock.today
        if ratifiedOn > clock.today {
            throw .invalidField(path: "ratifiedOn", rule: .r9, problem: "\(ratifiedOn) is in the future (today is \(clock.today))")
        }
        if ratifiedOn < current.agreedOn {
            throw .invalidField(
                path: "ratifiedOn", rule: .r9, problem: "\(ratifiedOn) is before the recommendation was agreed (\(current.agreedOn))")
        }
        return RapidReviewAPI.Ratification(
            recommendationVersion: current.version, ratifiedOn: ratifiedOn, ratifiedBy: principal, comments: comments.isBlank ? nil : comments,
            path: path, referredTo: referredTo, learningRecorded: learning)
    }

    /// The hand-over to review-management for a commissioned review (a, b, c, e).
    func commissionReview(_ ratification: RapidReviewAPI.Ratification) -> ReviewManagementAPI.CommissionReviewRequest? {
        guard ratification.path == .reviewCommissioned, let decision = currentRecommendation?.decision, let meeting = heldMeeting else { return nil }
        let learning = meeting.discussion.immediateLearning?.trimmed
        return ReviewManagementAPI.CommissionReviewRequest(
            caseReference: reference, reviewKind: decision.recommendation, decisionDate: ratification.ratifiedOn, criteria: meeting.criteria,
            keyIssues: meeting.discussion.keyIssues, immediateLearning: learning.isBlank ? nil : learning, ruleSet: ruleSet)
    }

    /// d, f, g, j: the other process, as the form words it, with the panel's statement.
    private static func otherProcess(_ decision: RecommendationDecision) -> String {
        let process: String
        switch decision.recommendation {
        case .otherStatutoryReview: process = "DHR, SAR, MAPPA SFO or other"
        case .multiAgencyAudit: process = "Multi-Agency Audit"
        case .singleAgencyAudit: process = "Single Agency Audit"
        default: process = "Other"
        }
        guard let statement = decision.statement, !statement.isBlank else { return process }
        return "\(process): \(statement.trimmed)"
    }
}
