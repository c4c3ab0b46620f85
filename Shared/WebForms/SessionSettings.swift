import Foundation
import ServiceKit

/// How long a browser's session lasts and how its cookie is marked, read from the service's
/// environment at start (FORMS.md, Drafts, sessions and safety).
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CSPR_SESSION_IDLE_MINUTES` | 30 | a session unused this long ends |
/// | `CSPR_SESSION_MAX_HOURS` | 12 | a session ends this long after sign-in, used or not |
/// | `CSPR_PAGES_TLS` | `off` | `proxy` when the pages are reached over TLS (a TLS proxy in front): the cookie is then `Secure` with the `__Host-` prefix, and a post's `Origin` is `https://` |
package struct SessionSettings: Sendable, Equatable {
    /// A session unused this long ends.
    package var idle: TimeInterval = 30 * 60
    /// A session ends this long after sign-in.
    package var absolute: TimeInterval = 12 * 60 * 60
    /// The pages are reached over TLS.
    package var overTLS = false

    package init(idle: TimeInterval = 30 * 60, absolute: TimeInterval = 12 * 60 * 60, overTLS: Bool = false) {
        self.idle = idle
        self.absolute = absolute
        self.overTLS = overTLS
    }

    /// The cookie's name: `__Host-` over TLS, so that it is only ever set by this host, for
    /// `Path=/`, with `Secure` (a browser refuses it otherwise).
    package var cookieName: String { overTLS ? "__Host-cspr-session" : "cspr-session" }

    /// Reads the settings; a bad value names its variable.
    package static func load(environment: [String: String]) throws(ConfigurationError) -> SessionSettings {
        var settings = SessionSettings()
        if let minutes = try positive(environment, "CSPR_SESSION_IDLE_MINUTES") { settings.idle = minutes * 60 }
        if let hours = try positive(environment, "CSPR_SESSION_MAX_HOURS") { settings.absolute = hours * 3600 }
        switch environment["CSPR_PAGES_TLS"]?.trimmingCharacters(in: .whitespaces) ?? "" {
        case "", "off": settings.overTLS = false
        case "proxy": settings.overTLS = true
        case let other: throw ConfigurationError(variable: "CSPR_PAGES_TLS", problem: "\"\(other)\" is not off or proxy")
        }
        return settings
    }

    private static func positive(_ environment: [String: String], _ variable: String) throws(ConfigurationError) -> Double? {
        guard let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let value = Double(text), value > 0, value.isFinite else {
            throw ConfigurationError(variable: variable, problem: "\"\(text)\" is not a positive number")
        }
        return value
    }
}
