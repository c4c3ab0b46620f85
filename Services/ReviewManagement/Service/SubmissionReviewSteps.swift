import Contract
import WorkingDays

extension Review {
    /// The review team accepts a submission or sends it back with its question (V8, §8.6.2):
    /// the latest version of an agency's chronology or report, decided once.
    func reviewingSubmission(_ request: ReviewManagementAPI.ReviewSubmissionRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.SubmissionDecision
    {
        let wanted = request.submission
        let agency = agencyRequest(wanted.agency)?.agency ?? wanted.agency
        let key = ReviewManagementAPI.SubmissionKey(agency: agency, kind: wanted.kind, version: wanted.version)
        guard let latest = latestSubmission(agency, wanted.kind), key.version >= 1, key.version <= latest.version else {
            throw .invalidField(
                path: "submission", rule: .v8, problem: "no \(wanted.kind.rawValue) version \(wanted.version) from \(agency.trimmingWhitespace)")
        }
        if let decided = decision(on: key) {
            let outcome = decided.outcome == .accepted ? "accepted" : "sent back"
            throw .outOfOrder(rule: .v8, problem: "the review team \(outcome) version \(key.version) on \(decided.decidedOn); the decision is kept")
        }
        switch request.outcome {
        case .sentBack where request.question.isBlank:
            throw .invalidField(path: "question", rule: .v8, problem: "give the review team's question for the agency")
        case .accepted where request.question != nil:
            throw .invalidField(path: "question", rule: .v8, problem: "an accepted submission asks no question: leave it out")
        default:
            break
        }
        return ReviewManagementAPI.SubmissionDecision(
            submission: key, outcome: request.outcome, question: request.question, decidedOn: clock.today, decidedBy: principal)
    }
}
