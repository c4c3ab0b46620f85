import Contract
import WorkingDays

/// Sending the Initial Scoping and Information Sharing form to the agencies (§4.3.3, Appendix 3).
extension IntakeCase {
    /// The checks that need no case: each agency named once, its contact given, no date in the future.
    static func checkScopingDrafts(_ drafts: [IntakeAPI.ScopingRequestDraft], today: CivilDate) throws(IntakeError) {
        let validation = FormValidation(today: today)
        guard !drafts.isEmpty else { throw .invalid(field: "requests", problem: "name at least one agency") }
        var seen: [String: Int] = [:]
        for (index, draft) in drafts.enumerated() {
            try validation.required(draft.agency.name, "requests[\(index)].agency.name")
            try validation.contact(draft.contact, "requests[\(index)].contact")
            try validation.notFuture(draft.dateSent, "requests[\(index)].dateSent")
            let key = AgencyKey.of(draft.agency.name)
            if let first = seen[key] {
                throw .invalid(field: "requests[\(index)].agency.name", problem: "\(draft.agency.name) is already listed at requests[\(first)]")
            }
            seen[key] = index
        }
    }

    /// Working days a letter sent after T3's date gives the agency: what an on-time letter,
    /// sent on T2's last day, leaves before T3 (5 less 2).
    static let lateReturnWorkingDays = 3

    /// T3's date for this case: the return every letter asks for unless sent after it.
    func t3Due(clock: CaseClock, ruleSet: RuleSet) -> CivilDate? { Timescales.rule(.t3, ruleSet).due(from: anchor, calendar: clock.calendar) }

    /// The requests as sent: T2, sending after the 2 working days is allowed and marked late;
    /// T3, each asks for the return by the 5th working day, or, sent on or after it, 3 working days
    /// after it was sent (issue 15, item 6). Refuses a request dated before the
    /// referral was received, or to an agency already asked.
    func sendingScopingRequests(_ drafts: [IntakeAPI.ScopingRequestDraft], clock: CaseClock, ruleSet: RuleSet) throws(IntakeError)
        -> [ScopingRequest]
    {
        guard let t2Due = Timescales.rule(.t2, ruleSet).due(from: anchor, calendar: clock.calendar) else { throw .timescaleNotCounted(.t2) }
        guard let t3Due = Timescales.rule(.t3, ruleSet).due(from: anchor, calendar: clock.calendar) else { throw .timescaleNotCounted(.t3) }
        let asked = Set(requests.map { AgencyKey.of($0.agency.name) })
        return try drafts.enumerated().map { (index, draft) throws(IntakeError) in
            if draft.dateSent < anchor {
                throw .invalid(field: "requests[\(index)].dateSent", problem: "is before the referral was received (\(anchor))")
            }
            if asked.contains(AgencyKey.of(draft.agency.name)) {
                throw .alreadyExists(
                    field: "requests[\(index)].agency.name", problem: "\(draft.agency.name) was already sent a scoping request for this case")
            }
            // A letter sent on or after T3's date would ask for a day already gone: it asks for
            // one still ahead instead (the letter says why), and T3 itself stays as it was.
            let returnBy = draft.dateSent < t3Due ? t3Due : clock.calendar.addingWorkingDays(Self.lateReturnWorkingDays, to: draft.dateSent)
            return ScopingRequest(
                agency: draft.agency, contact: draft.contact, dateSent: draft.dateSent, returnBy: returnBy, sentLate: draft.dateSent > t2Due)
        }
    }
}
