import WorkingDays

// MARK: - The outcome document's particulars (Appendix 5), for rapid-review

extension IntakeAPI {
    /// `GetOutcomeParticulars`' answer: what Appendix 5 (and the covering letter to the
    /// National Panel, §4.7.1) asks that only intake holds. Personal data: rapid-review
    /// renders it into the document it is asked for and keeps none of it (issue 15, item 12).
    package struct OutcomeParticulars: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// "Name of Child", "Date of Birth", "Ethnicity of Child", and where the child lives.
        package var child: ChildParticulars
        /// "Date of Death / Serious Incident": the incident as the first form records it.
        package var incident: Incident
        /// "Date notified to Ofsted", from the LA's notification; absent when none says so.
        package var notifiedOfsted: CivilDate?
        /// The date the National Panel was notified, from the LA's notification.
        package var notifiedNationalPanel: CivilDate?
        /// Section 1, "Details of Family Members and Significant Others", from every referral.
        package var familyMembers: [FamilyMember]
        /// Who referred the case (the referral's referrer, or the LA officer who notified it).
        package var referrer: Contact?
        /// The referring agency, as intake names it for R10.
        package var referringAgency: String?

        package init(
            caseReference: CaseReference, child: ChildParticulars, incident: Incident, notifiedOfsted: CivilDate? = nil,
            notifiedNationalPanel: CivilDate? = nil, familyMembers: [FamilyMember] = [], referrer: Contact? = nil, referringAgency: String? = nil
        ) {
            self.caseReference = caseReference
            self.child = child
            self.incident = incident
            self.notifiedOfsted = notifiedOfsted
            self.notifiedNationalPanel = notifiedNationalPanel
            self.familyMembers = familyMembers
            self.referrer = referrer
            self.referringAgency = referringAgency
        }
    }

    /// Appendix 5's "Background Information" about the child, as intake holds it.
    package struct ChildParticulars: Sendable, Equatable, Codable {
        /// Full name.
        package var name: String
        /// Date of birth, if known.
        package var dateOfBirth: CivilDate?
        /// Gender, as recorded.
        package var gender: String?
        /// Ethnic origin, as recorded.
        package var ethnicity: String?
        /// The current home address, as written (with its postcode when known).
        package var address: String?
        /// The local authority the case's forms name (an involved or asked agency of that kind).
        package var localAuthority: String?

        package init(
            name: String, dateOfBirth: CivilDate? = nil, gender: String? = nil, ethnicity: String? = nil, address: String? = nil,
            localAuthority: String? = nil
        ) {
            self.name = name
            self.dateOfBirth = dateOfBirth
            self.gender = gender
            self.ethnicity = ethnicity
            self.address = address
            self.localAuthority = localAuthority
        }
    }
}
