import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the rapid-review service's messages and its hand-over to
/// review-management, every field filled.
extension Samples {
    static let scheduled = RapidReviewAPI.ScheduledMeeting(
        number: 2, date: date("2025-04-11"), format: .telephone, outsideT4Window: true, afterT6Deadline: false,
        reason: "fictional: the panel chair was unavailable on the earlier date", scheduledOn: date("2025-03-26"), scheduledBy: "Pat.Support")

    static let scheduleMeeting = Pair(
        request: RapidReviewAPI.ScheduleMeetingRequest(
            caseReference: reference, date: date("2025-04-11"), format: .telephone, reason: "fictional: the panel chair was unavailable"),
        response: RapidReviewAPI.ScheduleMeetingResponse(
            caseReference: reference, meeting: scheduled,
            history: [
                RapidReviewAPI.ScheduledMeeting(
                    number: 1, date: date("2025-04-03"), format: .faceToFace, outsideT4Window: false, afterT6Deadline: false, reason: nil,
                    scheduledOn: date("2025-03-25"), scheduledBy: "Pat.Support")
            ],
            deadlines: [
                Deadline(rule: .t4, due: date("2025-04-10"), earliest: date("2025-04-02"), status: .open, ruleSet: .surrey2019),
                Deadline(rule: .t6, due: date("2025-04-14"), status: .open, ruleSet: .surrey2019),
            ]))

    static let recordedMeeting = RapidReviewAPI.RecordedMeeting(
        number: 1, scheduleNumber: 1, meeting: outcome.meeting, format: outcome.format, documentation: outcome.documentation, quorate: true,
        missingPartners: [],
        recordedOn: date("2025-04-03"), recordedBy: "Sam.Panel")

    static let recordMeeting = Pair(
        request: RapidReviewAPI.RecordMeetingRequest(
            caseReference: reference, meeting: outcome.meeting, format: .faceToFace, documentation: outcome.documentation),
        response: RapidReviewAPI.RecordMeetingResponse(
            caseReference: reference, meetingNumber: 1, quorate: false, missingPartners: [.police],
            deadlines: [Deadline(rule: .t4, due: date("2025-04-10"), earliest: date("2025-04-02"), status: .open, ruleSet: .surrey2019)]))

    static let agreed = RapidReviewAPI.AgreedRecommendation(
        version: 2, meetingNumber: 1,
        decision: RecommendationDecision(
            recommendation: .otherStatutoryReview, statement: "a Domestic Homicide Review", reasons: "fictional reasons",
            otherOptionsConsidered: "fictional: a local CSPR was considered", whyNoFurtherLearning: "fictional"),
        answerToClarification: "fictional answer", agreedOn: date("2025-04-04"), agreedBy: "Sam.Panel")

    static let agreeRecommendation = Pair(
        request: RapidReviewAPI.AgreeRecommendationRequest(
            caseReference: reference, decision: agreed.decision, answerToClarification: "fictional answer"),
        response: RapidReviewAPI.AgreeRecommendationResponse(
            caseReference: reference, recommendation: agreed, state: .awaitingRatification,
            deadlines: [Deadline(rule: .t5, due: date("2025-04-07"), status: .dueSoon, ruleSet: .surrey2019)]))

    static let clarification = RapidReviewAPI.Clarification(
        number: 1, recommendationVersion: 1, question: "fictional: which agencies were considered for a single-agency review?",
        requestedOn: date("2025-04-04"), requestedBy: "Alex.Chair", answer: "fictional answer", answeredOn: date("2025-04-04"))

    static let requestClarification = Pair(
        request: RapidReviewAPI.RequestClarificationRequest(caseReference: reference, question: clarification.question),
        response: RapidReviewAPI.RequestClarificationResponse(caseReference: reference, clarification: clarification, state: .clarificationRequested))

    static let ratification = RapidReviewAPI.Ratification(
        recommendationVersion: 2, ratifiedOn: date("2025-04-07"), ratifiedBy: "Alex.Chair", comments: "fictional comment", path: .referredElsewhere,
        referredTo: "DHR, SAR, MAPPA SFO or other: a Domestic Homicide Review", learningRecorded: "fictional learning")

    static let ratify = Pair(
        request: RapidReviewAPI.RatifyRequest(caseReference: reference, comments: "fictional comment"),
        response: RapidReviewAPI.RatifyResponse(
            caseReference: reference, ratification: ratification, stage: .closed,
            deadlines: [Deadline(rule: .t6, due: date("2025-04-14"), status: .open, ruleSet: .surrey2019)]))

    static let submission = RapidReviewAPI.Submission(
        submittedToNationalPanel: date("2025-04-07"),
        sharedWith: [
            RapidReviewAPI.OutcomeShared(agency: "Testtown Primary School", date: date("2025-04-07"), referrer: true),
            RapidReviewAPI.OutcomeShared(agency: "Testshire Integrated Care Board", date: date("2025-04-07")),
        ], late: false, t6Met: true, recordedOn: date("2025-04-07"), recordedBy: "Pat.Support")

    static let recordSubmission = Pair(
        request: RapidReviewAPI.RecordSubmissionRequest(
            caseReference: reference, submittedToNationalPanel: submission.submittedToNationalPanel, sharedWith: submission.sharedWith),
        response: RapidReviewAPI.RecordSubmissionResponse(
            caseReference: reference, submission: submission, complete: true,
            deadlines: [
                Deadline(rule: .t5, due: date("2025-04-07"), status: .met, metOn: date("2025-04-07"), ruleSet: .surrey2019),
                Deadline(rule: .t6, due: date("2025-04-14"), status: .met, metOn: date("2025-04-07"), ruleSet: .surrey2019),
            ]))

