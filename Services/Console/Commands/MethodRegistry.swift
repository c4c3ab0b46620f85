import Contract
import RPC
import ServiceKit

/// Every call of the contract `cspr call` knows, by service and method name: its path, the
/// roles that may call it, and its message types.
package struct MethodEntry: Sendable, Equatable {
    /// The service's name for `cspr`: `intake`, `gateway`, ...
    package var service: String
    /// Path and roles.
    package var info: MethodInfo
    /// The request type's name, e.g. `IntakeAPI.SubmitReferralRequest`.
    package var requestType: String
    /// The response type's name.
    package var responseType: String

    /// The method's short name.
    package var name: String { info.name }

    /// The entry of `method`, a call of `service`.
    package init<Request, Response>(_ service: String, _ method: Method<Request, Response>) {
        self.service = service
        self.info = method.info
        self.requestType = Self.typeName(Request.self)
        self.responseType = Self.typeName(Response.self)
    }

    private static func typeName(_ type: Any.Type) -> String {
        String(reflecting: type).split(separator: ".").dropFirst().joined(separator: ".")
    }
}

/// The registry. A service's calls join it when its descriptors land in `Shared/Contract`
/// (until then `cspr call <service> /full/path` reaches any path).
package enum MethodRegistry {
    /// Every entry, by service then name.
    package static let entries: [MethodEntry] = {
        var entries = [
            MethodEntry("gateway", GatewayAPI.listCases), MethodEntry("gateway", GatewayAPI.getCase), MethodEntry("gateway", GatewayAPI.getSummary),
            MethodEntry("intake", IntakeAPI.submitReferral), MethodEntry("intake", IntakeAPI.recordNotification),
            MethodEntry("intake", IntakeAPI.sendScopingRequests), MethodEntry("intake", IntakeAPI.recordScopingReturn),
            MethodEntry("intake", IntakeAPI.getCase), MethodEntry("intake", IntakeAPI.listCases), MethodEntry("intake", IntakeAPI.getCaseFile),
            MethodEntry("intake", IntakeAPI.getStatuses), MethodEntry("intake", IntakeAPI.checkDisclosure),
            MethodEntry("rapid-review", RapidReviewAPI.openRapidReview), MethodEntry("rapid-review", RapidReviewAPI.scheduleMeeting),
            MethodEntry("rapid-review", RapidReviewAPI.recordMeeting), MethodEntry("rapid-review", RapidReviewAPI.agreeRecommendation),
            MethodEntry("rapid-review", RapidReviewAPI.requestClarification), MethodEntry("rapid-review", RapidReviewAPI.ratify),
            MethodEntry("rapid-review", RapidReviewAPI.recordSubmission), MethodEntry("rapid-review", RapidReviewAPI.getOutcomeDocument),
            MethodEntry("rapid-review", RapidReviewAPI.getRapidReview), MethodEntry("rapid-review", RapidReviewAPI.listRapidReviews),
            MethodEntry("rapid-review", RapidReviewAPI.getStatuses),
            MethodEntry("review-management", getStatusesMethod(of: ServiceName.reviewManagement)),
            MethodEntry("publication", getStatusesMethod(of: ServiceName.publication)),
        ]
        // Every service answers the admin calls (ServiceKit).
        for service in ServiceAddresses.services {
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
        entries.filter { $0.service == service }
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
        guard ServiceAddresses.services.contains(service) else {
            throw .usage("unknown service \"\(service)\"; use one of \(ServiceAddresses.services.joined(separator: ", "))")
        }
        let known = entries(of: service)
        guard let entry = known.first(where: { $0.name.lowercased() == method.lowercased() }) else {
            throw .usage(
                "\(service) has no call \"\(method)\" in the contract; known: \(known.map(\.name).joined(separator: ", ")) "
                    + "(or give the full path, /package.Service/Method)")
        }
        return entry.info.path
    }
}
