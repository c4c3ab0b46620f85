import Contract
import RPC
import ServiceKit
import Storage

/// The service's calls: each names its case for the audit trail, turns the request into a
/// domain step on the case, and maps a refusal to its RPC status in one place.
struct RapidReviewHandlers: Sendable {
    let context: ServiceContext
    let store: RapidReviewStore

    init(context: ServiceContext) {
        self.context = context
        self.store = RapidReviewStore(database: context.database)
    }

    /// Today and the calendar, read once per call.
    var clock: CaseClock { CaseClock(today: context.today.date, calendar: context.calendar) }

    /// Every call of `cspr.rapidreview.v1.RapidReview`.
    func routes() -> RouteTable {
        var routes = RouteTable()
        routes.register(RapidReviewAPI.openRapidReview) { request, call in try await mapped(call) { try await openRapidReview(request, call) } }
        routes.register(RapidReviewAPI.scheduleMeeting) { request, call in try await mapped(call) { try await scheduleMeeting(request, call) } }
        routes.register(RapidReviewAPI.recordMeeting) { request, call in try await mapped(call) { try await recordMeeting(request, call) } }
        routes.register(RapidReviewAPI.agreeRecommendation) { request, call in
            try await mapped(call) { try await agreeRecommendation(request, call) }
        }
        routes.register(RapidReviewAPI.requestClarification) { request, call in
            try await mapped(call) { try await requestClarification(request, call) }
        }
        routes.register(RapidReviewAPI.ratify) { request, call in try await mapped(call) { try await ratify(request, call) } }
        routes.register(RapidReviewAPI.recordSubmission) { request, call in
            try await mapped(call) { try await recordSubmission(request, call) }
        }
        routes.register(RapidReviewAPI.getOutcomeDocument) { request, call in
            try await mapped(call) { try await getOutcomeDocument(request, call) }
        }
        routes.register(RapidReviewAPI.getRapidReview) { request, call in try await mapped(call) { try await getRapidReview(request, call) } }
        routes.register(RapidReviewAPI.listRapidReviews) { request, _ in try await listRapidReviews(request) }
        routes.register(RapidReviewAPI.getStatuses) { request, call in try await getStatuses(request, call) }
        return routes
    }

    /// The one place a domain refusal becomes an RPC status.
    private func mapped<T>(_ call: CallContext, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RapidReviewError {
            if case .timescaleNotCounted(let rule) = error {
                context.logger.error("a timescale gave no date", ["rule": .string(rule.rawValue), "requestId": .string(call.requestID)])
            }
            throw error.rpcError
        }
    }

    /// Names the case in the log line and the audit entry (DESIGN.md, Security).
    func about(_ reference: CaseReference, _ call: CallContext) {
        call.annotations.set(AuditTrail.caseReferenceKey, reference.description)
    }

    /// The caller's name from the tokens file.
    func principal(_ call: CallContext) -> String { call.principal?.name ?? "anonymous" }
}
