import Contract
import WorkingDays

/// The checks of the forms intake receives. Each failure names the field path; messages about
/// personal fields never repeat their value.
struct FormValidation {
    let today: CivilDate

    func required(_ text: String, _ field: String) throws(IntakeError) {
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .invalid(field: field, problem: "is required and must not be empty") }
    }

    func notFuture(_ date: CivilDate?, _ field: String) throws(IntakeError) {
        if let date, date > today { throw .invalid(field: field, problem: "is in the future (today is \(today))") }
    }

    /// A time of day as the forms write it, "HH:MM" on the 24-hour clock (00:00-23:59).
    func time(_ text: String?, _ field: String) throws(IntakeError) {
        guard let text else { return }
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard digits[range].allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return digits[range].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
        guard digits.count == 5, digits[2] == UInt8(ascii: ":"), let hours = number(0..<2), let minutes = number(3..<5), hours < 24, minutes < 60
        else { throw .invalid(field: field, problem: "must be a time of day written HH:MM (00:00-23:59)") }
    }

    func details(_ answer: YesNoDetails, _ field: String) throws(IntakeError) {
        if answer.answer { try required(answer.details ?? "", "\(field).details") }
    }

    func contact(_ contact: Contact, _ field: String) throws(IntakeError) {
        try required(contact.name, "\(field).name")
        try required(contact.agencyAndDesignation, "\(field).agencyAndDesignation")
    }

    func person(_ person: Person, _ field: String) throws(IntakeError) {
        try required(person.name, "\(field).name")
        try notFuture(person.dateOfBirth, "\(field).dateOfBirth")
        for (index, entry) in person.addressHistory.enumerated() {
            try required(entry.address, "\(field).addressHistory[\(index)].address")
            try notFuture(entry.from, "\(field).addressHistory[\(index)].from")
        }
    }

    /// Appendix 2, and the rules of issue 5: required fields, real dates not in the future, the
    /// incident not after the referral, no agency listed twice.
    func referral(_ referral: Referral, field: String = "referral") throws(IntakeError) {
        try FormLimits.referral(referral, field)
        let child = referral.child
        try person(child.person, "\(field).child.person")
        try notFuture(referral.dateOfReferral, "\(field).dateOfReferral")
        try notFuture(referral.dateReceived, "\(field).dateReceived")
        try notFuture(child.incident.date, "\(field).child.incident.date")
        if referral.dateOfReferral > referral.dateReceived {
            throw .invalid(field: "\(field).dateOfReferral", problem: "is after the date the referral was received (\(referral.dateReceived))")
        }
        if child.incident.date > referral.dateOfReferral {
            throw .invalid(field: "\(field).child.incident.date", problem: "is after the date of the referral (\(referral.dateOfReferral))")
        }
        if let born = child.person.dateOfBirth, born > child.incident.date {
            throw .invalid(field: "\(field).child.person.dateOfBirth", problem: "is after the incident")
        }
        try details(child.childProtectionPlan, "\(field).child.childProtectionPlan")
        try details(child.openToChildrensSocialCare, "\(field).child.openToChildrensSocialCare")
        try details(child.criminalInvestigation, "\(field).child.criminalInvestigation")
        try details(child.coronersInquiry, "\(field).child.coronersInquiry")
        try details(child.adultSafeguardingConcerns, "\(field).child.adultSafeguardingConcerns")
        try contact(referral.referrer, "\(field).referrer")
        try contact(referral.safeguardingLeadConsulted, "\(field).safeguardingLeadConsulted")
        for (index, member) in referral.familyMembers.enumerated() {
            try person(member.person, "\(field).familyMembers[\(index)].person")
            try required(member.relationshipToChild, "\(field).familyMembers[\(index)].relationshipToChild")
        }
        var seen: [String: Int] = [:]
        for (index, involvement) in referral.agenciesInvolved.enumerated() {
            try required(involvement.agency.name, "\(field).agenciesInvolved[\(index)].agency.name")
            try required(involvement.reasonForInvolvement, "\(field).agenciesInvolved[\(index)].reasonForInvolvement")
            let key = AgencyKey.of(involvement.agency.name)
            if let first = seen[key] {
                throw .invalid(
                    field: "\(field).agenciesInvolved[\(index)].agency.name",
                    problem: "\(involvement.agency.name) is already listed at agenciesInvolved[\(first)]")
            }
            seen[key] = index
        }
        try required(referral.caseBackground, "\(field).caseBackground")
        try required(referral.reasonForReferral, "\(field).reasonForReferral")
        for (index, event) in referral.keyEvents.enumerated() {
            try notFuture(event.date, "\(field).keyEvents[\(index)].date")
            try time(event.time, "\(field).keyEvents[\(index)].time")
            try required(event.event, "\(field).keyEvents[\(index)].event")
        }
    }

    /// The LA notification: dates real, in order, not in the future (T1 is judged on them).
    func notification(_ notification: SeriousIncidentNotification, field: String = "notification") throws(IntakeError) {
        try FormLimits.notification(notification, field)
        try person(notification.child, "\(field).child")
        try contact(notification.notifiedBy, "\(field).notifiedBy")
        try notFuture(notification.incident.date, "\(field).incident.date")
        try notFuture(notification.becameAware, "\(field).becameAware")
        if notification.incident.date > notification.becameAware {
            throw .invalid(
                field: "\(field).incident.date", problem: "is after the date the local authority became aware (\(notification.becameAware))")
        }
        let notified: [(CivilDate?, String)] = [
            (notification.notifiedNationalPanel, "notifiedNationalPanel"), (notification.notifiedOfsted, "notifiedOfsted"),
            (notification.notifiedSecretaryOfState, "notifiedSecretaryOfState"),
            (notification.reportedToSafeguardingPartners, "reportedToSafeguardingPartners"),
        ]
        for (date, name) in notified {
            try notFuture(date, "\(field).\(name)")
            if let date, date < notification.becameAware {
                throw .invalid(field: "\(field).\(name)", problem: "is before the local authority became aware (\(notification.becameAware))")
            }
        }
    }
}
