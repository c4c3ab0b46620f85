import Contract
import ServiceKit

/// What intake reads from its environment besides ServiceKit's configuration.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CSPR_INTAKE_HANDOVER` | `on-scoping` | when the Rapid Review is opened: when the scoping requests are sent, or `at-once` when the case is opened |
struct IntakeSettings: Sendable, Equatable {
    /// When the Rapid Review is opened.
    enum HandOver: String, Sendable {
        /// When the scoping requests are sent (§4.3.3).
        case onScoping = "on-scoping"
        /// As soon as the case is opened.
        case atOnce = "at-once"
    }

    var handOver: HandOver = .onScoping

    /// Reads the settings; a bad value names its variable.
    static func load(environment: [String: String]) throws(ConfigurationError) -> IntakeSettings {
        var settings = IntakeSettings()
        if let value = environment["CSPR_INTAKE_HANDOVER"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard let handOver = HandOver(rawValue: value) else {
                throw ConfigurationError(variable: "CSPR_INTAKE_HANDOVER", problem: "\"\(value)\" is not on-scoping or at-once")
            }
            settings.handOver = handOver
        }
        return settings
    }
}
