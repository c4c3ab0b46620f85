import Storage

/// The service's tables, in order. Append-only: a landed step is never edited; a change is a
/// new step. The hand-over and every later record are kept as recorded.
enum Schema {
    static let migrations = [
        Migration(
            "publications",
            sql: """
                CREATE TABLE publications (
                    case_reference TEXT PRIMARY KEY,
                    preparation TEXT NOT NULL CHECK (json_valid(preparation)),
                    report_version INTEGER NOT NULL CHECK (report_version >= 1),
                    approved_on TEXT NOT NULL,
                    rule_set TEXT NOT NULL,
                    prepared_on TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL
                ) STRICT;
                \(RecordTable.kept("publications", "the approved report is kept as handed over"))
                """),
        Migration(
            "advance_copies",
            sql: RecordTable.create(
                "advance_copies",
                columns: [
                    RecordTable.number("number"), "recipient TEXT NOT NULL CHECK (recipient IN ('nationalPanel', 'ofsted', 'secretaryOfState'))",
                    RecordTable.number("report_version"),
                ], keys: ["number"], kept: "an advance copy is kept as recorded")),
        Migration(
            "publication_schedules",
            sql: RecordTable.create(
                "publication_schedules", columns: [RecordTable.number("number")], keys: ["number"], kept: "every schedule is kept as recorded")),
        Migration(
            "published_reports",
            sql: RecordTable.create("published_reports", keys: [], kept: "a publication is kept as recorded")),
        Migration(
            "repository_submissions",
            sql: RecordTable.create(
                "repository_submissions", columns: [RecordTable.number("number")], keys: ["number"],
                kept: "every submission to the repository is kept as recorded")),
        Migration(
            "delay_notices",
            sql: RecordTable.create(
                "delay_notices", columns: [RecordTable.number("number")], keys: ["number"], kept: "a notice of delay is kept as recorded")),
        Migration(
            "not_publishing_decisions",
            sql: RecordTable.create("not_publishing_decisions", keys: [], kept: "the decision not to publish is kept as recorded")),
        // The anonymisation gate (P4, V10), the publication plan and holds (P3), the archive step (T10).
        Migration(
            "report_revisions",
            sql: RecordTable.create(
                "report_revisions", columns: [RecordTable.number("number")], keys: ["number"], kept: "a revision is kept as recorded")),
        Migration(
            "disclosure_checks",
            sql: RecordTable.create(
                "disclosure_checks", columns: [RecordTable.number("number")], keys: ["number"], kept: "a disclosure check is kept as recorded")),
        Migration(
            "anonymisation_sign_offs",
            sql: RecordTable.create(
                "anonymisation_sign_offs", columns: [RecordTable.number("number")], keys: ["number"], kept: "a sign-off is kept as recorded")),
        Migration(
            "publication_plans",
            sql: RecordTable.create(
                "publication_plans", columns: [RecordTable.number("number")], keys: ["number"], kept: "every version of the plan is kept")),
        Migration(
            "publication_holds",
            sql: RecordTable.create(
                "publication_holds", columns: [RecordTable.number("number")], keys: ["number"], kept: "a hold is kept as recorded")),
        Migration(
            "publication_hold_releases",
            sql: RecordTable.create(
                "publication_hold_releases", columns: [RecordTable.number("number")], keys: ["number"], kept: "a release is kept as recorded")),
        Migration("archived_reports", sql: RecordTable.create("archived_reports", keys: [], kept: "the archive step is kept as recorded")),
        ActionPlanSchema.actionPlans, ActionPlanSchema.items, ActionPlanSchema.progress, ActionPlanSchema.closures,
        LearningRows.learningPlans, LearningRows.nationalLearning,
    ]
}
