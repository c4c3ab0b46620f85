import Contract

extension IntakeCase {
    /// What Appendix 5 asks that intake holds (issue 15, item 12): the child, the incident, the
    /// dates Ofsted and the National Panel were notified, the family members and significant
    /// others of every referral, and the referrer. Nil for a case with no incident recorded.
    var outcomeParticulars: IntakeAPI.OutcomeParticulars? {
        guard let incident, let child else { return nil }
        let details = referral?.child
        let current = child.addressHistory.first { $0.to == nil } ?? child.addressHistory.first
        let address = current.map { entry in [entry.address, entry.postcode].compactMap { $0 }.joined(separator: ", ") }
        let agencies = (referral?.agenciesInvolved.map(\.agency) ?? []) + requests.map(\.agency)
        return IntakeAPI.OutcomeParticulars(
            caseReference: reference,
            child: IntakeAPI.ChildParticulars(
                name: child.name, dateOfBirth: child.dateOfBirth ?? notification?.child.dateOfBirth, gender: details?.gender,
                ethnicity: details?.ethnicOrigin, address: address,
                localAuthority: agencies.first { $0.kind == .localAuthority }?.name),
            incident: incident, notifiedOfsted: notification?.notifiedOfsted, notifiedNationalPanel: notification?.notifiedNationalPanel,
            familyMembers: ([referral].compactMap { $0 } + linkedReferrals).flatMap(\.familyMembers),
            referrer: referral?.referrer ?? notification?.notifiedBy, referringAgency: referringAgency)
    }
}
