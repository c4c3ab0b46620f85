import ServiceKit

/// Where each service is: `--url`, else `CSPR_<SERVICE>_URL`, else its default port on this
/// machine (DESIGN.md: gateway 7100, intake 7101, rapid-review 7102, review-management 7103,
/// publication 7104).
package enum ServiceAddresses {
    /// The services `cspr` knows by name.
    package static let services = ["gateway", "intake", "rapid-review", "review-management", "publication"]

    /// `CSPR_RAPID_REVIEW_URL` for `rapid-review`.
    package static func variable(of service: String) -> String {
        "CSPR_\(service.uppercased().replacingOccurrences(of: "-", with: "_"))_URL"
    }

    /// The address of `service`.
    package static func address(of service: String, flag: String?, environment: [String: String]) throws(ConsoleError) -> PeerAddress {
        guard services.contains(service) else {
            throw .usage("unknown service \"\(service)\"; use one of \(services.joined(separator: ", "))")
        }
        if let flag {
            guard let address = PeerAddress(flag) else { throw .usage("--url \"\(flag)\" is not host:port or http://host:port") }
            return address
        }
        let variable = variable(of: service)
        if let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let address = PeerAddress(text) else { throw .usage("\(variable)=\"\(text)\" is not host:port or http://host:port") }
            return address
        }
        return PeerAddress(host: "127.0.0.1", port: ServiceConfiguration.defaultPorts[service] ?? 7100)
    }
}
