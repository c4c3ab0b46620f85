import ServiceKit
import WebForms

/// The pages' settings, read once at start (a bad value stops the service naming it):
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CSPR_SESSION_*`, `CSPR_PAGES_TLS` | | the pages' sessions (WebForms' `SessionSettings`) |
/// | `CSPR_DASHBOARD_URL` | | the gateway's dashboard as the browser reaches it: a review's page links back to it |
struct PageSettings: Sendable {
    /// The pages' sessions.
    var sessions = SessionSettings()
    /// The dashboard's address without a trailing `/`, if known.
    var dashboardURL: String?

    static func load(environment: [String: String]) throws(ConfigurationError) -> PageSettings {
        var settings = PageSettings()
        if let value = environment["CSPR_DASHBOARD_URL"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ConfigurationError(variable: "CSPR_DASHBOARD_URL", problem: "\"\(value)\" is not an http:// or https:// address")
            }
            settings.dashboardURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        settings.sessions = try SessionSettings.load(environment: environment)
        return settings
    }
}
