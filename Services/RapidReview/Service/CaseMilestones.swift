import Contract
import WorkingDays

extension RapidReviewCase {
    /// The steps reached, in date order (the order they were recorded within a day).
    var milestones: [Milestone] {
        var reached = [
            Milestone(event: "referralReceived", date: handOver.referralReceived),
            Milestone(event: "rapidReviewOpened", date: openedOn),
        ]
        // In the order things happened: each scheduling, then the meetings held under it;
        // each recommendation, then the chair's question about it.
        for scheduling in schedule {
            reached.append(Milestone(event: scheduling.number == 1 ? "meetingScheduled" : "meetingRescheduled", date: scheduling.scheduledOn))
            for meeting in meetings where meeting.scheduleNumber == scheduling.number {
                reached.append(Milestone(event: meeting.quorate ? "meetingHeld" : "meetingNotQuorate", date: meeting.meetingDate))
            }
        }
        for recommendation in recommendations {
            reached.append(
                Milestone(event: recommendation.version == 1 ? "recommendationAgreed" : "recommendationRevised", date: recommendation.agreedOn))
            for clarification in clarifications where clarification.recommendationVersion == recommendation.version {
                reached.append(Milestone(event: "clarificationRequested", date: clarification.requestedOn))
            }
        }
        if let ratification {
            reached.append(Milestone(event: "ratified", date: ratification.ratifiedOn))
            reached.append(Milestone(event: ratification.path.rawValue, date: ratification.ratifiedOn))
        }
        if let submission {
            reached.append(Milestone(event: "submittedToNationalPanel", date: submission.submittedToNationalPanel))
            if let lastShared = submission.sharedWith.map(\.date).max() {
                reached.append(Milestone(event: "outcomeShared", date: lastShared))
            }
        }
        // Stable by date: steps of one day keep the order they were recorded in.
        return reached.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }.map(\.element)
    }

    /// The case as the gateway shows it: no personal data.
    func status(_ clock: CaseClock) -> CaseStatus {
        // R4's actions stay among the deadlines whatever the stage: a case closed with h or i
        // still has its immediate actions followed up.
        CaseStatus(
            reference: reference, stage: stage, milestones: milestones,
            deadlines: CaseDeadlines(rapidReview: self, clock: clock).all + actionDeadlines(clock))
    }

    /// The full view for `GetRapidReview`.
    func view(_ clock: CaseClock) -> RapidReviewAPI.RapidReview {
        var view = RapidReviewAPI.RapidReview(
            caseReference: reference, state: state, stage: stage, handOver: handOver, openedOn: openedOn, schedule: schedule, meetings: meetings,
            recommendations: recommendations, clarifications: answeredClarifications, ratification: ratification, submission: submission,
            outcome: outcome, milestones: milestones, deadlines: CaseDeadlines(rapidReview: self, clock: clock).all)
        view.actionsDone = actionsDone.isEmpty ? nil : actionsDone
        view.meetingCorrections = meetingCorrections.isEmpty ? nil : meetingCorrections
        return view
    }

    /// The summary for `ListRapidReviews`.
    func summary(_ clock: CaseClock) -> RapidReviewAPI.RapidReviewSummary {
        let status = status(clock)
        return RapidReviewAPI.RapidReviewSummary(
            caseReference: reference, state: state, stage: stage, recommendation: currentRecommendation?.decision.recommendation,
            nextDeadline: status.nextDeadline, overdue: status.deadlines.contains { $0.status == .overdue })
    }
}
