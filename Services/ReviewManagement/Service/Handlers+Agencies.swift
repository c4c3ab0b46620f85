import Contract
import RPC
import ServiceKit

/// The calls on the agencies' part: requests, chronologies, information reports and the
/// review team's decisions on them (V6-V8). Nothing they hold is logged: it names people.
extension ReviewManagementHandlers {
    /// Asks an agency for its chronology and/or information report.
    func requestAgencyInformation(_ request: ReviewManagementAPI.RequestAgencyInformationRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RequestAgencyInformationResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let asked = try review.requestingAgencyInformation(request, by: principal, clock: clock)
            try writer.recordAgencyRequest(asked, of: review.reference)
            return ReviewManagementAPI.RequestAgencyInformationResponse(
                caseReference: review.reference, request: review.standing(of: asked, today: clock.today))
        }
    }

    /// Every request to an agency and where it stands today.
    func getAgencyRequests(_ request: ReviewManagementAPI.CaseRequest, _ call: CallContext) async throws -> ReviewManagementAPI.AgencyRequests {
        try await store.review(request.caseReference).agencyRequestsView(today: clock.today)
    }

    /// An agency's chronology, a new version.
    func submitChronology(_ request: ReviewManagementAPI.SubmitChronologyRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.SubmitChronologyResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await asAgency(call, request.agency, request.caseReference) { review, writer in
            let submission = try review.submittingChronology(request, by: principal, clock: clock)
            try writer.recordChronology(submission, of: review.reference)
            return ReviewManagementAPI.SubmitChronologyResponse(
                caseReference: review.reference, submission: submission.key, entries: submission.entries.count)
        }
    }

    /// The Combined Key Events Chronology, as JSON or CSV.
    func getCombinedChronology(_ request: ReviewManagementAPI.GetCombinedChronologyRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.CombinedChronology
    {
        let review = try await store.review(request.caseReference)
        // Merging and rendering is CPU work: off the event loop that answers this call's connection.
        return await context.compute.run {
            let combined = review.combinedChronology
            let csv = request.format == .csv ? ChronologyCSV.render(combined.entries) : nil
            return ReviewManagementAPI.CombinedChronology(
                caseReference: review.reference, sources: combined.sources, entries: combined.entries, csv: csv)
        }
    }

    /// An agency's information report, a new version (V7).
    func submitInformationReport(_ request: ReviewManagementAPI.SubmitInformationReportRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.SubmitInformationReportResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await asAgency(call, request.agency, request.caseReference) { review, writer in
            let submission = try review.submittingInformationReport(request, by: principal, clock: clock)
            try writer.recordInformationReport(submission, of: review.reference)
            return ReviewManagementAPI.SubmitInformationReportResponse(caseReference: review.reference, submission: submission.key)
        }
    }

    /// Runs an agency's submission as `store.change` does, for the caller's agency scope (issue
    /// 15, item 14): an agency's token submits for its own agency only, on a review that asked
    /// it; it gets one refusal whether the review is missing or asked only other agencies.
    private func asAgency<T: Sendable>(
        _ call: CallContext, _ agency: String, _ reference: CaseReference, _ body: @escaping @Sendable (Review, ReviewWriter) throws -> T
    ) async throws -> T {
        let scope = try AgencyScope.of(call)
        let same: @Sendable (String, String) -> Bool = { $0.trimmingWhitespace.lowercased() == $1.trimmingWhitespace.lowercased() }
        guard case .only(let own) = scope else { return try await store.change(reference, body) }
        guard scope.allows(agency, same: same) else {
            throw RPCError(.permissionDenied, "agency: this token submits for its own agency only")
        }
        do {
            return try await store.change(reference) { review, writer in
                guard review.agencyRequest(own) != nil else { throw scope.refusal(reference) }
                return try body(review, writer)
            }
        } catch ReviewManagementError.notCommissioned {
            throw scope.refusal(reference)
        }
    }

    /// The review team accepts a submission or sends it back with its question (V8).
    func reviewSubmission(_ request: ReviewManagementAPI.ReviewSubmissionRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.ReviewSubmissionResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let decision = try review.reviewingSubmission(request, by: principal, clock: clock)
            try writer.recordSubmissionDecision(decision, of: review.reference)
            return ReviewManagementAPI.ReviewSubmissionResponse(caseReference: review.reference, decision: decision)
        }
    }
}

/// Escalation of an overdue request (§2.1.7).
extension ReviewManagementHandlers {
    /// Records the next step of §2.1.7 for an agency's overdue request.
    func escalateAgencyRequest(_ request: ReviewManagementAPI.EscalateAgencyRequestRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.EscalateAgencyRequestResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let escalation = try review.escalating(request, by: principal, clock: clock)
            try writer.recordEscalation(escalation, of: review.reference)
            var updated = review
            updated.escalations.append(escalation)
            let steps = updated.escalations.filter { $0.requestNumber == escalation.requestNumber }
            return ReviewManagementAPI.EscalateAgencyRequestResponse(
                caseReference: review.reference, escalations: steps, next: Review.nextLevel(after: escalation.level))
        }
    }
}
