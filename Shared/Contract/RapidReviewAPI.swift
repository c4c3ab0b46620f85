import RPC
import WorkingDays

/// `cspr.rapidreview.v1.RapidReview`: the Rapid Review (framework §4.2, §4.6-4.7, Appendix 5):
/// the hand-over from intake, the meeting, the recommendation, its ratification by the
/// independent chair and the submission to the National Panel.
package enum RapidReviewAPI {
    /// The hand-over from intake (outbox, applied once per idempotency key): what the Rapid
    /// Review needs to start, and no personal data beyond what R3 requires (none: the case
    /// file stays with intake and is read from there by the roles allowed).
    package struct OpenRapidReviewRequest: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// When the referral (or notification) was received: the anchor of T4 and T6.
        package var referralReceived: CivilDate
        /// When the National Panel was notified, if it was (T6 under wt-2023).
        package var notifiedNationalPanel: CivilDate?
        /// T4's window: the meeting is held between these dates.
        package var meetingEarliest: CivilDate
        package var meetingLatest: CivilDate
        /// T6's due date.
        package var rapidReviewDue: CivilDate
        /// The rule set the dates were computed with.
        package var ruleSet: RuleSet
        /// The documentation available so far (R3): "referral", "LA notification",
        /// "scoping return: <agency>".
        package var documentation: [String]
        /// The agencies asked for scoping, by name and partner kind (for R2 omissions).
        package var agenciesAsked: [Agency]
        /// What happened (death or serious harm) and when, without the child's details.
        package var incidentKind: IncidentKind
        package var incidentDate: CivilDate

        package init(
            caseReference: CaseReference, referralReceived: CivilDate, notifiedNationalPanel: CivilDate?, meetingEarliest: CivilDate,
            meetingLatest: CivilDate, rapidReviewDue: CivilDate, ruleSet: RuleSet, documentation: [String], agenciesAsked: [Agency],
            incidentKind: IncidentKind, incidentDate: CivilDate
        ) {
            self.caseReference = caseReference
            self.referralReceived = referralReceived
            self.notifiedNationalPanel = notifiedNationalPanel
            self.meetingEarliest = meetingEarliest
            self.meetingLatest = meetingLatest
            self.rapidReviewDue = rapidReviewDue
            self.ruleSet = ruleSet
            self.documentation = documentation
            self.agenciesAsked = agenciesAsked
            self.incidentKind = incidentKind
            self.incidentDate = incidentDate
        }
    }

    /// Whether the hand-over opened the Rapid Review (a replay answers the first reply).
    package struct OpenRapidReviewResponse: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var opened: Bool
        package init(caseReference: CaseReference, opened: Bool) {
            self.caseReference = caseReference
            self.opened = opened
        }
    }

}

// MARK: - Scheduling the meeting (T4, T6)

extension RapidReviewAPI {
    /// `ScheduleMeeting`'s request: the meeting's date and format (§4.4.2). A date outside the
    /// T4 window, or after the T6 deadline, needs `reason`.
    package struct ScheduleMeetingRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The meeting's date.
        package var date: CivilDate
        /// Face to face (ideally) or by telephone (Appendix 5).
        package var format: MeetingFormat
        /// Why the date is outside the T4 window or after the T6 deadline; required then.
        package var reason: String?

