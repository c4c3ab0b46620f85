import WorkingDays

/// Appendix 2: a referral for a Child Safeguarding Practice Review, field by field.
package struct Referral: Sendable, Equatable, Codable {
    /// Section 1.1: the child.
    package var child: ChildDetails
    /// The date on the form ("Date of Referral").
    package var dateOfReferral: CivilDate
    /// The date the partnership received it: the anchor of T2, T3, T4 and T6.
    package var dateReceived: CivilDate
    /// "Agency Referral": who refers.
    package var referrer: Contact
    /// The designated safeguarding lead or officer the referrer discussed the case with.
    package var safeguardingLeadConsulted: Contact
    /// Section 1.2: family members and significant others.
    package var familyMembers: [FamilyMember]
    /// Section 1.2: what has been done to safeguard and protect the child's siblings.
    package var siblingsSafeguardingAction: String?
    /// Section 1.3: other agencies known to be involved.
    package var agenciesInvolved: [AgencyInvolvement]
    /// Section 2: a brief outline of the child and family circumstances and the incident.
    package var caseBackground: String
    /// Section 2: why the referral is made.
    package var reasonForReferral: String
    /// Section 2: key events around the time of the incident (not a full chronology).
    package var keyEvents: [KeyEvent]
    /// Section 2: anything else that may assist decision-making.
    package var additionalInformation: String?

    package init(
        child: ChildDetails, dateOfReferral: CivilDate, dateReceived: CivilDate, referrer: Contact, safeguardingLeadConsulted: Contact,
        familyMembers: [FamilyMember] = [], siblingsSafeguardingAction: String? = nil, agenciesInvolved: [AgencyInvolvement] = [],
        caseBackground: String, reasonForReferral: String, keyEvents: [KeyEvent] = [], additionalInformation: String? = nil
    ) {
        self.child = child
        self.dateOfReferral = dateOfReferral
        self.dateReceived = dateReceived
        self.referrer = referrer
        self.safeguardingLeadConsulted = safeguardingLeadConsulted
        self.familyMembers = familyMembers
        self.siblingsSafeguardingAction = siblingsSafeguardingAction
        self.agenciesInvolved = agenciesInvolved
        self.caseBackground = caseBackground
        self.reasonForReferral = reasonForReferral
        self.keyEvents = keyEvents
        self.additionalInformation = additionalInformation
    }
}

/// Appendix 2 §1.1: the child's details.
package struct ChildDetails: Sendable, Equatable, Codable {
    /// Name, aliases, date of birth, home address and history.
    package var person: Person
    /// Gender, as recorded.
    package var gender: String?
    /// Ethnic origin, as recorded.
    package var ethnicOrigin: String?
    /// Faith or religion.
    package var faithOrReligion: String?
    /// Disability, if any.
    package var disability: String?
    /// Is the child looked after? (A looked-after child's death is also notified to the
    /// Secretary of State, §1.6.4.)
    package var lookedAfter: Bool
    /// Subject of a child protection plan now or before: when, for what, how long.
    package var childProtectionPlan: YesNoDetails
    /// Open to Children's Social Care or a Children & Families Practice: the lead practitioner.
    package var openToChildrensSocialCare: YesNoDetails
    /// The incident: death or serious harm, when, where, the carer at the time.
    package var incident: Incident
    /// Subject of a criminal investigation: the lead investigator.
    package var criminalInvestigation: YesNoDetails
    /// Subject of a Coroner's inquiry: the key contact.
    package var coronersInquiry: YesNoDetails
    /// Adult safeguarding concerns shared through an adult referral: the key contact.
    package var adultSafeguardingConcerns: YesNoDetails

    package init(
        person: Person, gender: String? = nil, ethnicOrigin: String? = nil, faithOrReligion: String? = nil, disability: String? = nil,
        lookedAfter: Bool = false, childProtectionPlan: YesNoDetails = YesNoDetails(answer: false),
        openToChildrensSocialCare: YesNoDetails = YesNoDetails(answer: false), incident: Incident,
        criminalInvestigation: YesNoDetails = YesNoDetails(answer: false), coronersInquiry: YesNoDetails = YesNoDetails(answer: false),
        adultSafeguardingConcerns: YesNoDetails = YesNoDetails(answer: false)
    ) {
        self.person = person
        self.gender = gender
        self.ethnicOrigin = ethnicOrigin
        self.faithOrReligion = faithOrReligion
        self.disability = disability
        self.lookedAfter = lookedAfter
        self.childProtectionPlan = childProtectionPlan
        self.openToChildrensSocialCare = openToChildrensSocialCare
        self.incident = incident
        self.criminalInvestigation = criminalInvestigation
        self.coronersInquiry = coronersInquiry
        self.adultSafeguardingConcerns = adultSafeguardingConcerns
    }
}

