import Contract
import Foundation
import WorkingDays

extension CaseActionPlan {
    /// A new item (P6, Appendix 16): an owner agency, a lead officer and an agreed action, each
    /// given; from a recommendation only when publication holds the report and it has that
    /// recommendation; from a Rapid Review's immediate action or decision h or i without one.
    func adding(_ request: PublicationAPI.AddActionPlanItemRequest, partnership: String, by principal: String, clock: CaseClock)
        throws(PublicationError) -> PublicationAPI.ActionPlanItem
    {
        guard reference.partnership == partnership else {
            throw .invalidField(
                path: "caseReference", rule: nil,
                problem: "\(reference) belongs to partnership \(reference.partnership); this service serves \(partnership)")
        }
        if request.source == .recommendation {
            guard let publication else {
                throw .outOfOrder(
                    rule: .p6,
                    problem: "no endorsed recommendations are held for \(reference); review-management hands them over with PreparePublication")
            }
            guard let number = request.recommendationNumber else {
                throw .invalidField(path: "recommendationNumber", rule: .p6, problem: "say which recommendation the action is for")
            }
            let numbers = publication.preparation.recommendations.map(\.number)
            guard numbers.contains(number) else {
                throw .invalidField(
                    path: "recommendationNumber", rule: .p6,
                    problem: "the report has no recommendation \(number) (it has \(numbers.map(String.init).joined(separator: ", ")))")
            }
        } else if request.recommendationNumber != nil {
            throw .invalidField(path: "recommendationNumber", rule: .p6, problem: "only an item from a recommendation names one")
        }
        let agreedAction = try Self.given(request.agreedAction, "agreedAction", "say what action is agreed")
        let ownerAgency = try Self.given(request.ownerAgency, "ownerAgency", "say which agency owns the action")
        let leadOfficer = try Self.given(request.leadOfficer, "leadOfficer", "give the lead officer's role or title")
        return PublicationAPI.ActionPlanItem(
            number: (plan.items.map(\.number).max() ?? 0) + 1, source: request.source, recommendationNumber: request.recommendationNumber,
            agreedAction: agreedAction, ownerAgency: ownerAgency, leadOfficer: leadOfficer, targetDate: request.targetDate, addedOn: clock.today,
            addedBy: principal)
    }

    /// A progress update on an open item, dated between its addition and today, with its text.
    func recordingProgress(_ request: PublicationAPI.RecordActionProgressRequest, by principal: String, clock: CaseClock)
        throws(PublicationError) -> PublicationAPI.ProgressUpdate
    {
        let item = try plan.item(request.itemNumber)
        try Self.checkOpen(item)
        guard request.date >= item.addedOn, request.date <= clock.today else {
            throw .invalidField(
                path: "date", rule: .p6, problem: "\(request.date) is not between the item's addition (\(item.addedOn)) and today (\(clock.today))")
        }
        let text = try Self.given(request.text, "text", "say what was done and how it is going")
        return PublicationAPI.ProgressUpdate(date: request.date, text: text, rag: request.rag, recordedBy: principal)
    }

    /// An open item closed (P6, §11.4.1): only with the evidence that the improvement is
    /// sustained, the date it was judged so (between the addition and today) and who judged it.
    func closing(_ request: PublicationAPI.CloseActionPlanItemRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.SustainedEvidence
    {
        let item = try plan.item(request.itemNumber)
        try Self.checkOpen(item)
        let evidence = request.evidence?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let judgedBy = request.judgedBy?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let missing = [("evidence", evidence.isEmpty), ("judgedOn", request.judgedOn == nil), ("judgedBy", judgedBy.isEmpty)].filter(\.1).map(\.0)
        guard let judgedOn = request.judgedOn, missing.isEmpty else {
            throw .outOfOrder(
                rule: .p6,
                problem:
                    "item \(item.number) is closed only with evidence that the improvement is sustained; missing: \(missing.joined(separator: ", "))")
        }
        guard judgedOn >= item.addedOn, judgedOn <= clock.today else {
            throw .invalidField(
                path: "judgedOn", rule: .p6, problem: "\(judgedOn) is not between the item's addition (\(item.addedOn)) and today (\(clock.today))")
        }
        return PublicationAPI.SustainedEvidence(evidence: evidence, judgedOn: judgedOn, judgedBy: judgedBy, recordedBy: principal)
    }

    /// Refuses a change to a closed item: it stays as closed.
    private static func checkOpen(_ item: PublicationAPI.ActionPlanItem) throws(PublicationError) {
        if let closure = item.closure {
            throw .outOfOrder(rule: .p6, problem: "item \(item.number) was closed on \(closure.judgedOn) as sustained")
        }
    }

    /// `text` trimmed, or INVALID_ARGUMENT at `path` (P6) when empty.
    private static func given(_ text: String, _ path: String, _ ask: String) throws(PublicationError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .invalidField(path: path, rule: .p6, problem: ask) }
        return trimmed
    }
}
