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
        return RapidReviewAPI.OpenRapidReviewRequest(
            caseReference: reference, referralReceived: anchor, notifiedNationalPanel: notification?.notifiedNationalPanel,
            meetingEarliest: earliest, meetingLatest: latest, rapidReviewDue: due, ruleSet: ruleSet, documentation: documentation,
            agenciesAsked: requests.map(\.agency), incidentKind: incident.kind, incidentDate: incident.date,
            laBecameAware: notification?.becameAware, referringAgency: referringAgency)
    }

    /// What the Rapid Review works from, as this case now stands (`revision` left at 0 for the
    /// writer to number), or nil before the hand-over. Sent as `UpdateRapidReview` whenever it
    /// differs from the copy last sent (issue 15, item 1).
    func rapidReviewCopy(clock: CaseClock, ruleSet: RuleSet) throws(IntakeError) -> RapidReviewAPI.UpdateRapidReviewRequest? {
        guard handedOverOn != nil else { return nil }
        guard let due = Timescales.rule(.t6, ruleSet).due(from: t6Anchor(ruleSet: ruleSet), calendar: clock.calendar) else {
            throw .timescaleNotCounted(.t6)
        }
        return RapidReviewAPI.UpdateRapidReviewRequest(
            caseReference: reference, revision: 0, notifiedNationalPanel: notification?.notifiedNationalPanel,
            laBecameAware: notification?.becameAware, rapidReviewDue: due, documentation: documentation, agenciesAsked: requests.map(\.agency),
            referringAgency: referringAgency)
    }

    /// The documentation the meeting has so far (R3, §4.5.1): the founding forms and every
    /// scoping form returned.
    var documentation: [String] {
        var documentation: [String] = []
        if referral != nil { documentation.append("referral") }
        if notification != nil { documentation.append("LA notification") }
        if !requests.isEmpty { documentation.append("scoping requests sent to \(requests.count) agencies") }
        for scopingReturn in returns { documentation.append("scoping return: \(scopingReturn.agency.name)") }
        return documentation
    }

    /// The agency that referred the case (R10), or the local authority that notified it when
    /// there is no referral: an agency the case knows whose name the referrer's "agency and
    /// designation" starts with, or else the words before its first comma.
    var referringAgency: String? {
        guard let contact = referral?.referrer ?? notification?.notifiedBy else { return nil }
        let known = (referral?.agenciesInvolved.map(\.agency) ?? []) + requests.map(\.agency)
        let written = AgencyKey.of(contact.agencyAndDesignation)
        if let agency = known.filter({ written.hasPrefix(AgencyKey.of($0.name)) }).max(by: { $0.name.count < $1.name.count }) {
            return agency.name
        }
        let name = contact.agencyAndDesignation.split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
