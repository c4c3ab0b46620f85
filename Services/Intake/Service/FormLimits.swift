import Contract

/// The sizes intake's forms may reach (issue 17, item 6): generous for any real referral,
/// notification or scoping form, small enough that no one form can slow the case's reads or the
/// status feed. The README's table lists them; a form over one is INVALID_ARGUMENT naming the
/// field path and the limit. Texts are counted in UTF-8 bytes: what is stored and sent. At
/// these limits a referral is at most about 0.4 MB of JSON, and a case's file (its referral and
/// 50 linked ones) about 20 MB; a real referral is a few kB.
enum FormLimits {
    /// A person's name, an alias, an agency's name, a relationship, a postcode, a time.
    static let nameLength = 200
    /// A one-line field: an address, a designation, a telephone, an e-mail, a status.
    static let lineLength = 300
    /// A free-text field of a form: the background, the reason, details, a summary.
    static let textLength = 10_000
    /// Family members and significant others on one referral.
    static let familyMembers = 20
    /// Agencies involved on one referral; scoping requests in one call.
    static let agencies = 50
    /// Key events on one referral (around the incident, not a full chronology).
    static let keyEvents = 100
    /// Entries of one person's address history.
    static let addressHistory = 10
    /// Other names one person is known by.
    static let alsoKnownAs = 5
    /// Referrals linked to one case after its first (the same incident referred again).
    static let linkedReferrals = 50

    /// Refuses a text longer than `limit` bytes.
    static func text(_ value: String?, _ field: String, _ limit: Int) throws(IntakeError) {
        guard let value, value.utf8.count > limit else { return }
        throw .invalid(field: field, problem: "is longer than the limit of \(limit) bytes")
    }

    /// Refuses a list of more than `limit` entries.
    static func list(_ count: Int, _ field: String, _ limit: Int) throws(IntakeError) {
        guard count > limit else { return }
        throw .invalid(field: field, problem: "has \(count) entries, more than the limit of \(limit)")
    }

    /// A contact's fields.
    static func contact(_ contact: Contact, _ field: String) throws(IntakeError) {
        try text(contact.name, "\(field).name", nameLength)
        try text(contact.agencyAndDesignation, "\(field).agencyAndDesignation", lineLength)
        try text(contact.address, "\(field).address", lineLength)
        try text(contact.telephone, "\(field).telephone", nameLength)
        try text(contact.email, "\(field).email", lineLength)
    }

    /// A person's name, aliases and address history.
    static func person(_ person: Person, _ field: String) throws(IntakeError) {
        try text(person.name, "\(field).name", nameLength)
        try list(person.alsoKnownAs.count, "\(field).alsoKnownAs", alsoKnownAs)
        for (index, alias) in person.alsoKnownAs.enumerated() { try text(alias, "\(field).alsoKnownAs[\(index)]", nameLength) }
        try list(person.addressHistory.count, "\(field).addressHistory", addressHistory)
        for (index, entry) in person.addressHistory.enumerated() {
            try text(entry.address, "\(field).addressHistory[\(index)].address", lineLength)
            try text(entry.postcode, "\(field).addressHistory[\(index)].postcode", nameLength)
        }
    }

    /// An agency's name.
    static func agency(_ agency: Agency, _ field: String) throws(IntakeError) {
        try text(agency.name, "\(field).name", nameLength)
    }

    /// The incident's free texts.
    static func incident(_ incident: Incident, _ field: String) throws(IntakeError) {
        try text(incident.location, "\(field).location", lineLength)
        try text(incident.carerAtTime, "\(field).carerAtTime", lineLength)
    }

