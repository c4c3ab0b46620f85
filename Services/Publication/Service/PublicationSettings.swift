import Foundation
import ServiceKit

/// The publication service's own settings, read once at start (README.md, Configuration).
struct PublicationSettings: Sendable, Equatable {
    /// Where reports go for the NSPCC national case review repository (P5, §10.5.3).
    var nspccRepositoryURL = PublicationSettings.defaultNSPCCRepositoryURL

    /// The NSPCC's national case review repository.
    static let defaultNSPCCRepositoryURL = "https://learning.nspcc.org.uk/case-reviews/national-case-review-repository"

    /// Reads the settings; a bad value names its variable.
    static func load(environment: [String: String]) throws(ConfigurationError) -> PublicationSettings {
        var settings = PublicationSettings()
        if let value = environment["CSPR_NSPCC_REPOSITORY_URL"]?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            guard let url = URL(string: value), let scheme = url.scheme, ["http", "https"].contains(scheme), url.host != nil else {
                throw ConfigurationError(variable: "CSPR_NSPCC_REPOSITORY_URL", problem: "\"\(value)\" is not an http or https address")
            }
            settings.nspccRepositoryURL = value
        }
        return settings
    }
}
