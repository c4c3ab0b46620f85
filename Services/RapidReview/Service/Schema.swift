import ServiceKit
import Storage

/// The service's tables, in order. Append-only: a landed step is never edited; a change is a
/// new step. The history tables refuse UPDATE and DELETE, so rescheduling, a not-quorate
/// meeting or a revised recommendation adds a row and the earlier ones stay as recorded.
enum Schema {
    static let migrations = [
        Migration(
            "rapid reviews",
            sql: """
                CREATE TABLE rapid_reviews (
                    case_reference TEXT PRIMARY KEY,
                    hand_over TEXT NOT NULL CHECK (json_valid(hand_over)),
                    referral_received TEXT NOT NULL,
                    rule_set TEXT NOT NULL,
                    opened_on TEXT NOT NULL,
                    idempotency_key TEXT NOT NULL
                ) STRICT;
                CREATE TABLE meeting_schedule (
                    case_reference TEXT NOT NULL REFERENCES rapid_reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    meeting_date TEXT NOT NULL,
                    format TEXT NOT NULL,
                    outside_t4_window INTEGER NOT NULL,
                    after_t6_deadline INTEGER NOT NULL,
                    reason TEXT,
                    scheduled_on TEXT NOT NULL,
                    scheduled_by TEXT NOT NULL,
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TABLE meetings (
                    case_reference TEXT NOT NULL REFERENCES rapid_reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    meeting_date TEXT NOT NULL,
                    quorate INTEGER NOT NULL,
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TABLE recommendations (
                    case_reference TEXT NOT NULL REFERENCES rapid_reviews(case_reference),
                    version INTEGER NOT NULL CHECK (version >= 1),
                    recommendation TEXT NOT NULL,
                    record TEXT NOT NULL CHECK (json_valid(record)),
                    PRIMARY KEY (case_reference, version)
                ) STRICT;
                CREATE TABLE clarifications (
                    case_reference TEXT NOT NULL REFERENCES rapid_reviews(case_reference),
                    number INTEGER NOT NULL CHECK (number >= 1),
                    recommendation_version INTEGER NOT NULL,
                    question TEXT NOT NULL,
                    requested_on TEXT NOT NULL,
                    requested_by TEXT NOT NULL,
                    PRIMARY KEY (case_reference, number)
                ) STRICT;
                CREATE TABLE ratifications (
                    case_reference TEXT PRIMARY KEY REFERENCES rapid_reviews(case_reference),
                    recommendation_version INTEGER NOT NULL,
                    path TEXT NOT NULL CHECK (path IN ('reviewCommissioned', 'closedWithLearning', 'referredElsewhere')),
                    record TEXT NOT NULL CHECK (json_valid(record))
                ) STRICT;
                CREATE TABLE submissions (
                    case_reference TEXT PRIMARY KEY REFERENCES rapid_reviews(case_reference),
                    submitted_on TEXT NOT NULL,
                    late INTEGER NOT NULL,
                    t6_met INTEGER NOT NULL,
                    record TEXT NOT NULL CHECK (json_valid(record))
                ) STRICT;
                CREATE TRIGGER meeting_schedule_kept BEFORE UPDATE ON meeting_schedule
                    BEGIN SELECT RAISE(ABORT, 'the meeting schedule keeps its history'); END;
                CREATE TRIGGER meeting_schedule_not_deleted BEFORE DELETE ON meeting_schedule
                    BEGIN SELECT RAISE(ABORT, 'the meeting schedule keeps its history'); END;
                CREATE TRIGGER meetings_kept BEFORE UPDATE ON meetings
                    BEGIN SELECT RAISE(ABORT, 'a recorded meeting is kept as recorded'); END;
                CREATE TRIGGER meetings_not_deleted BEFORE DELETE ON meetings
                    BEGIN SELECT RAISE(ABORT, 'a recorded meeting is kept as recorded'); END;
                CREATE TRIGGER recommendations_kept BEFORE UPDATE ON recommendations
                    BEGIN SELECT RAISE(ABORT, 'an agreed recommendation is kept as agreed'); END;
                CREATE TRIGGER recommendations_not_deleted BEFORE DELETE ON recommendations
                    BEGIN SELECT RAISE(ABORT, 'an agreed recommendation is kept as agreed'); END;
                CREATE TRIGGER clarifications_kept BEFORE UPDATE ON clarifications
                    BEGIN SELECT RAISE(ABORT, 'a request for clarification is kept as asked'); END;
                CREATE TRIGGER clarifications_not_deleted BEFORE DELETE ON clarifications
                    BEGIN SELECT RAISE(ABORT, 'a request for clarification is kept as asked'); END;
                """),
        // intake's updates after the open (issue 15, item 1): the latest revision is the copy the
        // Rapid Review works from; the earlier ones stay as received.
        Migration(
            "hand-over updates",
            sql: RecordTable.create(
                "hand_over_updates", columns: [RecordTable.number("revision"), "applied_on TEXT NOT NULL"], keys: ["revision"],
                kept: "an update from intake is kept as received")),
        // Recorded decisions extending T4-T6 (RULES.md; issue 15, item 5): kept as recorded.
        Migration(
            "deadline extensions",
            sql: RecordTable.create(
                "deadline_extensions", columns: [RecordTable.number("number"), "rule TEXT NOT NULL"], keys: ["number"],
                kept: "an extension is kept as recorded")),
        // Immediate actions (R4) taken after the meeting (issue 15, item 11): one row each.
        Migration(
            "immediate actions done",
            sql: RecordTable.create(
                "actions_done", columns: [RecordTable.number("action"), "done_on TEXT NOT NULL"], keys: ["action"],
                kept: "an action recorded as done is kept as recorded")),
        // Each Rapid Review's state and recommendation, rewritten by each change, so that
        // ListRapidReviews reads one row per case instead of loading every case.
        Migration("rapid review summaries", sql: RapidReviewSummaryRows.schema),
        // Corrections of the quorate meeting's record before ratification: kept as recorded,
        // the meeting's own record too.
        Migration(
            "meeting corrections",
            sql: RecordTable.create(
                "meeting_corrections", columns: [RecordTable.number("number")], keys: ["number"], kept: "a correction is kept as recorded")),
    ]
}