    /// Every list and text of a referral (Appendix 2).
    static func referral(_ referral: Referral, _ field: String) throws(IntakeError) {
        let child = referral.child
        try person(child.person, "\(field).child.person")
        for (value, label) in [
            (child.gender, "gender"), (child.ethnicOrigin, "ethnicOrigin"), (child.faithOrReligion, "faithOrReligion"),
            (child.disability, "disability"),
        ] {
            try text(value, "\(field).child.\(label)", lineLength)
        }
        try incident(child.incident, "\(field).child.incident")
        for (answer, label) in [
            (child.childProtectionPlan, "childProtectionPlan"), (child.openToChildrensSocialCare, "openToChildrensSocialCare"),
            (child.criminalInvestigation, "criminalInvestigation"), (child.coronersInquiry, "coronersInquiry"),
            (child.adultSafeguardingConcerns, "adultSafeguardingConcerns"),
        ] {
            try text(answer.details, "\(field).child.\(label).details", textLength)
        }
        try contact(referral.referrer, "\(field).referrer")
        try contact(referral.safeguardingLeadConsulted, "\(field).safeguardingLeadConsulted")
        try list(referral.familyMembers.count, "\(field).familyMembers", familyMembers)
        for (index, member) in referral.familyMembers.enumerated() {
            let path = "\(field).familyMembers[\(index)]"
            try person(member.person, "\(path).person")
            try text(member.relationshipToChild, "\(path).relationshipToChild", nameLength)
            try text(member.legalStatus, "\(path).legalStatus", lineLength)
            try text(member.ethnicOrigin, "\(path).ethnicOrigin", lineLength)
        }
        try text(referral.siblingsSafeguardingAction, "\(field).siblingsSafeguardingAction", textLength)
        try list(referral.agenciesInvolved.count, "\(field).agenciesInvolved", agencies)
        for (index, involvement) in referral.agenciesInvolved.enumerated() {
            let path = "\(field).agenciesInvolved[\(index)]"
            try agency(involvement.agency, "\(path).agency")
            if let contact = involvement.contact { try Self.contact(contact, "\(path).contact") }
            try text(involvement.reasonForInvolvement, "\(path).reasonForInvolvement", lineLength)
        }
        try text(referral.caseBackground, "\(field).caseBackground", textLength)
        try text(referral.reasonForReferral, "\(field).reasonForReferral", textLength)
        try list(referral.keyEvents.count, "\(field).keyEvents", keyEvents)
        for (index, event) in referral.keyEvents.enumerated() {
            try text(event.event, "\(field).keyEvents[\(index)].event", lineLength)
        }
        try text(referral.additionalInformation, "\(field).additionalInformation", textLength)
    }

    /// Every list and text of an LA notification.
    static func notification(_ notification: SeriousIncidentNotification, _ field: String) throws(IntakeError) {
        try person(notification.child, "\(field).child")
        try incident(notification.incident, "\(field).incident")
        try contact(notification.notifiedBy, "\(field).notifiedBy")
    }

    /// Every list and text of a batch of scoping requests and its letters.
    static func scopingRequests(_ request: IntakeAPI.SendScopingRequestsRequest) throws(IntakeError) {
        try list(request.requests.count, "requests", agencies)
        for (index, draft) in request.requests.enumerated() {
            try agency(draft.agency, "requests[\(index)].agency")
            try contact(draft.contact, "requests[\(index)].contact")
        }
        try text(request.signatory, "signatory", lineLength)
        try text(request.queriesContact, "queriesContact", lineLength)
    }

    /// Every text of a scoping return (Appendix 3).
    static func scopingReturn(_ form: ScopingReturn, _ field: String) throws(IntakeError) {
        try agency(form.agency, "\(field).agency")
        try contact(form.completedBy, "\(field).completedBy")
        for (value, label) in [
            (form.familyDetailAnomalies, "familyDetailAnomalies"), (form.involvementSummary, "involvementSummary"),
            (form.practiceAnalysis, "practiceAnalysis"), (form.partnershipConcerns, "partnershipConcerns"),
            (form.otherAgenciesInvolved, "otherAgenciesInvolved"), (form.furtherInformation, "furtherInformation"),
        ] {
            try text(value, "\(field).\(label)", textLength)
        }
    }
}