        package init(caseReference: CaseReference, date: CivilDate, format: MeetingFormat, reason: String? = nil) {
            self.caseReference = caseReference
            self.date = date
            self.format = format
            self.reason = reason
        }
    }

    /// One scheduling of the meeting; rescheduling adds another and keeps this one.
    package struct ScheduledMeeting: Sendable, Equatable, Codable {
        /// 1 for the first scheduling, then 2, 3...
        package var number: Int
        /// The meeting's date.
        package var date: CivilDate
        /// Face to face or by telephone.
        package var format: MeetingFormat
        /// True when the date is not a working day 7-13 working days after the referral (T4).
        package var outsideT4Window: Bool
        /// True when the date is after the T6 deadline.
        package var afterT6Deadline: Bool
        /// The recorded reason, when the date needed one.
        package var reason: String?
        /// When it was scheduled.
        package var scheduledOn: CivilDate
        /// Who scheduled it (a principal of the tokens file).
        package var scheduledBy: String

        package init(
            number: Int, date: CivilDate, format: MeetingFormat, outsideT4Window: Bool, afterT6Deadline: Bool, reason: String?,
            scheduledOn: CivilDate, scheduledBy: String
        ) {
            self.number = number
            self.date = date
            self.format = format
            self.outsideT4Window = outsideT4Window
            self.afterT6Deadline = afterT6Deadline
            self.reason = reason
            self.scheduledOn = scheduledOn
            self.scheduledBy = scheduledBy
        }
    }

    /// The meeting as scheduled now, the earlier schedulings, and T4 and T6.
    package struct ScheduleMeetingResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The scheduling just recorded.
        package var meeting: ScheduledMeeting
        /// Earlier schedulings, oldest first.
        package var history: [ScheduledMeeting]
        /// T4 (the meeting window) and T6 (the Rapid Review complete).
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, meeting: ScheduledMeeting, history: [ScheduledMeeting], deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.meeting = meeting
            self.history = history
            self.deadlines = deadlines
        }
    }
}

// MARK: - Recording the meeting (R1-R6)

extension RapidReviewAPI {
    /// `RecordMeeting`'s request: Appendix 5 as completed at the meeting, without the child's
    /// details (held by intake). `meetingDate` must be the scheduled date (reschedule first).
    package struct RecordMeetingRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The day it was held: the date scheduled.
        package var meetingDate: CivilDate
        /// How it was held; the scheduled format when absent.
        package var format: MeetingFormat?
        /// Who took part (R1, R2).
        package var participants: [Participant]
        /// Expected agencies absent, with reasons (R2); none when absent.
        package var omissions: [Omission]
        /// Documentation available to the meeting (R3); what intake handed over when absent.
        package var documentation: [String]?
        /// Section 1: the case summary (no names: the case reference stands for the child).
        package var caseSummary: String
        /// §2.1 (R4).
        package var immediateAction: ImmediateAction
        /// §2.2 (R5).
        package var criteria: [Criterion]
        /// §2.3 (R6).
        package var discussion: RapidReviewDiscussion

