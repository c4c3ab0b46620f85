import Contract
import Foundation

/// Fictional admin messages for the golden files (golden/admin-*.json).
enum AdminSamples {
    /// 2025-04-07T09:30:00Z, a whole second: the wire's RFC 3339 form keeps no fraction.
    static let instant = Date(timeIntervalSince1970: 1_744_018_200)

    static let backup = Pair(
        request: AdminAPI.BackupRequest(),
        response: AdminAPI.BackupResponse(path: "/var/lib/cspr/intake/backups/intake-20250407T093000-42.sqlite", bytes: 409_600))

    static let integrityCheck = Pair(
        request: AdminAPI.Empty(), response: AdminAPI.IntegrityResponse(ok: false, problems: ["row 7 missing from index outbox_due"]))

    static let listDeadLetters = Pair(
        request: AdminAPI.Empty(),
        response: AdminAPI.DeadLettersResponse(deadLetters: [
            AdminAPI.DeadLetter(
                id: 12, destination: "rapid-review", method: "/cspr.rapidreview.v1.RapidReview/OpenRapidReview", attempts: 20,
                lastError: "UNAVAILABLE: connection refused", createdAt: instant),
            AdminAPI.DeadLetter(
                id: 13, destination: "review-management", method: "/cspr.review.v1.ReviewManagement/CommissionReview", attempts: 20,
                lastError: nil, createdAt: instant),
        ]))

    static let retryDeadLetter = Pair(request: AdminAPI.RetryRequest(id: 12), response: AdminAPI.RetryResponse(retried: true))

    static let getAuditTrail = Pair(
        request: AdminAPI.AuditTrailRequest(caseReference: "SURREY-2025-0007", limit: 50),
        response: AdminAPI.AuditTrailResponse(entries: [
            AuditEntry(
                id: 41, at: instant, principal: "Sam.Panel", method: "GetRapidReview", caseReference: "SURREY-2025-0007", outcome: "OK",
                requestID: "32cc77a84d75d879-41"),
            AuditEntry(
                id: 40, at: instant, principal: "anonymous", method: "ListRapidReviews", caseReference: nil, outcome: "UNAUTHENTICATED",
                requestID: "32cc77a84d75d879-40"),
        ]))
}
