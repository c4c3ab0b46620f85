import Contract
import WorkingDays

/// Two cases a person confirmed concern the same child (issue 17, item 7): the later case's
/// forms join the earlier case as a form of the incident would have joined it had its child
/// been known to be the same, and the later case is closed, marked as merged.
extension IntakeCase {
    /// Why this case, the later of the two, cannot be merged into another: work on it has begun
    /// that its agencies or the Rapid Review know by its reference. Nil when it can be.
    var mergeBlocker: IntakeAPI.NotMergedReason? {
        if handedOverOn != nil { return .handedToRapidReview }
        if !requests.isEmpty || !returns.isEmpty { return .scopingStarted }
        if !extensions.isEmpty { return .deadlineExtended }
        return nil
    }

    /// This case with `later`'s forms: its referral and linked referrals linked (R3: the case
    /// file carries them all), its notification as a later notification would be (it replaces
    /// an earlier one), the clock from the earliest form while not yet handed over.
    func absorbing(_ later: IntakeCase) -> IntakeCase {
        var merged = self
        for referral in [later.referral].compactMap({ $0 }) + later.linkedReferrals { merged = merged.linking(referral) }
        if let notification = later.notification {
            merged = merged.notified(notification, received: IntakeCase.received(notification, today: later.anchor))
        }
        return merged
    }

    /// Refuses a change to a case merged into another (FAILED_PRECONDITION, R3: its forms are in
    /// the other case's file, where the work goes on).
    func requireNotMerged() throws(IntakeError) {
        guard let into = mergedInto else { return }
        throw .precondition(
            rule: .r3,
            problem:
                "case \(reference) was merged into \(into) (the same child, confirmed): its forms are in \(into)'s case file; record this on \(into)")
    }
}

extension IntakeWriter {
    /// Merges `later` into `earlier` after a person confirmed their children are one (item 7),
    /// in the decision's transaction: the forms linked to `earlier`, `later` marked merged.
    /// Answers why not, and changes nothing, when `later`'s work has begun or `earlier` is full.
    func merge(_ later: CaseReference, into earlier: CaseReference, on day: CivilDate) throws -> IntakeAPI.NotMergedReason? {
        let whole = try CaseRows.require(tx, later, withLinkedReferrals: true)
        if let blocker = whole.mergeBlocker { return blocker }
        let surviving = try require(earlier)
        let added = (whole.referral == nil ? 0 : 1) + whole.linkedReferrals.count + (surviving.referral == nil ? -1 : 0)
        let linked: Int = try tx.value(CaseRows.Lookup.linkedReferralCount, earlier) ?? 0
        if linked + added > FormLimits.linkedReferrals { return .linkedReferralLimit }
        try update(surviving, to: surviving.absorbing(whole))
        try markMerged(later, into: earlier, on: day)
        return nil
    }
}
