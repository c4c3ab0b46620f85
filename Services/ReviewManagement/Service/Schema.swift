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
                \(RecordTable.kept("national_panel_decisions", "the National Panel's decision is kept as recorded"))
                \(RecordTable.kept("terms_of_reference", "every version of the terms of reference is kept as written"))
                \(RecordTable.kept("terms_of_reference_agreements", "the agreement is kept as recorded"))
                \(RecordTable.kept("key_lines_of_enquiry_changes", "an approved change is kept as approved"))
                """),
        Migration(
            "parallel_processes",
            sql: RecordTable.create(
                "parallel_processes", columns: [RecordTable.number("number")], keys: ["number"], kept: "a parallel process is kept as registered")),
        Migration(
            "parallel_process_updates",
            sql: RecordTable.create(
                "parallel_process_updates", columns: ["process INTEGER NOT NULL", RecordTable.number("number")], keys: ["process", "number"],
                kept: "every update of a parallel process is kept as recorded")),
        Migration(
            "delay_decisions",
            sql: RecordTable.create(
                "delay_decisions", columns: [RecordTable.number("number")], keys: ["number"], kept: "a decision to delay is kept as recorded")),
        Migration(
            "completion_forecasts",
            sql: RecordTable.create(
                "completion_forecasts", columns: [RecordTable.number("number")], keys: ["number"],
                kept: "every completion forecast is kept as recorded")),
        Migration(
            "delay_notices",
            sql: RecordTable.create(
                "delay_notices", columns: [RecordTable.number("number")], keys: ["number"], kept: "a notice of delay is kept as recorded")),
        Migration(
            "checkpoints",
            sql: RecordTable.create(
                "checkpoints", columns: [RecordTable.number("number")], keys: ["number"], kept: "a checkpoint is kept as recorded")),
        Migration("lead_reviewer_appointments", sql: ReviewTeamSchema.leadReviewerAppointments),
        Migration("reviewer_notices", sql: ReviewTeamSchema.reviewerNotices),
        Migration("review_teams", sql: ReviewTeamSchema.reviewTeams),
        Migration("declarations", sql: ReviewTeamSchema.declarations),
        Migration(
            "agency_requests",
            sql: RecordTable.create(
                "agency_requests", columns: [RecordTable.number("number"), "agency TEXT NOT NULL"], keys: ["number"],
                kept: "a request to an agency is kept as made")),
        Migration(
            "agency_submissions",
            sql: RecordTable.create(
                "agency_submissions",
                columns: [
                    "agency TEXT NOT NULL", "kind TEXT NOT NULL CHECK (kind IN ('chronology', 'informationReport'))", RecordTable.number("version"),
                ], keys: ["agency", "kind", "version"], kept: "every submission is kept as submitted")),
        Migration(
            "submission_decisions",
            sql: RecordTable.create(
                "submission_decisions",
                columns: [
                    "agency TEXT NOT NULL", "kind TEXT NOT NULL CHECK (kind IN ('chronology', 'informationReport'))", RecordTable.number("version"),
                    "outcome TEXT NOT NULL CHECK (outcome IN ('accepted', 'sentBack'))",
                ], keys: ["agency", "kind", "version"], kept: "the review team's decision is kept as recorded")),
        Migration(
            "agency_escalations",
            sql: RecordTable.create(
                "agency_escalations",
                columns: [
                    RecordTable.number("request_number"),
                    "level TEXT NOT NULL CHECK (level IN ('caseReviewPanel', 'strategicSafeguardingLead', 'safeguardingPartners'))",
                ], keys: ["request_number", "level"], kept: "every step of an escalation is kept as recorded")),
        Migration("family_members", sql: FamilySchema.familyMembers),
        Migration("family_contacts", sql: FamilySchema.familyContacts),
        Migration("learning_events", sql: FamilySchema.learningEvents),
        Migration("report_versions", sql: ReportSchema.reportVersions),
        Migration("report_terms_of_reference_met", sql: ReportSchema.termsOfReferenceMet),
        Migration("report_recommendations_endorsed", sql: ReportSchema.recommendationsEndorsed),
        Migration("report_approvals", sql: ReportSchema.approvals),
        Migration("learning_event_invitations", sql: LearningWorkshopSchema.invitations),
        Migration("learning_event_attendance", sql: LearningWorkshopSchema.attendance),
        Migration("one_to_one_conversations", sql: LearningWorkshopSchema.oneToOneConversations),
        Migration("learning_points", sql: LearningWorkshopSchema.learningPoints),
        Migration("feedback_sessions", sql: LearningWorkshopSchema.feedbackSessions),
        Migration("report_quality_markers", sql: LearningWorkshopSchema.qualityMarkers),
        Migration("review_summaries", sql: ReviewSummaryRows.schema),
    ]
}
