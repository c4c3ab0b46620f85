import Foundation
import ServiceKit
import WebForms

/// The publication service's own settings, read once at start (README.md, Configuration).
struct PublicationSettings: Sendable, Equatable {
    /// Where reports go for the NSPCC national repository of case reviews (P5, §10.5.3).
    var nspccRepositoryURL = PublicationSettings.defaultNSPCCRepositoryURL
    /// The pages' sessions (WebForms: `CSPR_SESSION_*`, `CSPR_PAGES_TLS`).
    var sessions = SessionSettings()
    /// The gateway's dashboard as the browser reaches it (`CSPR_DASHBOARD_URL`): a publication's
    /// page links back to the case there.
    var dashboardURL: String?

    /// The NSPCC's national repository takes reports by email (§10.5.3).
    static let defaultNSPCCRepositoryURL = "mailto:information@nspcc.org.uk"

    /// Reads the settings; a bad value names its variable.
    static func load(environment: [String: String]) throws(ConfigurationError) -> PublicationSettings {
        var settings = PublicationSettings()
        settings.sessions = try SessionSettings.load(environment: environment)
        if let value = environment["CSPR_DASHBOARD_URL"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard value.hasPrefix("http://") || value.hasPrefix("https://") else {
                throw ConfigurationError(variable: "CSPR_DASHBOARD_URL", problem: "\"\(value)\" is not an http:// or https:// address")
            }
            settings.dashboardURL = value.hasSuffix("/") ? String(value.dropLast()) : value
        }
        if let value = environment["CSPR_NSPCC_REPOSITORY_URL"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            // An email address (mailto:, as §10.5.3 has it) or a web address for an upload.
            guard let url = URL(string: value), let scheme = url.scheme?.lowercased(),
                scheme == "mailto" ? !url.absoluteString.dropFirst(7).isEmpty : ["http", "https"].contains(scheme) && url.host != nil
            else {
                throw ConfigurationError(variable: "CSPR_NSPCC_REPOSITORY_URL", problem: "\"\(value)\" is not a mailto:, http or https address")
            }
            settings.nspccRepositoryURL = value
        }
        return settings
    }
}
