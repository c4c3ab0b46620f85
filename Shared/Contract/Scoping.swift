import WorkingDays

/// Appendix 3 "Background Information" and the Appendix 4 letter's particulars: what is sent
/// to an agency (T2: within 2 working days of the referral).
package struct ScopingRequest: Sendable, Equatable, Codable {
    /// The agency asked.
    package var agency: Agency
    /// Its safeguarding lead, to whom the letter is addressed.
    package var contact: Contact
    /// When the form and letter were sent.
    package var dateSent: CivilDate
    /// The return date written into the letter (T3).
    package var returnBy: CivilDate?
    /// True when sent after the T2 deadline.
    package var sentLate: Bool?
    /// Who signed the letter, as the request gave it (the letter is printed again later).
    package var signatory: String?
    /// Who the letter named for questions, as the request gave it.
    package var queriesContact: String?

    package init(
        agency: Agency, contact: Contact, dateSent: CivilDate, returnBy: CivilDate? = nil, sentLate: Bool? = nil, signatory: String? = nil,
        queriesContact: String? = nil
    ) {
        self.agency = agency
        self.contact = contact
        self.dateSent = dateSent
        self.returnBy = returnBy
        self.sentLate = sentLate
        self.signatory = signatory
        self.queriesContact = queriesContact
    }
}

/// Appendix 3: an agency's completed Initial Scoping and Information Sharing form, or its
/// written confirmation that the child and family are not known to it (Appendix 4).
package struct ScopingReturn: Sendable, Equatable, Codable {
    /// The agency returning it.
    package var agency: Agency
    /// "Contact Details of Individual / Agency Completing this Form".
    package var completedBy: Contact
    /// "Date Completed".
    package var dateCompleted: CivilDate
    /// The date the partnership received it (judged against T3).
    package var dateReceived: CivilDate
    /// False: the written confirmation that the child and family are not known to the agency.
    package var knownToAgency: Bool
    /// Section 1: anomalies between the family composition sent and the agency's records.
    package var familyDetailAnomalies: String?
    /// Section 2: the agency's involvement with the child and the family, key events in order.
    package var involvementSummary: String?
    /// Section 2: brief analysis of individual or agency practice (outstanding practice, learning).
    package var practiceAnalysis: String?
    /// Section 2: concerns about how partners worked together to safeguard the child.
    package var partnershipConcerns: String?
    /// Section 2: other agencies this agency knows to be involved.
    package var otherAgenciesInvolved: String?
    /// Section 2: anything else for the Rapid Review meeting.
    package var furtherInformation: String?
    /// When the agency secured its records (§4.3.5).
    package var recordsSecuredOn: CivilDate?

    package init(
        agency: Agency, completedBy: Contact, dateCompleted: CivilDate, dateReceived: CivilDate, knownToAgency: Bool,
        familyDetailAnomalies: String? = nil, involvementSummary: String? = nil, practiceAnalysis: String? = nil,
        partnershipConcerns: String? = nil, otherAgenciesInvolved: String? = nil, furtherInformation: String? = nil,
        recordsSecuredOn: CivilDate? = nil
    ) {
        self.agency = agency
        self.completedBy = completedBy
        self.dateCompleted = dateCompleted
        self.dateReceived = dateReceived
        self.knownToAgency = knownToAgency
        self.familyDetailAnomalies = familyDetailAnomalies
        self.involvementSummary = involvementSummary
        self.practiceAnalysis = practiceAnalysis
        self.partnershipConcerns = partnershipConcerns
        self.otherAgenciesInvolved = otherAgenciesInvolved
        self.furtherInformation = furtherInformation
        self.recordsSecuredOn = recordsSecuredOn
    }
}