    static let outcomeDocument = Pair(
        request: RapidReviewAPI.GetOutcomeDocumentRequest(caseReference: reference, format: .markdown),
        response: RapidReviewAPI.OutcomeDocument(caseReference: reference, format: .markdown, document: "# Rapid Review Outcome Document\n"))

    static let rapidReview = RapidReviewAPI.RapidReview(
        caseReference: reference, state: .submitted, stage: .closed, handOver: openRapidReview, openedOn: date("2025-03-25"),
        schedule: scheduleMeeting.response.history, meetings: [recordedMeeting], recommendations: [agreed], clarifications: [clarification],
        ratification: ratification, submission: submission, outcome: outcome,
        milestones: [Milestone(event: "meetingHeld", date: date("2025-04-03"))],
        deadlines: [Deadline(rule: .t6, due: date("2025-04-14"), status: .met, metOn: date("2025-04-07"), ruleSet: .surrey2019)])

    static let listRapidReviews = Pair(
        request: RapidReviewAPI.ListRapidReviewsRequest(state: .awaitingRatification, overdueOnly: true),
        response: RapidReviewAPI.ListRapidReviewsResponse(rapidReviews: [
            RapidReviewAPI.RapidReviewSummary(
                caseReference: reference, state: .awaitingRatification, stage: .rapidReview, recommendation: .localReview,
                nextDeadline: Deadline(rule: .t5, due: date("2025-04-07"), status: .overdue, ruleSet: .surrey2019), overdue: true)
        ]))

    static let commissionReview = Pair(
        request: ReviewManagementAPI.CommissionReviewRequest(
            caseReference: reference, reviewKind: .localReview, decisionDate: date("2025-04-07"), criteria: [.multiAgencyWorking, .recurrentThemes],
            keyIssues: "fictional: information sharing", immediateLearning: "fictional learning", ruleSet: .surrey2019),
        response: ReviewManagementAPI.CommissionReviewResponse(caseReference: reference, commissioned: true))
}

extension Samples {
    /// Rapid-review's hand-over to intake: the meeting held, scoping closed (issue 15).
    static let rapidReviewMeetingHeld = Pair(
        request: IntakeAPI.RapidReviewMeetingHeldRequest(caseReference: reference, meetingDate: date("2025-04-03")),
        response: IntakeAPI.RapidReviewMeetingHeldResponse(caseReference: reference, recorded: true, notReturned: ["Testshire Police"]))
}

extension Samples {
    /// intake's update of the Rapid Review's copy after the open (issue 15, item 1).
    static let updateRapidReview = Pair(
        request: RapidReviewAPI.UpdateRapidReviewRequest(
            caseReference: reference, revision: 2, notifiedNationalPanel: date("2025-03-26"), laBecameAware: date("2025-03-21"),
            rapidReviewDue: date("2025-04-16"), documentation: ["referral", "LA notification", "scoping return: Testshire Police"],
            agenciesAsked: [Agency(name: "Testshire Police", kind: .police)], referringAgency: "Testtown Primary School"),
        response: RapidReviewAPI.UpdateRapidReviewResponse(caseReference: reference, applied: true))
}

extension Samples {
    /// A recorded decision extending T6 (issue 15, item 5); intake's T1-T3 use the same messages.
    static let recordExtension = Pair(
        request: RecordExtensionRequest(
            caseReference: reference, rule: .t6, newDue: date("2025-04-28"), reason: "Fictional: the police asked to delay",
            agreedOn: date("2025-04-07")),
        response: RecordExtensionResponse(
            caseReference: reference,
            decision: DeadlineExtension(
                rule: .t6, subject: nil, previousDue: date("2025-04-14"), newDue: date("2025-04-28"), reason: "Fictional: the police asked to delay",
                agreedOn: date("2025-04-07"), agreedBy: "Alex.Chair"),
            deadline: Deadline(rule: .t6, due: date("2025-04-28"), originalDue: date("2025-04-14"), status: .open, ruleSet: .surrey2019)))
}

extension Samples {
    /// An immediate action taken after the meeting (issue 15, item 11), one still open as an R4 deadline.
    static let recordActionDone = Pair(
        request: RapidReviewAPI.RecordActionDoneRequest(caseReference: reference, action: 1, doneOn: date("2025-04-04"), note: "Fictional: held"),
        response: RapidReviewAPI.RecordActionDoneResponse(
            caseReference: reference,
            recorded: RapidReviewAPI.ActionDone(
                action: 1, doneOn: date("2025-04-04"), note: "Fictional: held", recordedOn: date("2025-04-07"), recordedBy: "Pat.Support"),
            actions: [
                ActionItem(what: "strategy meeting", who: "Testshire Children's Services", byWhen: date("2025-04-04"), done: true),
                ActionItem(what: "refer to early help", who: "Testshire Police", byWhen: date("2025-04-11")),
            ],
            deadlines: [
                Deadline(rule: .r4, subject: "immediate action 2 by Testshire Police", due: date("2025-04-11"), status: .open, ruleSet: .surrey2019)
            ]))
}

/// A call's request and response, pinned together in one golden file.
struct Pair<Request: Codable & Equatable & Sendable, Response: Codable & Equatable & Sendable>: Codable, Equatable, Sendable {
    var request: Request
    var response: Response
}
