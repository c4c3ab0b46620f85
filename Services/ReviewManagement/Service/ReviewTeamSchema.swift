/// The tables of the lead reviewer and the review team, one schema step each. Every row is
/// kept as written: a new team is a new version, a new declaration supersedes the person's
/// earlier one, and neither erases it.
enum ReviewTeamSchema {
    static let leadReviewerAppointments = """
        CREATE TABLE lead_reviewer_appointments (
            case_reference TEXT PRIMARY KEY REFERENCES reviews(case_reference),
            record TEXT NOT NULL CHECK (json_valid(record))
        ) STRICT;
        \(RecordTable.kept("lead_reviewer_appointments", "the appointment is kept as recorded"))
        """

    static let reviewerNotices = """
        CREATE TABLE reviewer_notices (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            number INTEGER NOT NULL CHECK (number >= 1),
            recipient TEXT NOT NULL CHECK (recipient IN ('nationalPanel', 'departmentForEducation', 'ofsted')),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, number),
            UNIQUE (case_reference, recipient)
        ) STRICT;
        \(RecordTable.kept("reviewer_notices", "a notice is kept as recorded"))
        """

    static let reviewTeams = """
        CREATE TABLE review_teams (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            version INTEGER NOT NULL CHECK (version >= 1),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, version)
        ) STRICT;
        \(RecordTable.kept("review_teams", "every version of the review team is kept as set"))
        """

    static let declarations = """
        CREATE TABLE declarations (
            case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
            number INTEGER NOT NULL CHECK (number >= 1),
            record TEXT NOT NULL CHECK (json_valid(record)),
            PRIMARY KEY (case_reference, number)
        ) STRICT;
        \(RecordTable.kept("declarations", "a declaration is kept as made"))
        """

}
