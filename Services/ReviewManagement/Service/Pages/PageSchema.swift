import ServiceKit
import Storage
import WebForms

/// The pages' tables (issue 18), after the service's own steps: the sessions and each form
/// post applied by its hidden idempotency key (WebForms' `PagePosts`), so that a double submit
/// is answered with the first post's page and never run twice. Append-only, like `Schema`.
enum PageSchema {
    static let migrations = WebSessions.migrations + [PagePosts.migration]
}
