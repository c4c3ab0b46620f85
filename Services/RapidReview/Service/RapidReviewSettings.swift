import Contract
import Foundation
import ServiceKit
import WebForms

/// What rapid-review reads from its environment besides ServiceKit's configuration.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CSPR_SAFEGUARDING_PARTNERS` | unset | the partners by name, `localAuthority=...;police=...;health=...` (R1) |
/// | `CSPR_SAFEGUARDING_PARTNERS_FILE` | unset | the same, one `kind = name` a line, read at start |
/// | `CSPR_DASHBOARD_URL` | | the gateway's dashboard as the browser reaches it (e.g. `http://127.0.0.1:7100`): a case's pages link back to it |
/// | `CSPR_RAPID_REVIEW_DRAFT_DAYS` | 30 | a draft of the meeting form unchanged this many days is discarded |
/// | `CSPR_SESSION_*`, `CSPR_PAGES_TLS` | | the pages' sessions (WebForms' `SessionSettings`) |
///
/// With neither partners variable, `SafeguardingPartners.defaults(for:)` of the partnership.
struct RapidReviewSettings: Sendable, Equatable {
    /// The configured partners, or nil for the partnership's defaults.
    var partners: SafeguardingPartners?
    /// The pages' sessions.
    var sessions = SessionSettings()
    /// The dashboard a case's pages link back to, without a trailing `/`.
    var dashboardURL: String?
    /// How long a meeting form's draft is kept after its last change.
    var draftLifetime: TimeInterval = 30 * 24 * 3600

    /// Reads the settings; a bad value or an unreadable file names its variable.
    static func load(environment: [String: String]) throws(ConfigurationError) -> RapidReviewSettings {
        var settings = try partners(environment)
        if let value = environment["CSPR_DASHBOARD_URL"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ConfigurationError(variable: "CSPR_DASHBOARD_URL", problem: "\"\(value)\" is not an http:// or https:// address")
            }
            settings.dashboardURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        if let value = environment["CSPR_RAPID_REVIEW_DRAFT_DAYS"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard let days = Int(value), days > 0 else {
                throw ConfigurationError(variable: "CSPR_RAPID_REVIEW_DRAFT_DAYS", problem: "\"\(value)\" is not a positive number of days")
            }
            settings.draftLifetime = TimeInterval(days) * 24 * 3600
        }
        settings.sessions = try SessionSettings.load(environment: environment)
        return settings
    }

    private static func partners(_ environment: [String: String]) throws(ConfigurationError) -> RapidReviewSettings {
        if let path = environment["CSPR_SAFEGUARDING_PARTNERS_FILE"]?.trimmingCharacters(in: .whitespaces), !path.isEmpty {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ConfigurationError(variable: "CSPR_SAFEGUARDING_PARTNERS_FILE", problem: "\(path) cannot be read")
            }
            return RapidReviewSettings(partners: try SafeguardingPartners.parse(text, variable: "CSPR_SAFEGUARDING_PARTNERS_FILE"))
        }
        if let text = environment["CSPR_SAFEGUARDING_PARTNERS"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            return RapidReviewSettings(partners: try SafeguardingPartners.parse(text, variable: "CSPR_SAFEGUARDING_PARTNERS"))
        }
        return RapidReviewSettings(partners: nil)
    }
}