        package init(
            caseReference: CaseReference, meetingDate: CivilDate, format: MeetingFormat? = nil, participants: [Participant],
            omissions: [Omission] = [], documentation: [String]? = nil, caseSummary: String, immediateAction: ImmediateAction,
            criteria: [Criterion], discussion: RapidReviewDiscussion
        ) {
            self.caseReference = caseReference
            self.meetingDate = meetingDate
            self.format = format
            self.participants = participants
            self.omissions = omissions
            self.documentation = documentation
            self.caseSummary = caseSummary
            self.immediateAction = immediateAction
            self.criteria = criteria
            self.discussion = discussion
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            caseReference = try container.decode(CaseReference.self, forKey: .caseReference)
            meetingDate = try container.decode(CivilDate.self, forKey: .meetingDate)
            format = try container.decodeIfPresent(MeetingFormat.self, forKey: .format)
            participants = try container.decode([Participant].self, forKey: .participants)
            omissions = try container.decodeIfPresent([Omission].self, forKey: .omissions) ?? []
            documentation = try container.decodeIfPresent([String].self, forKey: .documentation)
            caseSummary = try container.decode(String.self, forKey: .caseSummary)
            immediateAction = try container.decode(ImmediateAction.self, forKey: .immediateAction)
            criteria = try container.decode([Criterion].self, forKey: .criteria)
            discussion = try container.decode(RapidReviewDiscussion.self, forKey: .discussion)
        }
    }

    /// A meeting as recorded: the request's content, quorum (R1) and who recorded it.
    package struct RecordedMeeting: Sendable, Equatable, Codable {
        /// 1 for the first meeting; a meeting that was not quorate is followed by another.
        package var number: Int
        /// The scheduling it was held under.
        package var scheduleNumber: Int
        /// The day it was held.
        package var meetingDate: CivilDate
        /// How it was held.
        package var format: MeetingFormat
        /// Who took part.
        package var participants: [Participant]
        /// Expected agencies absent, with reasons.
        package var omissions: [Omission]
        /// Documentation available to the meeting.
        package var documentation: [String]
        /// Section 1: the case summary.
        package var caseSummary: String
        /// §2.1.
        package var immediateAction: ImmediateAction
        /// §2.2.
        package var criteria: [Criterion]
        /// §2.3.
        package var discussion: RapidReviewDiscussion
        /// R1: a representative of each safeguarding partner was present.
        package var quorate: Bool
        /// The safeguarding partners not represented (empty when quorate).
        package var missingPartners: [PartnerKind]
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            number: Int, scheduleNumber: Int, meetingDate: CivilDate, format: MeetingFormat, participants: [Participant], omissions: [Omission],
            documentation: [String], caseSummary: String, immediateAction: ImmediateAction, criteria: [Criterion],
            discussion: RapidReviewDiscussion, quorate: Bool, missingPartners: [PartnerKind], recordedOn: CivilDate, recordedBy: String
        ) {
            self.number = number
            self.scheduleNumber = scheduleNumber
            self.meetingDate = meetingDate
            self.format = format
            self.participants = participants
            self.omissions = omissions
            self.documentation = documentation
            self.caseSummary = caseSummary
            self.immediateAction = immediateAction
            self.criteria = criteria
            self.discussion = discussion
            self.quorate = quorate
            self.missingPartners = missingPartners
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// Whether the meeting was quorate (R1), and the deadlines it starts or meets (T4, T5, T6).
    package struct RecordMeetingResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The meeting's number.
        package var meetingNumber: Int
        /// R1: false means no recommendation can be agreed at this meeting.
        package var quorate: Bool
        /// The safeguarding partners not represented.
        package var missingPartners: [PartnerKind]
        /// T4, T5 (from a quorate meeting) and T6.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, meetingNumber: Int, quorate: Bool, missingPartners: [PartnerKind], deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.meetingNumber = meetingNumber
            self.quorate = quorate
            self.missingPartners = missingPartners
            self.deadlines = deadlines
        }
    }
}

// MARK: - The recommendation and its ratification (R7-R9)

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

    /// `Ratify`'s request: the independent chair endorses the recommendation (R9, §4.6.3).
    package struct RatifyRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Any comment of the chair's.
        package var comments: String?
        /// When the chair ratified, if not today (the decision date review-management's T7
        /// counts from): not in the future, not before the recommendation was agreed.
        package var ratifiedOn: CivilDate?

        package init(caseReference: CaseReference, comments: String? = nil, ratifiedOn: CivilDate? = nil) {
            self.caseReference = caseReference
            self.comments = comments
            self.ratifiedOn = ratifiedOn
        }
    }

    /// Where a ratified recommendation takes the case.
    package enum OutcomePath: String, WireEnum {
        /// a, b, c, e: a review is commissioned (`CommissionReview` to review-management).
        case reviewCommissioned
        /// h, i: the case is closed with the learning recorded.
        case closedWithLearning
        /// d, f, g, j: referred to another process; the case is closed in this system.
        case referredElsewhere

        /// The path of `recommendation`.
        package init(_ recommendation: Recommendation) {
            switch recommendation {
            case .nationalReview, .localReview, .alternativeLearningReview, .singleAgencyReview: self = .reviewCommissioned
            case .noFurtherAction, .learningActedUpon: self = .closedWithLearning
            case .otherStatutoryReview, .multiAgencyAudit, .singleAgencyAudit, .other: self = .referredElsewhere
            }
        }
    }

    /// The ratification and what it set in motion.
    package struct Ratification: Sendable, Equatable, Codable {
        /// The recommendation version ratified.
        package var recommendationVersion: Int
        /// When.
        package var ratifiedOn: CivilDate
        /// Who (the independent chair).
        package var ratifiedBy: String
        /// The chair's comments.
        package var comments: String?
        /// Commissioned, closed with learning, or referred elsewhere.
        package var path: OutcomePath
        /// For d, f, g, j: the other process the case was referred to.
        package var referredTo: String?
        /// For h and i: the learning recorded when the case closed.
        package var learningRecorded: String?

        package init(
            recommendationVersion: Int, ratifiedOn: CivilDate, ratifiedBy: String, comments: String?, path: OutcomePath, referredTo: String?,
            learningRecorded: String?
        ) {
            self.recommendationVersion = recommendationVersion
            self.ratifiedOn = ratifiedOn
            self.ratifiedBy = ratifiedBy
            self.comments = comments
            self.path = path
            self.referredTo = referredTo
            self.learningRecorded = learningRecorded
        }
    }

    /// The ratification, the case's stage after it, and T5 and T6.
    package struct RatifyResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What was recorded.
        package var ratification: Ratification
        /// `review` when a review was commissioned, else `closed`.
        package var stage: CaseStage
        /// T5 and T6: the submission to the National Panel is still to come.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, ratification: Ratification, stage: CaseStage, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.ratification = ratification
            self.stage = stage
            self.deadlines = deadlines
        }
    }
}