/// What happened to the child.
package enum IncidentKind: String, WireEnum {
    case death
    case seriousHarm
}

/// Appendix 2 §1.1: "Date of Death or Serious Incident", its location and the carer.
package struct Incident: Sendable, Equatable, Codable {
    /// Death or serious harm.
    package var kind: IncidentKind
    /// When it happened.
    package var date: CivilDate
    /// Address of the location of the incident.
    package var location: String?
    /// Who was caring for the child at the time.
    package var carerAtTime: String?

    package init(kind: IncidentKind, date: CivilDate, location: String? = nil, carerAtTime: String? = nil) {
        self.kind = kind
        self.date = date
        self.location = location
        self.carerAtTime = carerAtTime
    }
}

/// Appendix 2 §1.3: an agency known to be involved.
package struct AgencyInvolvement: Sendable, Equatable, Codable {
    /// The agency.
    package var agency: Agency
    /// Its contact for this case.
    package var contact: Contact?
    /// Why it was involved.
    package var reasonForInvolvement: String
    /// Whether the involvement is current.
    package var current: Bool

    package init(agency: Agency, contact: Contact? = nil, reasonForInvolvement: String, current: Bool) {
        self.agency = agency
        self.contact = contact
        self.reasonForInvolvement = reasonForInvolvement
        self.current = current
    }
}

/// A key event: "Date and Time | Event".
package struct KeyEvent: Sendable, Equatable, Codable {
    /// The date.
    package var date: CivilDate
    /// The time of day, "HH:MM", if known.
    package var time: String?
    /// What happened.
    package var event: String

    package init(date: CivilDate, time: String? = nil, event: String) {
        self.date = date
        self.time = time
        self.event = event
    }
}

/// A local-authority serious incident notification (§1.6, §4.1.2). T1 runs from `becameAware`.
package struct SeriousIncidentNotification: Sendable, Equatable, Codable {
    /// The child (personal data; intake only).
    package var child: Person
    /// The incident.
    package var incident: Incident
    /// When the local authority became aware of the incident: the anchor of T1.
    package var becameAware: CivilDate
    /// When the National Panel was notified (T1: within 5 working days).
    package var notifiedNationalPanel: CivilDate?
    /// When Ofsted was notified.
    package var notifiedOfsted: CivilDate?
    /// When the Secretary of State was notified (a looked-after child's death, §1.6.4).
    package var notifiedSecretaryOfState: CivilDate?
    /// When the safeguarding partners were told (T1: within 5 working days).
    package var reportedToSafeguardingPartners: CivilDate?
    /// The child was looked after and has died (§1.6.4).
    package var lookedAfterChildDeath: Bool
    /// Who notifies, for the local authority.
    package var notifiedBy: Contact

    package init(
        child: Person, incident: Incident, becameAware: CivilDate, notifiedNationalPanel: CivilDate? = nil, notifiedOfsted: CivilDate? = nil,
        notifiedSecretaryOfState: CivilDate? = nil, reportedToSafeguardingPartners: CivilDate? = nil, lookedAfterChildDeath: Bool = false,
        notifiedBy: Contact
    ) {
        self.child = child
        self.incident = incident
        self.becameAware = becameAware
        self.notifiedNationalPanel = notifiedNationalPanel
        self.notifiedOfsted = notifiedOfsted
        self.notifiedSecretaryOfState = notifiedSecretaryOfState
        self.reportedToSafeguardingPartners = reportedToSafeguardingPartners
        self.lookedAfterChildDeath = lookedAfterChildDeath
        self.notifiedBy = notifiedBy
    }
}
