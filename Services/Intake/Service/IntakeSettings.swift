import Contract
import Foundation
import ServiceKit
import WebForms

/// What intake reads from its environment besides ServiceKit's configuration.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CSPR_INTAKE_HANDOVER` | `on-scoping` | when the Rapid Review is opened: when the scoping requests are sent, or `at-once` when the case is opened |
/// | `CSPR_INTAKE_DRAFT_DAYS` | 30 | a draft of a form unchanged this many days is discarded |
/// | `CSPR_DASHBOARD_URL` | | the gateway's dashboard as the browser reaches it (e.g. `http://127.0.0.1:7100`): a case's pages link back to it |
/// | `CSPR_SESSION_*`, `CSPR_PAGES_TLS` | | the pages' sessions (WebForms' `SessionSettings`) |
struct IntakeSettings: Sendable, Equatable {
    /// When the Rapid Review is opened.
    enum HandOver: String, Sendable {
        /// When the scoping requests are sent (§4.3.3).
        case onScoping = "on-scoping"
        /// As soon as the case is opened.
        case atOnce = "at-once"
    }

    var handOver: HandOver = .onScoping
    /// How long a form's draft is kept after its last change.
    var draftLifetime: TimeInterval = 30 * 24 * 3600
    /// The pages' sessions.
    var sessions = SessionSettings()
    /// The dashboard a case's pages link back to, without a trailing `/`.
    var dashboardURL: String?

    /// Reads the settings; a bad value names its variable.
    static func load(environment: [String: String]) throws(ConfigurationError) -> IntakeSettings {
        var settings = IntakeSettings()
        if let value = environment["CSPR_INTAKE_HANDOVER"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard let handOver = HandOver(rawValue: value) else {
                throw ConfigurationError(variable: "CSPR_INTAKE_HANDOVER", problem: "\"\(value)\" is not on-scoping or at-once")
            }
            settings.handOver = handOver
        }
        if let value = environment["CSPR_INTAKE_DRAFT_DAYS"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard let days = Int(value), days > 0 else {
                throw ConfigurationError(variable: "CSPR_INTAKE_DRAFT_DAYS", problem: "\"\(value)\" is not a positive number of days")
            }
            settings.draftLifetime = TimeInterval(days) * 24 * 3600
        }
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
