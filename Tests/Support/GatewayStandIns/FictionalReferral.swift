import Contract
import WorkingDays

/// An obviously fictional Appendix 2 referral, with the personal details a test then searches
/// for wherever they must not be.
package enum FictionalReferral {
    /// The child's details that must never leave intake.
    package struct Identity: Sendable {
        /// The child's name.
        package var childName: String
        /// The child's date of birth (ISO).
        package var dateOfBirth: String
        /// The child's address.
        package var address: String
        /// Its postcode.
        package var postcode: String

        package init(
            childName: String, dateOfBirth: String = "2019-02-03", address: String = "7 Imaginary Lane, Testtown", postcode: String = "TE9 9ZZ"
        ) {
            self.childName = childName
            self.dateOfBirth = dateOfBirth
            self.address = address
            self.postcode = postcode
        }
    }

    /// A referral received on `received` about a child with `identity`.
    package static func make(_ identity: Identity, received: String = "2025-03-20") -> Referral {
        let receivedDate = Fixtures.date(received)
        let lead = Contact(
            name: "Dana Sample", agencyAndDesignation: "Testshire Police, Detective Inspector", telephone: "01632 960000",
            email: "dana.sample@police.example")
        let child = Person(
            name: identity.childName, dateOfBirth: Fixtures.date(identity.dateOfBirth),
            addressHistory: [AddressEntry(address: identity.address, postcode: identity.postcode, from: Fixtures.date("2021-06-01"))])
        return Referral(
            child: ChildDetails(
                person: child, gender: "not recorded", lookedAfter: false,
                incident: Incident(kind: .seriousHarm, date: receivedDate.adding(days: -2), location: identity.address, carerAtTime: "mother")),
            dateOfReferral: receivedDate, dateReceived: receivedDate,
            referrer: Contact(name: "Lee Specimen", agencyAndDesignation: "Testtown Primary School, Designated Safeguarding Lead"),
            safeguardingLeadConsulted: lead,
            familyMembers: [
                FamilyMember(
                    person: Person(name: "Morgan Quillfeather-Fictional", dateOfBirth: Fixtures.date("1994-07-08")), relationshipToChild: "mother")
            ],
            agenciesInvolved: [
                AgencyInvolvement(
                    agency: Agency(name: "Testshire Children's Services", kind: .localAuthority), contact: lead,
                    reasonForInvolvement: "child in need plan", current: true)
            ],
            caseBackground: "fictional background for tests", reasonForReferral: "fictional reason for tests",
            keyEvents: [KeyEvent(date: receivedDate.adding(days: -2), time: "14:30", event: "admitted to hospital")])
    }
}
