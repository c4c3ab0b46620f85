import ServiceKit
import Storage
import WebForms

/// The pages' tables (issue 18), after the service's own steps: the sessions (WebForms), and
/// each form post applied by its hidden idempotency key, so that a double submit is answered
/// with the first post's page and never run twice; each person's draft of a case's meeting
/// form. Append-only, like `Schema`.
enum PageSchema {
    static let migrations =
        WebSessions.migrations + [
            PagePosts.migration,
            // Each person's draft of a case's meeting form (MeetingDrafts): kept between the
            // form's posts and a closed tab, until it expires or the meeting is recorded.
            Migration(
                "meeting drafts",
                sql: """
                    CREATE TABLE meeting_drafts (
                        principal TEXT NOT NULL,
                        case_reference TEXT NOT NULL,
                        fields TEXT NOT NULL CHECK (json_valid(fields)),
                        updated INTEGER NOT NULL,
                        PRIMARY KEY (principal, case_reference)
                    ) STRICT;
                    """),
        ]
}
