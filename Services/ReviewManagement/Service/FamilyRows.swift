import Contract
import ServiceKit
import Storage

extension ReviewRows {
    /// Reads the family members, the conversations and the learning events into `review`.
    static func loadFamily(_ db: some DatabaseAccess, into review: inout Review) throws {
        let key = review.reference
        review.familyMembers = try db.query("SELECT record FROM family_members WHERE case_reference = ? ORDER BY member, version", key).map {
            try JSONColumn.value(ReviewManagementAPI.FamilyMemberVersion.self, $0, "record", table: "family_members")
        }
        review.familyContacts = try db.query("SELECT record FROM family_contacts WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(ReviewManagementAPI.FamilyContact.self, $0, "record", table: "family_contacts")
        }
        review.learningEvents = try db.query("SELECT record FROM learning_events WHERE case_reference = ? ORDER BY number", key).map {
            try JSONColumn.value(ReviewManagementAPI.LearningEvent.self, $0, "record", table: "learning_events")
        }
    }
}

extension ReviewWriter {
    /// Adds a version of a family member; earlier ones stay.
    func addFamilyMember(_ member: ReviewManagementAPI.FamilyMemberVersion, to reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO family_members (case_reference, member, version, record) VALUES (?, ?, ?, ?)", reference, member.member, member.version,
            try JSONColumn.text(member))
    }

    /// Records step `number` of the conversations with the family.
    func recordFamilyContact(_ contact: ReviewManagementAPI.FamilyContact, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO family_contacts (case_reference, number, member, status, record) VALUES (?, ?, ?, ?, ?)", reference, number, contact.member,
            contact.status.rawValue, try JSONColumn.text(contact))
    }

    /// Records learning event `number`.
    func recordLearningEvent(_ event: ReviewManagementAPI.LearningEvent, number: Int, of reference: CaseReference) throws {
        try tx.execute(
            "INSERT INTO learning_events (case_reference, number, kind, record) VALUES (?, ?, ?, ?)", reference, number, event.kind.rawValue,
            try JSONColumn.text(event))
    }
}
