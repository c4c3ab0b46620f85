import RPC
import WorkingDays

// MARK: - The review team's quality assurance of agency submissions (V8, §8.6)

extension ReviewManagementAPI {
    /// What the review team decided on a submission.
    package enum SubmissionOutcome: String, WireEnum {
        /// Accepted: it gives what the review needs.
        case accepted
        /// Sent back with a question: the agency submits again as a new version (V8).
        case sentBack
    }

    /// `ReviewSubmission`'s request: one submission, accepted or sent back with its question.
    package struct ReviewSubmissionRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The submission: the latest version of its agency and kind.
        package var submission: SubmissionKey
        /// Accepted or sent back.
        package var outcome: SubmissionOutcome
        /// What the review team asks for; required when sent back, refused when accepted.
        package var question: String?

        package init(caseReference: CaseReference, submission: SubmissionKey, outcome: SubmissionOutcome, question: String? = nil) {
            self.caseReference = caseReference
            self.submission = submission
            self.outcome = outcome
            self.question = question
        }
    }

    /// The review team's decision as recorded.
    package struct SubmissionDecision: Sendable, Equatable, Codable {
        /// The submission decided on.
        package var submission: SubmissionKey
        /// Accepted or sent back.
        package var outcome: SubmissionOutcome
        /// The question, when sent back.
        package var question: String?
        /// When.
        package var decidedOn: CivilDate
        /// Who.
        package var decidedBy: String

        package init(submission: SubmissionKey, outcome: SubmissionOutcome, question: String?, decidedOn: CivilDate, decidedBy: String) {
            self.submission = submission
            self.outcome = outcome
            self.question = question
            self.decidedOn = decidedOn
            self.decidedBy = decidedBy
        }
    }

    /// `ReviewSubmission`'s response: the decision recorded.
    package struct ReviewSubmissionResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The decision.
        package var decision: SubmissionDecision

        package init(caseReference: CaseReference, decision: SubmissionDecision) {
            self.caseReference = caseReference
            self.decision = decision
        }
    }
}
