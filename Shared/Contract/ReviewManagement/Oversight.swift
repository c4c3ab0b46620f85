import RPC
import WorkingDays

// MARK: - Delays, oversight and T8 (§3.1.3; RULES.md, extensions)

extension ReviewManagementAPI {
    /// `RecordDelayDecision`'s request: a request to delay (the police's, or another's) decided
    /// on; it extends T7 to `newDue`. Who, when, why and the new date are each required.
    package struct RecordDelayDecisionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Who asked for the delay (e.g. the police, for a criminal investigation).
        package var requestedBy: String?
        /// Who decided (e.g. the Case Review Panel, the safeguarding partners).
        package var decidedBy: String?
        /// When they decided.
        package var decidedOn: CivilDate?
        /// Why.
        package var reason: String?
        /// T7's new due date: not before the current one.
        package var newDue: CivilDate?

        package init(
            caseReference: CaseReference, requestedBy: String?, decidedBy: String?, decidedOn: CivilDate?, reason: String?, newDue: CivilDate?
        ) {
            self.caseReference = caseReference
            self.requestedBy = requestedBy
            self.decidedBy = decidedBy
            self.decidedOn = decidedOn
            self.reason = reason
            self.newDue = newDue
        }
    }

    /// A recorded decision to delay: T7 moved from `previousDue` to `newDue`.
    package struct DelayDecision: Sendable, Equatable, Codable {
        /// 1, 2, ... within the review.
        package var number: Int
        /// Who asked for the delay.
        package var requestedBy: String
        /// Who decided.
        package var decidedBy: String
        /// When they decided.
        package var decidedOn: CivilDate
        /// Why.
        package var reason: String
        /// T7's due date before this decision.
        package var previousDue: CivilDate
        /// T7's due date after it.
        package var newDue: CivilDate
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            number: Int, requestedBy: String, decidedBy: String, decidedOn: CivilDate, reason: String, previousDue: CivilDate, newDue: CivilDate,
            recordedOn: CivilDate, recordedBy: String
        ) {
            self.number = number
            self.requestedBy = requestedBy
            self.decidedBy = decidedBy
            self.decidedOn = decidedOn
            self.reason = reason
            self.previousDue = previousDue
            self.newDue = newDue
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The decision recorded and the deadlines now (T7 with its original date kept).
    package struct RecordDelayDecisionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The decision as recorded.
        package var decision: DelayDecision
        /// The review's deadlines after it.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, decision: DelayDecision, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.decision = decision
            self.deadlines = deadlines
        }
    }

    /// `RecordForecastCompletion`'s request: when the review is now expected to complete.
    package struct RecordForecastCompletionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The forecast completion date.
        package var forecastCompletion: CivilDate?

        package init(caseReference: CaseReference, forecastCompletion: CivilDate?) {
            self.caseReference = caseReference
            self.forecastCompletion = forecastCompletion
        }
    }

    /// A forecast as recorded; a later one supersedes it, both stay.
    package struct CompletionForecast: Sendable, Equatable, Codable {
        /// 1, 2, ... within the review.
        package var number: Int
        /// The forecast completion date.
        package var forecastCompletion: CivilDate
        /// When it was recorded: T8 is due then when it passes T7's due date.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(number: Int, forecastCompletion: CivilDate, recordedOn: CivilDate, recordedBy: String) {
            self.number = number
            self.forecastCompletion = forecastCompletion
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The forecast recorded and the deadlines now (T8 when it passes T7).
    package struct RecordForecastCompletionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The forecast as recorded.
        package var forecast: CompletionForecast
        /// The review's deadlines after it.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, forecast: CompletionForecast, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.forecast = forecast
            self.deadlines = deadlines
        }
    }

    /// `RecordDelayNotice`'s request: the National Panel and the Secretary of State informed of
    /// the delay, with its reason (T8).
    package struct RecordDelayNoticeRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// When the National Panel was informed.
        package var nationalPanelInformedOn: CivilDate?
        /// When the Secretary of State was informed.
        package var secretaryOfStateInformedOn: CivilDate?
        /// The reason for the delay given to them.
        package var reason: String?

        package init(caseReference: CaseReference, nationalPanelInformedOn: CivilDate?, secretaryOfStateInformedOn: CivilDate?, reason: String?) {
            self.caseReference = caseReference
            self.nationalPanelInformedOn = nationalPanelInformedOn
            self.secretaryOfStateInformedOn = secretaryOfStateInformedOn
            self.reason = reason
        }
    }

    /// A notice of delay as recorded.
    package struct DelayNotice: Sendable, Equatable, Codable {
        /// 1, 2, ... within the review.
        package var number: Int
        /// When the National Panel was informed.
        package var nationalPanelInformedOn: CivilDate
        /// When the Secretary of State was informed.
        package var secretaryOfStateInformedOn: CivilDate
        /// The reason given.
        package var reason: String
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        /// T8 is met when both are informed: the later date.
        package var informedOn: CivilDate { max(nationalPanelInformedOn, secretaryOfStateInformedOn) }

        package init(
            number: Int, nationalPanelInformedOn: CivilDate, secretaryOfStateInformedOn: CivilDate, reason: String, recordedOn: CivilDate,
            recordedBy: String
        ) {
            self.number = number
            self.nationalPanelInformedOn = nationalPanelInformedOn
            self.secretaryOfStateInformedOn = secretaryOfStateInformedOn
            self.reason = reason
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The notice recorded and the deadlines now (T8 met).
    package struct RecordDelayNoticeResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The notice as recorded.
        package var notice: DelayNotice
        /// The review's deadlines after it.
        package var deadlines: [Deadline]

        package init(caseReference: CaseReference, notice: DelayNotice, deadlines: [Deadline]) {
            self.caseReference = caseReference
            self.notice = notice
            self.deadlines = deadlines
        }
    }

    /// What a checkpoint looked at.
    package enum CheckpointKind: String, WireEnum {
        /// Progress against the timetable.
        case progress
        /// The quality of the work so far.
        case quality
    }

    /// `RecordCheckpoint`'s request: a progress or quality checkpoint and its written requests
    /// to the reviewer.
    package struct RecordCheckpointRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Progress or quality.
        package var kind: CheckpointKind
        /// When it was held.
        package var heldOn: CivilDate
        /// What it found.
        package var findings: String
        /// The written requests to the Lead Reviewer, if any.
        package var requestsToReviewer: [String]

        package init(caseReference: CaseReference, kind: CheckpointKind, heldOn: CivilDate, findings: String, requestsToReviewer: [String] = []) {
            self.caseReference = caseReference
            self.kind = kind
            self.heldOn = heldOn
            self.findings = findings
            self.requestsToReviewer = requestsToReviewer
        }
    }

    /// A checkpoint as recorded.
    package struct Checkpoint: Sendable, Equatable, Codable {
        /// 1, 2, ... within the review.
        package var number: Int
        /// Progress or quality.
        package var kind: CheckpointKind
        /// When it was held.
        package var heldOn: CivilDate
        /// What it found.
        package var findings: String
        /// The written requests to the Lead Reviewer.
        package var requestsToReviewer: [String]
        /// When it was recorded.
        package var recordedOn: CivilDate
        /// Who recorded it.
        package var recordedBy: String

        package init(
            number: Int, kind: CheckpointKind, heldOn: CivilDate, findings: String, requestsToReviewer: [String], recordedOn: CivilDate,
            recordedBy: String
        ) {
            self.number = number
            self.kind = kind
            self.heldOn = heldOn
            self.findings = findings
            self.requestsToReviewer = requestsToReviewer
            self.recordedOn = recordedOn
            self.recordedBy = recordedBy
        }
    }

    /// The checkpoint recorded.
    package struct RecordCheckpointResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The checkpoint as recorded.
        package var checkpoint: Checkpoint

        package init(caseReference: CaseReference, checkpoint: Checkpoint) {
            self.caseReference = caseReference
            self.checkpoint = checkpoint
        }
    }

    /// The review's oversight record in `GetReview`: parallel processes, delays, forecasts,
    /// notices and checkpoints, each oldest first.
    package struct Oversight: Sendable, Equatable, Codable {
        /// The register of parallel processes.
        package var parallelProcesses: [ParallelProcess]
        /// Every decision to delay (each extended T7).
        package var delayDecisions: [DelayDecision]
        /// Every completion forecast; the latest is in force.
        package var forecasts: [CompletionForecast]
        /// Every notice of delay to the National Panel and the Secretary of State (T8).
        package var delayNotices: [DelayNotice]
        /// Every progress and quality checkpoint.
        package var checkpoints: [Checkpoint]

        package init(
            parallelProcesses: [ParallelProcess] = [], delayDecisions: [DelayDecision] = [], forecasts: [CompletionForecast] = [],
            delayNotices: [DelayNotice] = [], checkpoints: [Checkpoint] = []
        ) {
            self.parallelProcesses = parallelProcesses
            self.delayDecisions = delayDecisions
            self.forecasts = forecasts
            self.delayNotices = delayNotices
            self.checkpoints = checkpoints
        }
    }
}
