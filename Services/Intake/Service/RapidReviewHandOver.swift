import Contract
import WorkingDays

/// The hand-over to the Rapid Review (§4.4): what rapid-review needs to open it, and no
/// personal data (the case file stays here).
extension IntakeCase {
    /// `OpenRapidReview` for this case, or nil once it has been handed over. T4's window and
    /// T6's date are computed with this service's calendar; a timescale that gives no date is
    /// a defect and refuses the call rather than skipping the hand-over.
    func rapidReviewHandOver(clock: CaseClock, ruleSet: RuleSet) throws(IntakeError) -> RapidReviewAPI.OpenRapidReviewRequest? {
        guard handedOverOn == nil else { return nil }
        guard let incident else { throw .precondition(rule: .r3, problem: "the case has neither a referral nor a notification") }
        let t4 = Timescales.rule(.t4, ruleSet)
        guard let latest = t4.due(from: anchor, calendar: clock.calendar), let earliest = t4.earliestDay(from: anchor, calendar: clock.calendar)
        else {
            throw .timescaleNotCounted(.t4)
        }
        guard let due = Timescales.rule(.t6, ruleSet).due(from: t6Anchor(ruleSet: ruleSet), calendar: clock.calendar) else {
            throw .timescaleNotCounted(.t6)
        }
        var documentation: [String] = []
        if referral != nil { documentation.append("referral") }
        if notification != nil { documentation.append("LA notification") }
        if !requests.isEmpty { documentation.append("scoping requests sent to \(requests.count) agencies") }
        return RapidReviewAPI.OpenRapidReviewRequest(
            caseReference: reference, referralReceived: anchor, notifiedNationalPanel: notification?.notifiedNationalPanel,
            meetingEarliest: earliest, meetingLatest: latest, rapidReviewDue: due, ruleSet: ruleSet, documentation: documentation,
            agenciesAsked: requests.map(\.agency), incidentKind: incident.kind, incidentDate: incident.date,
            laBecameAware: notification?.becameAware)
    }
}