// MARK: - Submission to the National Panel (R10, T5, T6)

extension RapidReviewAPI {
    /// The outcome shared with one agency (R10, §4.7.2).
    package struct OutcomeShared: Sendable, Equatable, Codable {
        /// The agency.
        package var agency: String
        /// When it was sent.
        package var date: CivilDate
        /// True for the agency that made the referral.
        package var referrer: Bool

        package init(agency: String, date: CivilDate, referrer: Bool = false) {
            self.agency = agency
            self.date = date
            self.referrer = referrer
        }

        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            agency = try container.decode(String.self, forKey: .agency)
            date = try container.decode(CivilDate.self, forKey: .date)
            referrer = try container.decodeIfPresent(Bool.self, forKey: .referrer) ?? false
        }
    }

    /// `RecordSubmission`'s request: when the ratified outcome went to the National Panel (T5),
    /// and to each relevant agency and the referrer (R10).
    package struct RecordSubmissionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The date the form went to the National Panel with the covering letter.
        package var submittedToNationalPanel: CivilDate
        /// Every relevant agency, the referrer marked.
        package var sharedWith: [OutcomeShared]

        package init(caseReference: CaseReference, submittedToNationalPanel: CivilDate, sharedWith: [OutcomeShared]) {
            self.caseReference = caseReference
            self.submittedToNationalPanel = submittedToNationalPanel
            self.sharedWith = sharedWith
        }
    }

    /// The submission as recorded: the Rapid Review is complete.
    package struct Submission: Sendable, Equatable, Codable {
        /// The date it went to the National Panel.
        package var submittedToNationalPanel: CivilDate
        /// Who it was shared with, and when.
        package var sharedWith: [OutcomeShared]
        /// T5: true when it went more than 2 working days after the meeting.
        package var late: Bool
        /// T6: true when the Rapid Review was complete within its 15 working days.
        package var t6Met: Bool
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            submittedToNationalPanel: CivilDate, sharedWith: [OutcomeShared], late: Bool, t6Met: Bool, recordedOn: CivilDate, recordedBy: String
        ) {
            self.submittedToNationalPanel = submittedToNationalPanel
            self.sharedWith = sharedWith
            self.late = late
            self.t6Met = t6Met
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The submission, whether it was late (T5) and whether T6 was met.
    package struct RecordSubmissionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// What was recorded.
        package var submission: Submission
        /// True: the Rapid Review is complete.
        package var complete: Bool
        /// T4, T5 and T6, judged.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, submission: Submission, complete: Bool, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.submission = submission
            self.complete = complete
            self.deadlines = deadlines
        }
    }
}

// MARK: - Reading: the document, one Rapid Review, the list

