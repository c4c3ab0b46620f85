import Contract
import WorkingDays

extension Review {
    /// The next step of §2.1.7 for an agency's overdue request: the Case Review Panel, then the
    /// agency's Strategic Safeguarding Lead, then the safeguarding partners. Each is recorded;
    /// one out of order, or for a request not overdue today, is refused.
    func escalating(_ request: ReviewManagementAPI.EscalateAgencyRequestRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.AgencyEscalation
    {
        guard let asked = agencyRequest(request.agency) else {
            throw .invalidField(path: "agency", rule: nil, problem: "no request was made of \(request.agency.trimmingWhitespace)")
        }
        if request.reason.isBlank { throw .invalidField(path: "reason", rule: nil, problem: "say why the request is escalated") }
        let steps = escalations(of: asked)
        guard let next = Self.nextLevel(after: steps.last?.level) else {
            throw .outOfSectionOrder(
                section: "§2.1.7", problem: "\(asked.agency)'s request is already with the safeguarding partners for formal action")
        }
        guard request.level == next else {
            throw .outOfSectionOrder(
                section: "§2.1.7", problem: "\(asked.agency)'s request escalates to \(next.rawValue) next, not \(request.level.rawValue)")
        }
        let standing = standing(of: asked, today: clock.today)
        guard standing.overdue else {
            let why = standing.outstanding.isEmpty ? "nothing is outstanding" : "it is due on \(asked.dueOn)"
            throw .outOfSectionOrder(section: "§2.1.7", problem: "\(asked.agency)'s request is not overdue: \(why)")
        }
        return ReviewManagementAPI.AgencyEscalation(
            agency: asked.agency, requestNumber: asked.number, level: request.level, reason: request.reason, escalatedOn: clock.today,
            escalatedBy: principal)
    }

    /// The steps recorded for `request`, in order.
    func escalations(of request: ReviewManagementAPI.AgencyRequest) -> [ReviewManagementAPI.AgencyEscalation] {
        escalations.filter { $0.requestNumber == request.number }
    }

    /// The step after `level` in §2.1.7's order; the first when there is none yet; nil after the last.
    static func nextLevel(after level: ReviewManagementAPI.EscalationLevel?) -> ReviewManagementAPI.EscalationLevel? {
        let order = ReviewManagementAPI.EscalationLevel.allCases
        guard let level else { return order.first }
        guard let index = order.firstIndex(of: level), index + 1 < order.count else { return nil }
        return order[index + 1]
    }
}
