import Storage

/// The service's tables, in order. Append-only: a landed step is never edited; a change is a
/// new step. The history tables refuse UPDATE and DELETE, so a redraft or a change of the key
/// lines of enquiry adds a version and the earlier ones stay readable (V2).
enum Schema {
    static let migrations = [
        Migration(
            "reviews",
            sql: """
                CREATE TABLE reviews (
                    case_reference TEXT PRIMARY KEY,
                    commission TEXT NOT NULL CHECK (json_valid(commission)),
                    review_kind TEXT NOT NULL,
                    decision_date TEXT NOT NULL,
                    rule_set TEXT NOT NULL,
                    commissioned_on TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL
                ) STRICT;
                CREATE TABLE national_panel_decisions (
                    case_reference TEXT PRIMARY KEY REFERENCES reviews(case_reference),
                    verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'declined')),
                    record TEXT NOT NULL CHECK (json_valid(record))
                ) STRICT;
                CREATE TABLE terms_of_reference (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    origin TEXT NOT NULL CHECK (origin IN ('draft', 'keyLinesOfEnquiryChanged')),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, version)
                ) STRICT;
                CREATE TABLE terms_of_reference_agreements (
                    case_reference TEXT PRIMARY KEY REFERENCES reviews(case_reference),
                    version INTEGER NOT NULL,
                    record TEXT NOT NULL CHECK (json_valid(record))
                ) STRICT;
                CREATE TABLE key_lines_of_enquiry_changes (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    from_version INTEGER NOT NULL,
                    to_version INTEGER NOT NULL,
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER national_panel_decisions_kept BEFORE UPDATE ON national_panel_decisions
                    BEGIN SELECT RAISE(ABORT, 'the National Panel''s decision is kept as recorded'); END;
                CREATE TRIGGER national_panel_decisions_not_deleted BEFORE DELETE ON national_panel_decisions
                    BEGIN SELECT RAISE(ABORT, 'the National Panel''s decision is kept as recorded'); END;
                CREATE TRIGGER terms_of_reference_kept BEFORE UPDATE ON terms_of_reference
                    BEGIN SELECT RAISE(ABORT, 'every version of the terms of reference is kept as written'); END;
                CREATE TRIGGER terms_of_reference_not_deleted BEFORE DELETE ON terms_of_reference
                    BEGIN SELECT RAISE(ABORT, 'every version of the terms of reference is kept as written'); END;
                CREATE TRIGGER terms_of_reference_agreements_kept BEFORE UPDATE ON terms_of_reference_agreements
                    BEGIN SELECT RAISE(ABORT, 'the agreement is kept as recorded'); END;
                CREATE TRIGGER terms_of_reference_agreements_not_deleted BEFORE DELETE ON terms_of_reference_agreements
                    BEGIN SELECT RAISE(ABORT, 'the agreement is kept as recorded'); END;
                CREATE TRIGGER key_lines_of_enquiry_changes_kept BEFORE UPDATE ON key_lines_of_enquiry_changes
                    BEGIN SELECT RAISE(ABORT, 'an approved change is kept as approved'); END;
                CREATE TRIGGER key_lines_of_enquiry_changes_not_deleted BEFORE DELETE ON key_lines_of_enquiry_changes
                    BEGIN SELECT RAISE(ABORT, 'an approved change is kept as approved'); END;
                """),
        Migration(
            "parallel_processes",
            sql: """
                CREATE TABLE parallel_processes (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER parallel_processes_kept BEFORE UPDATE ON parallel_processes
                    BEGIN SELECT RAISE(ABORT, 'a parallel process is kept as registered'); END;
                CREATE TRIGGER parallel_processes_not_deleted BEFORE DELETE ON parallel_processes
                    BEGIN SELECT RAISE(ABORT, 'a parallel process is kept as registered'); END;
                """),
        Migration(
            "parallel_process_updates",
            sql: """
                CREATE TABLE parallel_process_updates (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    process INTEGER NOT NULL,
                    number INTEGER NOT NULL CHECK (number >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, process, number)
                ) STRICT;
                CREATE TRIGGER parallel_process_updates_kept BEFORE UPDATE ON parallel_process_updates
                    BEGIN SELECT RAISE(ABORT, 'every update of a parallel process is kept as recorded'); END;
                CREATE TRIGGER parallel_process_updates_not_deleted BEFORE DELETE ON parallel_process_updates
                    BEGIN SELECT RAISE(ABORT, 'every update of a parallel process is kept as recorded'); END;
                """),
        Migration(
            "delay_decisions",
            sql: """
                CREATE TABLE delay_decisions (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER delay_decisions_kept BEFORE UPDATE ON delay_decisions
                    BEGIN SELECT RAISE(ABORT, 'a decision to delay is kept as recorded'); END;
                CREATE TRIGGER delay_decisions_not_deleted BEFORE DELETE ON delay_decisions
                    BEGIN SELECT RAISE(ABORT, 'a decision to delay is kept as recorded'); END;
                """),
        Migration(
            "completion_forecasts",
            sql: """
                CREATE TABLE completion_forecasts (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER completion_forecasts_kept BEFORE UPDATE ON completion_forecasts
                    BEGIN SELECT RAISE(ABORT, 'every completion forecast is kept as recorded'); END;
                CREATE TRIGGER completion_forecasts_not_deleted BEFORE DELETE ON completion_forecasts
                    BEGIN SELECT RAISE(ABORT, 'every completion forecast is kept as recorded'); END;
                """),
        Migration(
            "delay_notices",
            sql: """
                CREATE TABLE delay_notices (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER delay_notices_kept BEFORE UPDATE ON delay_notices
                    BEGIN SELECT RAISE(ABORT, 'a notice of delay is kept as recorded'); END;
                CREATE TRIGGER delay_notices_not_deleted BEFORE DELETE ON delay_notices
                    BEGIN SELECT RAISE(ABORT, 'a notice of delay is kept as recorded'); END;
                """),
        Migration(
            "checkpoints",
            sql: """
                CREATE TABLE checkpoints (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER checkpoints_kept BEFORE UPDATE ON checkpoints
                    BEGIN SELECT RAISE(ABORT, 'a checkpoint is kept as recorded'); END;
                CREATE TRIGGER checkpoints_not_deleted BEFORE DELETE ON checkpoints
                    BEGIN SELECT RAISE(ABORT, 'a checkpoint is kept as recorded'); END;
                """),
        Migration("lead_reviewer_appointments", sql: ReviewTeamSchema.leadReviewerAppointments),
        Migration("reviewer_notices", sql: ReviewTeamSchema.reviewerNotices),
        Migration("review_teams", sql: ReviewTeamSchema.reviewTeams),
        Migration("declarations", sql: ReviewTeamSchema.declarations),
        Migration(
            "agency_requests",
            sql: """
                CREATE TABLE agency_requests (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    agency TEXT NOT NULL,
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TRIGGER agency_requests_kept BEFORE UPDATE ON agency_requests
                    BEGIN SELECT RAISE(ABORT, 'a request to an agency is kept as made'); END;
                CREATE TRIGGER agency_requests_not_deleted BEFORE DELETE ON agency_requests
                    BEGIN SELECT RAISE(ABORT, 'a request to an agency is kept as made'); END;
                """),
        Migration(
            "agency_submissions",
            sql: """
                CREATE TABLE agency_submissions (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    agency TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('chronology', 'informationReport')),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, agency, kind, version)
                ) STRICT;
                CREATE TRIGGER agency_submissions_kept BEFORE UPDATE ON agency_submissions
                    BEGIN SELECT RAISE(ABORT, 'every submission is kept as submitted'); END;
                CREATE TRIGGER agency_submissions_not_deleted BEFORE DELETE ON agency_submissions
                    BEGIN SELECT RAISE(ABORT, 'every submission is kept as submitted'); END;
                """),
        Migration(
            "submission_decisions",
            sql: """
                CREATE TABLE submission_decisions (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    agency TEXT NOT NULL,
                    kind TEXT NOT NULL CHECK (kind IN ('chronology', 'informationReport')),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'sentBack')),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, agency, kind, version)
                ) STRICT;
                CREATE TRIGGER submission_decisions_kept BEFORE UPDATE ON submission_decisions
                    BEGIN SELECT RAISE(ABORT, 'the review team''s decision is kept as recorded'); END;
                CREATE TRIGGER submission_decisions_not_deleted BEFORE DELETE ON submission_decisions
                    BEGIN SELECT RAISE(ABORT, 'the review team''s decision is kept as recorded'); END;
                """),
        Migration(
            "agency_escalations",
            sql: """
                CREATE TABLE agency_escalations (
                    case_reference TEXT NOT NULL REFERENCES reviews(case_reference),
                    request_number INTEGER NOT NULL CHECK (request_number >= 1),
                    level TEXT NOT NULL CHECK (level IN ('caseReviewPanel', 'strategicSafeguardingLead', 'safeguardingPartners')),
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, request_number, level)
                ) STRICT;
                CREATE TRIGGER agency_escalations_kept BEFORE UPDATE ON agency_escalations
                    BEGIN SELECT RAISE(ABORT, 'every step of an escalation is kept as recorded'); END;
                CREATE TRIGGER agency_escalations_not_deleted BEFORE DELETE ON agency_escalations
                    BEGIN SELECT RAISE(ABORT, 'every step of an escalation is kept as recorded'); END;
                """),
        Migration("family_members", sql: FamilySchema.familyMembers),
        Migration("family_contacts", sql: FamilySchema.familyContacts),
        Migration("learning_events", sql: FamilySchema.learningEvents),
        Migration("report_versions", sql: ReportSchema.reportVersions),
        Migration("report_terms_of_reference_met", sql: ReportSchema.termsOfReferenceMet),
        Migration("report_recommendations_endorsed", sql: ReportSchema.recommendationsEndorsed),
        Migration("report_approvals", sql: ReportSchema.approvals),
    ]
}