extension RapidReviewAPI {
    /// Where a Rapid Review stands.
    package enum RapidReviewState: String, WireEnum {
        /// Handed over by intake; no meeting scheduled yet.
        case opened
        /// A meeting is scheduled.
        case meetingScheduled
        /// The last meeting was not quorate (R1): reschedule or record it again.
        case meetingNotQuorate
        /// A quorate meeting was held; no recommendation agreed yet.
        case awaitingRecommendation
        /// The recommendation is with the independent chair.
        case awaitingRatification
        /// The chair asked for clarification: back with the panel (R9).
        case clarificationRequested
        /// Ratified; not yet submitted to the National Panel.
        case ratified
        /// Submitted to the National Panel: complete.
        case submitted
    }

    /// A request naming one Rapid Review.
    package struct CaseRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        package init(caseReference: CaseReference) { self.caseReference = caseReference }
    }

    /// The form a rendered document is in.
    package enum DocumentFormat: String, WireEnum {
        case text
        case markdown

        /// The text a bad value is refused with (pinned by tests and clients).
        package static let expectedValues = "expected text or markdown"
    }

    /// `GetOutcomeDocument`'s request.
    package struct GetOutcomeDocumentRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Text (default) or Markdown.
        package var format: DocumentFormat?

        package init(caseReference: CaseReference, format: DocumentFormat? = nil) {
            self.caseReference = caseReference
            self.format = format
        }
    }

    /// The Appendix 5 document, filled in from what this service holds; the child's details
    /// are marked as held by intake.
    package struct OutcomeDocument: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Text or Markdown.
        package var format: DocumentFormat
        /// The document.
        package var document: String

        package init(caseReference: CaseReference, format: DocumentFormat, document: String) {
            self.caseReference = caseReference
            self.format = format
            self.document = document
        }
    }

    /// `GetRapidReview`: everything this service holds on one case (no personal data of the
    /// child or family: participants are staff).
    package struct RapidReview: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it stands.
        package var state: RapidReviewState
        /// The case's stage in this service: rapidReview, review or closed.
        package var stage: CaseStage
        /// The hand-over from intake, as received.
        package var handOver: OpenRapidReviewRequest
        /// When it was opened here.
        package var openedOn: CivilDate
        /// Every scheduling of the meeting, oldest first; the last is current.
        package var schedule: [ScheduledMeeting]
        /// Every meeting recorded, oldest first.
        package var meetings: [RecordedMeeting]
        /// Every recommendation agreed, oldest first; the last is current.
        package var recommendations: [AgreedRecommendation]
        /// Every request for clarification, with its answer once given.
        package var clarifications: [Clarification]
        /// The ratification, once given.
        package var ratification: Ratification?
        /// The submission, once recorded.
        package var submission: Submission?
        /// Appendix 5's content, once a quorate meeting is recorded.
        package var outcome: RapidReviewOutcome?
        /// Milestones reached, in order.
        package var milestones: [Milestone]
        /// T4, T5 (once the meeting is held) and T6.
        package var deadlines: [Deadline]

        package init(
            caseReference: CaseReference, state: RapidReviewState, stage: CaseStage, handOver: OpenRapidReviewRequest, openedOn: CivilDate,
            schedule: [ScheduledMeeting], meetings: [RecordedMeeting], recommendations: [AgreedRecommendation], clarifications: [Clarification],
            ratification: Ratification?, submission: Submission?, outcome: RapidReviewOutcome?, milestones: [Milestone], deadlines: [Deadline]
        ) {
            self.caseReference = caseReference
            self.state = state
            self.stage = stage
            self.handOver = handOver
            self.openedOn = openedOn
            self.schedule = schedule
            self.meetings = meetings
            self.recommendations = recommendations
            self.clarifications = clarifications
            self.ratification = ratification
            self.submission = submission
            self.outcome = outcome
            self.milestones = milestones
            self.deadlines = deadlines
        }
    }

    /// `ListRapidReviews`' filters.
    package struct ListRapidReviewsRequest: Sendable, Equatable, Codable {
        /// Only Rapid Reviews in this state.
        package var state: RapidReviewState?
        /// Only those with an overdue deadline.
        package var overdueOnly: Bool?

        package init(state: RapidReviewState? = nil, overdueOnly: Bool? = nil) {
            self.state = state
            self.overdueOnly = overdueOnly
        }
    }

    /// One Rapid Review in a list.
    package struct RapidReviewSummary: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it stands.
        package var state: RapidReviewState
        /// The case's stage in this service.
        package var stage: CaseStage
        /// The current recommendation, once agreed.
        package var recommendation: Recommendation?
        /// The earliest deadline not yet met.
        package var nextDeadline: Deadline?
        /// True when a deadline is overdue.
        package var overdue: Bool

        package init(
            caseReference: CaseReference, state: RapidReviewState, stage: CaseStage, recommendation: Recommendation?, nextDeadline: Deadline?,
            overdue: Bool
        ) {
            self.caseReference = caseReference
            self.state = state
            self.stage = stage
            self.recommendation = recommendation
            self.nextDeadline = nextDeadline
            self.overdue = overdue
        }
    }

    /// `ListRapidReviews`' answer, in reference order.
    package struct ListRapidReviewsResponse: Sendable, Equatable, Codable {
        /// One per Rapid Review.
        package var rapidReviews: [RapidReviewSummary]
        package init(rapidReviews: [RapidReviewSummary]) { self.rapidReviews = rapidReviews }
    }
}

