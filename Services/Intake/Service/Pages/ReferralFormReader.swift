import Contract
import WebForms
import WorkingDays

/// The referral form's fields (named by the contract's field paths) read into Appendix 2's
/// `Referral`, or what is wrong with them, field by field, worded for the person filling it.
/// Only what a form alone can get wrong (a date that is not one, a required date left
/// blank) is checked here; the rules are the domain's (`FormValidation`, `submitReferral`).
struct ReferralFormReader {
    let values: FormData
    private(set) var errors: [FieldError] = []

    init(_ values: FormData) { self.values = values }

    /// The referral, when every date reads; the errors otherwise.
    mutating func read() -> Referral? {
        let child = childDetails()
        let dateOfReferral = date("referral.dateOfReferral", "Date of referral", required: true)
        let dateReceived = date("referral.dateReceived", "Date the referral was received", required: true)
        var family: [FamilyMember] = []
        for index in 0..<ReferralGroup.familyMembers.count(values) { family.append(familyMember(index)) }
        let agencies = (0..<ReferralGroup.agencies.count(values)).map(agency)
        var events: [KeyEvent] = []
        for index in 0..<ReferralGroup.keyEvents.count(values) { if let event = keyEvent(index) { events.append(event) } }
        guard errors.isEmpty, let child, let dateOfReferral, let dateReceived else { return nil }
        return Referral(
            child: child, dateOfReferral: dateOfReferral, dateReceived: dateReceived, referrer: contact("referral.referrer"),
            safeguardingLeadConsulted: contact("referral.safeguardingLeadConsulted"), familyMembers: family,
            siblingsSafeguardingAction: values.text("referral.siblingsSafeguardingAction"), agenciesInvolved: agencies,
            caseBackground: values["referral.caseBackground"], reasonForReferral: values["referral.reasonForReferral"],
            keyEvents: events, additionalInformation: values.text("referral.additionalInformation"))
    }

    private mutating func childDetails() -> ChildDetails? {
        let born = date("referral.child.person.dateOfBirth", "Date of birth", required: false)
        let incidentDate = date("referral.child.incident.date", "Date of death or serious incident", required: true)
        let addresses = (0..<ReferralGroup.addresses.count(values)).compactMap { index -> AddressEntry? in
            let item = ReferralGroup.addresses.item(index)
            guard let address = values.text("\(item).address") else { return nil }
            return AddressEntry(address: address, postcode: values.text("\(item).postcode"))
        }
        guard let incidentDate else { return nil }
        let kind: IncidentKind = values["referral.child.incident.kind"] == "seriousHarm" ? .seriousHarm : .death
        return ChildDetails(
            person: Person(name: values["referral.child.person.name"], dateOfBirth: born, addressHistory: addresses),
            gender: values.text("referral.child.gender"), ethnicOrigin: values.text("referral.child.ethnicOrigin"),
            faithOrReligion: values.text("referral.child.faithOrReligion"), disability: values.text("referral.child.disability"),
            lookedAfter: values["referral.child.lookedAfter"] == "yes", childProtectionPlan: yesNo("referral.child.childProtectionPlan"),
            openToChildrensSocialCare: yesNo("referral.child.openToChildrensSocialCare"),
            incident: Incident(
                kind: kind, date: incidentDate, location: values.text("referral.child.incident.location"),
                carerAtTime: values.text("referral.child.incident.carerAtTime")),
            criminalInvestigation: yesNo("referral.child.criminalInvestigation"), coronersInquiry: yesNo("referral.child.coronersInquiry"),
            adultSafeguardingConcerns: yesNo("referral.child.adultSafeguardingConcerns"))
    }

    private mutating func familyMember(_ index: Int) -> FamilyMember {
        let item = ReferralGroup.familyMembers.item(index)
        let born = date("\(item).person.dateOfBirth", "Family member \(index + 1)'s date of birth", required: false)
        let address = values.text("\(item).person.addressHistory[0].address")
        return FamilyMember(
            person: Person(name: values["\(item).person.name"], dateOfBirth: born, addressHistory: address.map { [AddressEntry(address: $0)] } ?? []),
            relationshipToChild: values["\(item).relationshipToChild"], legalStatus: values.text("\(item).legalStatus"),
            ethnicOrigin: values.text("\(item).ethnicOrigin"))
    }

    private func agency(_ index: Int) -> AgencyInvolvement {
        let item = ReferralGroup.agencies.item(index)
        let name = values["\(item).agency.name"]
        let kind = PartnerKind(rawValue: values["\(item).agency.kind"]) ?? .other
        let contactName = values.text("\(item).contact.name")
        return AgencyInvolvement(
            agency: Agency(name: name, kind: kind),
            contact: contactName.map {
                Contact(
                    name: $0, agencyAndDesignation: name, telephone: values.text("\(item).contact.telephone"),
                    email: values.text("\(item).contact.email"))
            }, reasonForInvolvement: values["\(item).reasonForInvolvement"], current: values["\(item).current"] == "yes")
    }

    private mutating func keyEvent(_ index: Int) -> KeyEvent? {
        let item = ReferralGroup.keyEvents.item(index)
        guard let day = date("\(item).date", "Key event \(index + 1)'s date", required: true) else { return nil }
        return KeyEvent(date: day, time: values.text("\(item).time"), event: values["\(item).event"])
    }

    private func contact(_ name: String) -> Contact {
        Contact(
            name: values["\(name).name"], agencyAndDesignation: values["\(name).agencyAndDesignation"], address: values.text("\(name).address"),
            telephone: values.text("\(name).telephone"), email: values.text("\(name).email"))
    }

    private func yesNo(_ name: String) -> YesNoDetails {
        let answer = values["\(name).answer"] == "yes"
        return YesNoDetails(answer: answer, details: answer ? values.text("\(name).details") : nil)
    }

    private mutating func date(_ name: String, _ label: String, required: Bool) -> CivilDate? {
        DateInput.read(values, name, label: label, required: required, errors: &errors)
    }
}
