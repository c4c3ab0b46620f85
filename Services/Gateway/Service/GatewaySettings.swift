import Contract
import Foundation
import ServiceKit

/// What the gateway reads from its environment besides ServiceKit's configuration.
///
/// | variable | default | meaning |
/// |---|---|---|
/// | `CSPR_GATEWAY_STAGES` | `intake,rapid-review,review-management` | the stage services to ask |
/// | `CSPR_<STAGE>_URL` | the stage's default port | a stage's address; setting it also adds the stage |
/// | `CSPR_GATEWAY_CACHE_SECONDS` | `1` | how often the stages are asked for changes (0: before every read) |
/// | `CSPR_GATEWAY_STAGE_TIMEOUT_MS` | `1500` | each stage's deadline |
/// | `CSPR_<STAGE>_PAGES_URL` | `http://` and `CSPR_<STAGE>_URL`, or the stage's default port on 127.0.0.1 | a stage's pages as the browser reaches them (intake, rapid-review, review-management, publication): a case's page links to them |
package struct GatewaySettings: Sendable, Equatable {
    /// The stages asked, in workflow order.
    package var stages: [ServiceIdentity]
    /// How often the stages are asked for their changes; zero: before every read.
    package var cacheFor: Duration
    /// Each stage's deadline for `GetStatuses`.
    package var stageTimeout: Duration
    /// Each stage's pages as the browser reaches them (no trailing `/`), by the stage's name:
    /// the case page links there.
    package var pagesURLs: [String: String] = Dictionary(
        uniqueKeysWithValues: ServiceIdentity.stages.map { ($0.name, "http://127.0.0.1:\($0.defaultPort)") })

    /// Intake's pages as the browser reaches them (no trailing `/`).
    package var intakePagesURL: String {
        get { pagesURL(.intake) }
        set { pagesURLs[ServiceIdentity.intake.name] = newValue }
    }

    /// A stage's pages as the browser reaches them (no trailing `/`).
    package func pagesURL(_ stage: ServiceIdentity) -> String {
        pagesURLs[stage.name] ?? "http://127.0.0.1:\(stage.defaultPort)"
    }

    /// The variable naming a stage's pages: `CSPR_<STAGE>_PAGES_URL`.
    package static func pagesVariable(_ stage: ServiceIdentity) -> String {
        String(stage.urlVariable.dropLast("_URL".count)) + "_PAGES_URL"
    }

    package init(stages: [ServiceIdentity], cacheFor: Duration = .seconds(1), stageTimeout: Duration = .milliseconds(1500)) {
        self.stages = stages
        self.cacheFor = cacheFor
        self.stageTimeout = stageTimeout
    }

    /// The stages asked when `CSPR_GATEWAY_STAGES` is not set: those that exist today.
    package static let defaultStages: [ServiceIdentity] = ServiceIdentity.stages.filter(\.deployed)

    /// Reads the settings; a bad value names its variable.
    ///
    /// The gateway asks every stage named in `CSPR_GATEWAY_STAGES` and every stage whose
    /// `CSPR_<STAGE>_URL` is set, so adding publication is configuration.
    package static func load(environment: [String: String] = ProcessInfo.processInfo.environment) throws(ConfigurationError) -> GatewaySettings {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            return raw
        }
        var names = Set<String>()
        if let list = value("CSPR_GATEWAY_STAGES") {
            for item in list.split(separator: ",") {
                let name = item.trimmingCharacters(in: .whitespaces)
                if name.isEmpty { continue }
                guard ServiceIdentity.stages.contains(where: { $0.name == name }) else {
                    throw ConfigurationError(
                        variable: "CSPR_GATEWAY_STAGES",
                        problem: "\"\(name)\" is not a stage; use any of \(ServiceIdentity.stages.map(\.name).joined(separator: ", "))")
                }
                names.insert(name)
            }
        } else {
            names.formUnion(defaultStages.map(\.name))
        }
        for stage in ServiceIdentity.stages where value(stage.urlVariable) != nil { names.insert(stage.name) }

        var settings = GatewaySettings(stages: ServiceIdentity.stages.filter { names.contains($0.name) })
        if let text = value("CSPR_GATEWAY_CACHE_SECONDS") {
            guard let seconds = Double(text), seconds >= 0, seconds <= 60 else {
                throw ConfigurationError(variable: "CSPR_GATEWAY_CACHE_SECONDS", problem: "\"\(text)\" is not a number of seconds between 0 and 60")
            }
            settings.cacheFor = .milliseconds(Int64(seconds * 1000))
        }
        if let text = value("CSPR_GATEWAY_STAGE_TIMEOUT_MS") {
            guard let millis = Int64(text), (50...30_000).contains(millis) else {
                throw ConfigurationError(
                    variable: "CSPR_GATEWAY_STAGE_TIMEOUT_MS", problem: "\"\(text)\" is not a number of milliseconds between 50 and 30000")
            }
            settings.stageTimeout = .milliseconds(millis)
        }
        for stage in ServiceIdentity.stages {
            let variable = pagesVariable(stage)
            if let url = value(variable) {
                guard url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    throw ConfigurationError(variable: variable, problem: "\"\(url)\" is not an http:// or https:// address")
                }
                settings.pagesURLs[stage.name] = url.hasSuffix("/") ? String(url.dropLast()) : url
            } else if let address = value(stage.urlVariable) {
                // The local stack: the browser reaches the stage where the gateway does.
                settings.pagesURLs[stage.name] = address.contains("://") ? address : "http://" + address
            }
        }
        return settings
    }
}
