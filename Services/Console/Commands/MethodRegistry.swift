import Contract
import RPC
import ServiceKit

/// Every call of the contract `cspr call` knows, by service and method name: its path, the
/// roles that may call it, and its message types.
package struct MethodEntry: Sendable, Equatable {
    /// The service that serves it.
    package var service: ServiceIdentity
    /// Path and roles.
    package var info: MethodInfo
    /// The request type's name, e.g. `IntakeAPI.SubmitReferralRequest`.
    package var requestType: String
    /// The response type's name.
    package var responseType: String

    /// The method's short name.
    package var name: String { info.name }

    /// The entry of `method`, a call of `service`.
    package init(_ service: ServiceIdentity, _ method: MethodDescription) {
        self.service = service
        self.info = method.info
        self.requestType = method.requestType
        self.responseType = method.responseType
    }

    /// The entry of `method`, a call of `service`.
    package init<Request, Response>(_ service: ServiceIdentity, _ method: Method<Request, Response>) {
        self.init(service, MethodDescription(method))
    }
}

/// The registry. A service's calls join it when its descriptors land in `Shared/Contract`
/// (until then `cspr call <service> /full/path` reaches any path).
package enum MethodRegistry {
    /// Every entry, by service then name.
    package static let entries: [MethodEntry] = {
        // Each service's calls as its identity lists them from the contract.
        var entries = ServiceIdentity.all.flatMap { service in service.methods.map { MethodEntry(service, $0) } }
        // Every stage answers GetStatuses, also those whose other calls are not in the contract yet.
        for stage in ServiceIdentity.stages where !entries.contains(where: { $0.info == stage.getStatuses.info }) {
            entries.append(MethodEntry(stage, stage.getStatuses))
        }
        // Every service answers the admin calls (ServiceKit).
        for service in ServiceIdentity.all {
            entries += [
                MethodEntry(service, AdminAPI.backup), MethodEntry(service, AdminAPI.integrityCheck),
                MethodEntry(service, AdminAPI.listDeadLetters), MethodEntry(service, AdminAPI.retryDeadLetter),
                MethodEntry(service, AdminAPI.getAuditTrail),
            ]
        }
        return entries
    }()

    /// The entries of `service`.
    package static func entries(of service: String) -> [MethodEntry] {
        entries.filter { $0.service.name == service }
    }

    /// The path of `method` of `service`: a registered name (`SubmitReferral`, any case) or a
    /// full path (`/cspr.rapidreview.v1.RapidReview/ScheduleMeeting`) for calls not yet in it.
    package static func path(service: String, method: String) throws(ConsoleError) -> String {
        if method.hasPrefix("/") {
            guard method.split(separator: "/").count == 2 else {
                throw .usage("\"\(method)\" is not a method path like /cspr.intake.v1.Intake/SubmitReferral")
            }
            return method
        }
        _ = try ServiceAddresses.identity(service)
        let known = entries(of: service)
        guard let entry = known.first(where: { $0.name.lowercased() == method.lowercased() }) else {
            throw .usage(
                "\(service) has no call \"\(method)\" in the contract; known: \(known.map(\.name).joined(separator: ", ")) "
                    + "(or give the full path, /package.Service/Method)")
        }
        return entry.info.path
    }
}
