import Contract
import Foundation
import WorkingDays

extension CaseActionPlan {
    /// A plan for sharing the review's learning (§11.3.2): how, to whom (at least one audience,
    /// none blank), by when; on a case publication holds or whose action plan is started.
    func recordingLearningPlan(_ request: PublicationAPI.RecordLearningPlanRequest, by principal: String, clock: CaseClock)
        throws(PublicationError) -> PublicationAPI.LearningPlan
    {
        guard !isEmpty else { throw .noActionPlan(reference) }
        let how = request.how.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !how.isEmpty else { throw .invalidField(path: "how", rule: nil, problem: "say how the learning will be shared (§11.3.2)") }
        let audiences = request.audiences.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        guard !audiences.isEmpty else {
            throw .invalidField(path: "audiences", rule: nil, problem: "name whom the learning is shared with (§11.3.2: all relevant agencies)")
        }
        if let blank = audiences.firstIndex(where: \.isEmpty) {
            throw .invalidField(path: "audiences[\(blank)]", rule: nil, problem: "is empty")
        }
        return PublicationAPI.LearningPlan(
            number: learningPlans.count + 1, how: how, audiences: audiences, byWhen: request.byWhen, recordedOn: clock.today, recordedBy: principal)
    }
}

/// Learning taken from a national review (§11.5.1): the review named, what was taken, by when.
enum NationalLearningStep {
    static func recording(_ request: PublicationAPI.RecordNationalLearningRequest, number: Int, by principal: String, clock: CaseClock)
        throws(PublicationError) -> PublicationAPI.NationalLearning
    {
        let review = request.nationalReview.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !review.isEmpty else { throw .invalidField(path: "nationalReview", rule: nil, problem: "name the national review or report") }
        let taken = request.learningTaken.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !taken.isEmpty else {
            throw .invalidField(path: "learningTaken", rule: nil, problem: "say what was taken from it and how it applies locally (§11.5.1)")
        }
        return PublicationAPI.NationalLearning(
            number: number, nationalReview: review, learningTaken: taken, byWhen: request.byWhen, recordedOn: clock.today, recordedBy: principal)
    }
}
