/// The tables of the family's involvement and the learning events, one schema step each.
/// Every row is kept as written: a member's new version, a new step of a conversation or a
/// rescheduled event is a new row, and none erases an earlier one.
enum FamilySchema {
    static let familyMembers = """
        CREATE TABLE family_members (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            member INTEGER NOT NULL CHECK (member >= 1),
            version INTEGER NOT NULL CHECK (version >= 1),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, member, version)
        ) STRICT;
        \(RecordTable.kept("family_members", "every version of a family member is kept as recorded"))
        """

    static let familyContacts = """
        CREATE TABLE family_contacts (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            number INTEGER NOT NULL CHECK (number >= 1),
            member INTEGER NOT NULL CHECK (member >= 1),
            status TEXT NOT NULL CHECK (status IN ('invited', 'accepted', 'declined', 'met', 'notInvolved')),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, number)
        ) STRICT;
        \(RecordTable.kept("family_contacts", "every step of a conversation with the family is kept as recorded"))
        """

    static let learningEvents = """
        CREATE TABLE learning_events (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            number INTEGER NOT NULL CHECK (number >= 1),
            kind TEXT NOT NULL CHECK (kind IN ('practitionersWorkshop')),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, number)
        ) STRICT;
        \(RecordTable.kept("learning_events", "every learning event is kept as scheduled"))
        """

}
