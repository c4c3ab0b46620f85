import Contract
import ServiceKit

/// Where each service is: `--url`, else its `CSPR_<SERVICE>_URL`, else its default port on this
/// machine (`ServiceIdentity`).
package enum ServiceAddresses {
    /// The service named `name` on the command line.
    package static func identity(_ name: String) throws(ConsoleError) -> ServiceIdentity {
        guard let identity = ServiceIdentity.named(name) else {
            throw .usage("unknown service \"\(name)\"; use one of \(ServiceIdentity.all.map(\.name).joined(separator: ", "))")
        }
        return identity
    }

    /// The address of `service`.
    package static func address(of service: ServiceIdentity, flag: String?, environment: [String: String]) throws(ConsoleError) -> PeerAddress {
        if let flag {
            guard let address = PeerAddress(flag) else { throw .usage("--url \"\(flag)\" is not host:port or http://host:port") }
            return address
        }
        let variable = service.urlVariable
        if let text = environment[variable]?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            guard let address = PeerAddress(text) else { throw .usage("\(variable)=\"\(text)\" is not host:port or http://host:port") }
            return address
        }
        return PeerAddress(host: "127.0.0.1", port: service.defaultPort)
    }
}
