import Contract
import WorkingDays

/// How a referral or an LA notification opens a case, or joins the case of the same incident
/// (§4.1; the same child and incident date are one case, with one set of deadlines).
extension IntakeCase {
    /// A case opened by a referral: its clock starts when the referral was received.
    static func opened(_ reference: CaseReference, by referral: Referral) -> IntakeCase {
        IntakeCase(reference: reference, anchor: referral.dateReceived, referral: referral, notification: nil)
    }

    /// A case opened by a notification without a referral (§4.1.3): its clock starts when the
    /// partnership was told (`received`).
    static func opened(_ reference: CaseReference, by notification: SeriousIncidentNotification, received: CivilDate) -> IntakeCase {
        IntakeCase(reference: reference, anchor: received, referral: nil, notification: notification)
    }

    /// The date a notification starts the partnership's clock: when the partners were told, or
    /// else when it is recorded; never when the local authority became aware (T1's anchor).
    static func received(_ notification: SeriousIncidentNotification, today: CivilDate) -> CivilDate {
        notification.reportedToSafeguardingPartners ?? today
    }

    /// Whether `child` is this case's child (the forms of one incident name the same child),
    /// may be (for a person to confirm), or is not.
    func concerns(_ child: Person) -> ChildKey.Match {
        guard let known = self.child else { return .different }
        return ChildKey.match(known, child)
    }

    /// The case with another referral of its incident: its referral when it had none, else a
    /// linked referral (R3: the case file carries them all).
    func linking(_ referral: Referral) -> IntakeCase {
        var updated = self
        if updated.referral == nil { updated.referral = referral } else { updated.linkedReferrals.append(referral) }
        updated.moveAnchor(to: referral.dateReceived)
        return updated
    }

    /// The case with its notification (a later one replaces an earlier).
    func notified(_ notification: SeriousIncidentNotification, received: CivilDate) -> IntakeCase {
        var updated = self
        updated.notification = notification
        updated.moveAnchor(to: received)
        return updated
    }

    /// The clock counts from the earliest form received, until the case is handed over: then
    /// rapid-review counts T4 and T6 from the dates it was given, and the anchor is frozen.
    private mutating func moveAnchor(to date: CivilDate) {
        if date < anchor && handedOverOn == nil { anchor = date }
    }

    /// A person's decision on the flagged match with `other` (item 7): INVALID_ARGUMENT when no
    /// match with it was flagged, ALREADY_EXISTS when it was decided already.
    func decidingChildMatch(with other: CaseReference, sameChild: Bool, by principal: String, on day: CivilDate) throws(IntakeError)
        -> IntakeAPI.ChildMatch
    {
        guard let flagged = childMatches.first(where: { $0.otherCase == other }) else {
            throw .invalid(field: "otherCase", problem: "no possible match of \(reference) with \(other) was flagged")
        }
        guard flagged.state == .flagged else {
            throw .alreadyExists(field: "otherCase", problem: "the match with \(other) was already \(flagged.state.rawValue)")
        }
        return IntakeAPI.ChildMatch(otherCase: other, state: sameChild ? .confirmed : .rejected, decidedBy: principal, decidedOn: day)
    }
}
