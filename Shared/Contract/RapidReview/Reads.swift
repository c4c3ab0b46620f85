import RPC
import WorkingDays

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
    package typealias DocumentFormat = Contract.DocumentFormat

    /// Which document `GetOutcomeDocument` renders.
    package enum OutcomeDocumentKind: String, WireEnum {
        /// Appendix 5, the Rapid Review Outcome Document (the default).
        case outcome
        /// The covering letter that goes with the ratified Rapid Review to the National Panel
        /// (§4.7.1).
        case coveringLetter
    }

    /// `GetOutcomeDocument`'s request.
    package struct GetOutcomeDocumentRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Text (default) or Markdown.
        package var format: DocumentFormat?
        /// The outcome document (default) or its covering letter to the National Panel.
        package var kind: OutcomeDocumentKind?

        package init(caseReference: CaseReference, format: DocumentFormat? = nil, kind: OutcomeDocumentKind? = nil) {
            self.caseReference = caseReference
            self.format = format
            self.kind = kind
        }
    }

    /// The Appendix 5 document, or its covering letter, filled in from what this service holds
    /// and what intake holds of the child and family, fetched when it is rendered and not kept.
    package struct OutcomeDocument: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Text or Markdown.
        package var format: DocumentFormat
        /// The document.
        package var document: String
        /// The kind asked for; absent when the request named none (the outcome document).
        package var kind: OutcomeDocumentKind?

        package init(caseReference: CaseReference, format: DocumentFormat, document: String, kind: OutcomeDocumentKind? = nil) {
            self.caseReference = caseReference
            self.format = format
            self.document = document
            self.kind = kind
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
        /// The immediate actions recorded as taken since the meeting (R4); absent when none.
        package var actionsDone: [ActionDone]?
        /// Corrections of the meeting's record, oldest first (`meetings` reads as corrected);
        /// absent when none.
        package var meetingCorrections: [MeetingCorrection]?

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
        /// At most this many (1-1000); every match when absent, as before paging existed.
        package var pageSize: Int?
        /// Matches passed over before the page (default 0).
        package var offset: Int?

        package init(state: RapidReviewState? = nil, overdueOnly: Bool? = nil, pageSize: Int? = nil, offset: Int? = nil) {
            self.state = state
            self.overdueOnly = overdueOnly
            self.pageSize = pageSize
            self.offset = offset
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
        /// One per Rapid Review of the page.
        package var rapidReviews: [RapidReviewSummary]
        /// How many match the filters in all, when a page was asked for.
        package var total: Int?
        /// The page's offset, when a page was asked for.
        package var offset: Int?
        package init(rapidReviews: [RapidReviewSummary], total: Int? = nil, offset: Int? = nil) {
            self.rapidReviews = rapidReviews
            self.total = total
            self.offset = offset
        }
    }
}