// MARK: - Methods and roles (DESIGN.md, Security)

extension RapidReviewAPI {
    private static let service = ServiceName.rapidReview
    /// From intake (role `service`), applied once per idempotency key.
    package static let openRapidReview = Method<OpenRapidReviewRequest, OpenRapidReviewResponse>(
        service: service, name: "OpenRapidReview", roles: .roles(.service))
    /// The Case Review Panel or the Partnership Support Team sets the meeting's date (T4, T6).
    package static let scheduleMeeting = Method<ScheduleMeetingRequest, ScheduleMeetingResponse>(
        service: service, name: "ScheduleMeeting", roles: .roles(.caseReviewPanel, .partnershipSupport))
    /// The Case Review Panel records the meeting (R1-R6).
    package static let recordMeeting = Method<RecordMeetingRequest, RecordMeetingResponse>(
        service: service, name: "RecordMeeting", roles: .roles(.caseReviewPanel))
    /// The Case Review Panel agrees the recommendation (R7, R8).
    package static let agreeRecommendation = Method<AgreeRecommendationRequest, AgreeRecommendationResponse>(
        service: service, name: "AgreeRecommendation", roles: .roles(.caseReviewPanel))
    /// The independent chair sends the recommendation back with a question (R9).
    package static let requestClarification = Method<RequestClarificationRequest, RequestClarificationResponse>(
        service: service, name: "RequestClarification", roles: .roles(.independentChair))
    /// The independent chair ratifies the recommendation (R9); the hand-over follows.
    package static let ratify = Method<RatifyRequest, RatifyResponse>(service: service, name: "Ratify", roles: .roles(.independentChair))
    /// The submission to the National Panel and the sharing with agencies (R10, T5, T6).
    package static let recordSubmission = Method<RecordSubmissionRequest, RecordSubmissionResponse>(
        service: service, name: "RecordSubmission", roles: .roles(.partnershipSupport, .caseReviewPanel))
    /// Appendix 5, filled in.
    package static let getOutcomeDocument = Method<GetOutcomeDocumentRequest, OutcomeDocument>(
        service: service, name: "GetOutcomeDocument", roles: .roles(.caseReviewPanel, .independentChair, .partnershipSupport))
    /// One Rapid Review in full.
    package static let getRapidReview = Method<CaseRequest, RapidReview>(
        service: service, name: "GetRapidReview", roles: .roles(.caseReviewPanel, .independentChair, .partnershipSupport, .auditor))
    /// Every Rapid Review, summarised.
    package static let listRapidReviews = Method<ListRapidReviewsRequest, ListRapidReviewsResponse>(
        service: service, name: "ListRapidReviews",
        roles: .roles(.caseReviewPanel, .independentChair, .partnershipSupport, .panelViewer, .auditor))
    /// Statuses for the gateway (no personal data).
    package static let getStatuses = getStatusesMethod(of: service)
}
