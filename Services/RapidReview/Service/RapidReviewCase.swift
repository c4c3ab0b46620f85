import Contract
import WorkingDays

/// One Rapid Review as this service holds it: the facts recorded, in order. Its state is
/// derived from them, never stored, so it cannot disagree with them.
struct RapidReviewCase: Sendable, Equatable {
    /// intake's hand-over, as received.
    var opening: RapidReviewAPI.OpenRapidReviewRequest
    /// intake's updates applied since, oldest first (issue 15, item 1).
    var updates: [RapidReviewAPI.UpdateRapidReviewRequest] = []
    /// When the hand-over was applied.
    var openedOn: CivilDate
    /// Every scheduling of the meeting, oldest first.
    var schedule: [RapidReviewAPI.ScheduledMeeting] = []
    /// Every meeting recorded, oldest first.
    var meetings: [RapidReviewAPI.RecordedMeeting] = []
    /// Every recommendation agreed, oldest first.
    var recommendations: [RapidReviewAPI.AgreedRecommendation] = []
    /// Every request for clarification, oldest first (answers are on the recommendations).
    var clarifications: [RapidReviewAPI.Clarification] = []
    /// The independent chair's ratification.
    var ratification: RapidReviewAPI.Ratification?
    /// The submission to the National Panel.
    var submission: RapidReviewAPI.Submission?
    /// The immediate actions recorded as taken after the meeting (R4), oldest first.
    var actionsDone: [RapidReviewAPI.ActionDone] = []
    /// The recorded decisions extending T4-T6, oldest first.
    var extensions: [DeadlineExtension] = []
    /// Corrections of the quorate meeting's record, oldest first; `meetings` reads as corrected.
    var meetingCorrections: [RapidReviewAPI.MeetingCorrection] = []

    /// A Rapid Review just opened by `handOver`.
    init(handOver: RapidReviewAPI.OpenRapidReviewRequest, openedOn: CivilDate) {
        self.opening = handOver
        self.openedOn = openedOn
    }

    /// What the Rapid Review works from: the hand-over with intake's latest update applied
    /// (the anchors of T6, the documentation, the agencies asked, the referrer).
    var handOver: RapidReviewAPI.OpenRapidReviewRequest {
        guard let latest = updates.last else { return opening }
        var current = opening
        current.notifiedNationalPanel = latest.notifiedNationalPanel
        current.laBecameAware = latest.laBecameAware
        current.rapidReviewDue = latest.rapidReviewDue
        current.documentation = latest.documentation
        current.agenciesAsked = latest.agenciesAsked
        current.referringAgency = latest.referringAgency ?? opening.referringAgency
        return current
    }

    var reference: CaseReference { opening.caseReference }
    var ruleSet: RuleSet { opening.ruleSet }

    /// The scheduling in force.
    var currentSchedule: RapidReviewAPI.ScheduledMeeting? { schedule.last }

    /// The quorate meeting: the Rapid Review meeting proper (R1). There is at most one.
    var heldMeeting: RapidReviewAPI.RecordedMeeting? { meetings.first(where: \.quorate) }

    /// The recommendation in force.
    var currentRecommendation: RapidReviewAPI.AgreedRecommendation? { recommendations.last }

    /// The chair's question not yet answered by a revised recommendation (R9).
    var outstandingClarification: RapidReviewAPI.Clarification? {
        guard let last = clarifications.last, last.recommendationVersion == currentRecommendation?.version else { return nil }
        return last
    }

    /// Where the Rapid Review stands.
    var state: RapidReviewAPI.RapidReviewState {
        if submission != nil { return .submitted }
        if ratification != nil { return .ratified }
        if outstandingClarification != nil { return .clarificationRequested }
        if currentRecommendation != nil { return .awaitingRatification }
        if heldMeeting != nil { return .awaitingRecommendation }
        if let last = meetings.last, last.scheduleNumber == currentSchedule?.number { return .meetingNotQuorate }
        if currentSchedule != nil { return .meetingScheduled }
        return .opened
    }

    /// The case's stage in this service: the Rapid Review until its outcome is submitted to the
    /// National Panel (the Rapid Review is complete then), then a review when one was
    /// commissioned, closed otherwise.
    var stage: CaseStage {
        guard let ratification, submission != nil else { return .rapidReview }
        return ratification.path == .reviewCommissioned ? .review : .closed
    }

    /// Clarifications with the panel's answers filled in from the revised recommendations.
    var answeredClarifications: [RapidReviewAPI.Clarification] {
        clarifications.map { clarification in
            var answered = clarification
            if let revision = recommendations.first(where: { $0.version == clarification.recommendationVersion + 1 }) {
                answered.answer = revision.answerToClarification
                answered.answeredOn = revision.agreedOn
            }
            return answered
        }
    }

    /// Appendix 5's content: the quorate meeting, the recommendation in force, the submission.
    var outcome: RapidReviewOutcome? {
        guard let meeting = heldMeeting else { return nil }
        return RapidReviewOutcome(
            caseReference: reference, meeting: meeting.meeting, format: meeting.format, documentation: meeting.documentation,
            decision: currentRecommendation?.decision, submittedToNationalPanel: submission?.submittedToNationalPanel)
    }
}
