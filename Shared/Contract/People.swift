import WorkingDays

/// How to reach a professional: the forms' "NAME | AGENCY & DESIGNATION/TITLE | CONTACT DETAILS".
package struct Contact: Sendable, Equatable, Codable {
    /// The person's name.
    package var name: String
    /// Their agency and designation or title, e.g. "Surrey Police, Detective Inspector".
    package var agencyAndDesignation: String
    /// Postal address, if given.
    package var address: String?
    /// Telephone, if given.
    package var telephone: String?
    /// E-mail, if given.
    package var email: String?

    package init(name: String, agencyAndDesignation: String, address: String? = nil, telephone: String? = nil, email: String? = nil) {
        self.name = name
        self.agencyAndDesignation = agencyAndDesignation
        self.address = address
        self.telephone = telephone
        self.email = email
    }
}

/// An organisation working with children.
package struct Agency: Sendable, Hashable, Codable {
    /// Its name, e.g. "Surrey County Council Children's Services".
    package var name: String
    /// Which safeguarding partner it belongs to, if any.
    package var kind: PartnerKind

    package init(name: String, kind: PartnerKind) {
        self.name = name
        self.kind = kind
    }
}

/// One address a person lived at, newest first in a history.
package struct AddressEntry: Sendable, Equatable, Codable {
    /// The address as written (without the postcode).
    package var address: String
    /// The postcode, kept apart so the disclosure check can find it in any spacing.
    package var postcode: String?
    /// From when, if known.
    package var from: CivilDate?
    /// Until when; nil for the current address.
    package var to: CivilDate?

    package init(address: String, postcode: String? = nil, from: CivilDate? = nil, to: CivilDate? = nil) {
        self.address = address
        self.postcode = postcode
        self.from = from
        self.to = to
    }
}

/// A child or family member: personal data, held only by intake (DESIGN.md, Security).
package struct Person: Sendable, Equatable, Codable {
    /// Full name.
    package var name: String
    /// Other names used ("Also known as").
    package var alsoKnownAs: [String]
    /// Date of birth, if known.
    package var dateOfBirth: CivilDate?
    /// Home address and previous addresses, current first.
    package var addressHistory: [AddressEntry]

    package init(name: String, alsoKnownAs: [String] = [], dateOfBirth: CivilDate? = nil, addressHistory: [AddressEntry] = []) {
        self.name = name
        self.alsoKnownAs = alsoKnownAs
        self.dateOfBirth = dateOfBirth
        self.addressHistory = addressHistory
    }

    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        alsoKnownAs = try container.decodeIfPresent([String].self, forKey: .alsoKnownAs) ?? []
        dateOfBirth = try container.decodeIfPresent(CivilDate.self, forKey: .dateOfBirth)
        addressHistory = try container.decodeIfPresent([AddressEntry].self, forKey: .addressHistory) ?? []
    }
}

/// A family member or significant other (Appendix 2 §1.2, Appendix 5 §1).
package struct FamilyMember: Sendable, Equatable, Codable {
    /// Name, aliases, date of birth, addresses.
    package var person: Person
    /// Relationship to the child, e.g. "mother", "mother's partner".
    package var relationshipToChild: String
    /// Legal status, e.g. "parental responsibility".
    package var legalStatus: String?
    /// Ethnic origin, as recorded.
    package var ethnicOrigin: String?

    package init(person: Person, relationshipToChild: String, legalStatus: String? = nil, ethnicOrigin: String? = nil) {
        self.person = person
        self.relationshipToChild = relationshipToChild
        self.legalStatus = legalStatus
        self.ethnicOrigin = ethnicOrigin
    }
}

/// A yes/no question of a form with its "if so, ..." details.
package struct YesNoDetails: Sendable, Equatable, Codable {
    /// The answer.
    package var answer: Bool
    /// Details: who, when, for what; required by the services where the form asks for them.
    package var details: String?

    package init(answer: Bool, details: String? = nil) {
        self.answer = answer
        self.details = details
    }
}
