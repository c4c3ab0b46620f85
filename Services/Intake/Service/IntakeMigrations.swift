import Storage
import WebForms

/// Intake's schema. Forms are kept whole as JSON (they are read and written whole); the
/// columns beside them are what the service searches and sorts by. Append-only: never edit a
/// step once landed.
enum IntakeMigrations {
    static let all =
        [
            Migration(
                "cases",
                sql: """
                    CREATE TABLE case_sequence (
                        year INTEGER PRIMARY KEY,
                        last INTEGER NOT NULL
                    ) STRICT;
                    CREATE TABLE cases (
                        reference TEXT PRIMARY KEY,
                        year INTEGER NOT NULL,
                        sequence INTEGER NOT NULL,
                        child_key TEXT NOT NULL,
                        incident_date TEXT NOT NULL,
                        anchor_date TEXT NOT NULL,
                        referral TEXT,
                        notification TEXT,
                        handed_over_on TEXT,
                        created_at TEXT NOT NULL,
                        UNIQUE (year, sequence)
                    ) STRICT;
                    CREATE INDEX cases_incident ON cases (child_key, incident_date);
                    CREATE TABLE linked_referrals (
                        id INTEGER PRIMARY KEY,
                        case_reference TEXT NOT NULL REFERENCES cases (reference),
                        referral TEXT NOT NULL,
                        received TEXT NOT NULL
                    ) STRICT;
                    CREATE TABLE scoping_requests (
                        id INTEGER PRIMARY KEY,
                        case_reference TEXT NOT NULL REFERENCES cases (reference),
                        agency_key TEXT NOT NULL,
                        request TEXT NOT NULL,
                        UNIQUE (case_reference, agency_key)
                    ) STRICT;
                    CREATE TABLE scoping_returns (
                        id INTEGER PRIMARY KEY,
                        case_reference TEXT NOT NULL REFERENCES cases (reference),
                        agency_key TEXT NOT NULL,
                        scoping_return TEXT NOT NULL,
                        late INTEGER NOT NULL,
                        UNIQUE (case_reference, agency_key)
                    ) STRICT;
                    """),
            // A case's linked referrals were found by scanning the whole table: every write to a
            // case grew slower with every referral ever linked (issue 12).
            Migration(
                "linked referrals by case",
                sql: "CREATE INDEX linked_referrals_case ON linked_referrals (case_reference, id);"),
            // Rapid-review's hand-over: the day the Rapid Review meeting was held (§4.5.2), which
            // closes scoping and retires intake's open deadlines (issue 15, item 4).
            Migration(
                "rapid review meeting held",
                sql: "ALTER TABLE cases ADD COLUMN meeting_held_on TEXT;"),
            // The copy of the case the Rapid Review was last sent (OpenRapidReview, then each
            // UpdateRapidReview with its revision): a change that alters it sends the next revision
            // (issue 15, item 1).
            Migration(
                "rapid review copy",
                sql: "ALTER TABLE cases ADD COLUMN rapid_review_copy TEXT;"),
            // Recorded decisions extending T1-T3 (RULES.md; issue 15, item 5): kept as recorded.
            Migration(
                "deadline extensions",
                sql: """
                    CREATE TABLE deadline_extensions (
                        id INTEGER PRIMARY KEY,
                        case_reference TEXT NOT NULL REFERENCES cases (reference),
                        rule TEXT NOT NULL,
                        record TEXT NOT NULL CHECK (json_valid(record))
                    ) STRICT;
                    CREATE INDEX deadline_extensions_case ON deadline_extensions (case_reference, id);
                    CREATE TRIGGER deadline_extensions_kept BEFORE UPDATE ON deadline_extensions
                        BEGIN SELECT RAISE(ABORT, 'an extension is kept as recorded'); END;
                    CREATE TRIGGER deadline_extensions_not_deleted BEFORE DELETE ON deadline_extensions
                        BEGIN SELECT RAISE(ABORT, 'an extension is kept as recorded'); END;
                    """),
        ] + WebSessions.migrations + [
            // Drafts of the referral form (issue 18): one per person, kept until submitted,
            // discarded or expired; the answer of its submission, for the confirmation page and
            // a double submit.
            Migration(
                "referral drafts",
                sql: """
                    CREATE TABLE referral_drafts (
                        principal TEXT PRIMARY KEY,
                        fields TEXT NOT NULL CHECK (json_valid(fields)),
                        updated INTEGER NOT NULL,
                        submitted_key TEXT,
                        submitted_response TEXT CHECK (submitted_response IS NULL OR json_valid(submitted_response))
                    ) STRICT;
                    """),
            // Possible matches of two cases' children (issue 17, item 7): a form naming a child of
            // the same name without a date of birth opens its own case, flagged against the other
            // for a person to confirm or reject. Rows written before keep their child key (letters
            // only); the search looks for both keys.
            Migration(
                "child matches",
                sql: """
                    CREATE TABLE child_matches (
                        id INTEGER PRIMARY KEY,
                        case_reference TEXT NOT NULL REFERENCES cases (reference),
                        other_reference TEXT NOT NULL REFERENCES cases (reference),
                        state TEXT NOT NULL CHECK (state IN ('flagged', 'confirmed', 'rejected')),
                        decided_by TEXT,
                        decided_on TEXT,
                        UNIQUE (case_reference, other_reference)
                    ) STRICT;
                    CREATE INDEX child_matches_other ON child_matches (other_reference, case_reference);
                    """),
            // Two cases a person confirmed concern the same child (item 7): the later one is
            // merged into the earlier, kept as it was (audit) and marked, and no longer found
            // for a form of the incident.
            Migration(
                "merged cases",
                sql: """
                    ALTER TABLE cases ADD COLUMN merged_into TEXT REFERENCES cases (reference);
                    ALTER TABLE cases ADD COLUMN merged_on TEXT;
                    """),
        ]
}
