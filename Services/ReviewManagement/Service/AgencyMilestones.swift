import Contract
import WorkingDays

extension Review {
    /// The agencies' part of the review as steps (§8, §2.1.7), without names: the first request,
    /// each escalation, and the day the last thing asked of every agency was accepted (V8).
    var agencyMilestones: [Milestone] {
        var reached: [Milestone] = []
        if let first = agencyRequests.map(\.requestedOn).min() { reached.append(Milestone(event: "agencyInformationRequested", date: first)) }
        reached += escalations.map { Milestone(event: "agencyRequestEscalated", date: $0.escalatedOn) }
        if let complete = agencyInformationCompletedOn { reached.append(Milestone(event: "agencyInformationComplete", date: complete)) }
        return reached
    }

    /// The day of the last acceptance, once every request has nothing outstanding and every
    /// latest submission is accepted; nil before.
    private var agencyInformationCompletedOn: CivilDate? {
        guard !agencyRequests.isEmpty, agencyRequests.allSatisfy({ outstanding(of: $0).isEmpty }) else { return nil }
        var last: CivilDate?
        for request in agencyRequests {
            for kind in request.asks {
                guard let latest = latestSubmission(request.agency, kind), let decision = decision(on: latest), decision.outcome == .accepted else {
                    return nil
                }
                last = max(last ?? decision.decidedOn, decision.decidedOn)
            }
        }
        return last
    }
}
