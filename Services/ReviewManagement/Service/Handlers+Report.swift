import Contract
import RPC
import ServiceKit

/// The calls of the report and the board's approval (V9, V10, §9).
extension ReviewManagementHandlers {
    /// A new version of the report, with its checklist.
    func submitReportDraft(_ request: ReviewManagementAPI.SubmitReportDraftRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.SubmitReportDraftResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let version = try review.submittingReportDraft(request, by: principal, clock: clock)
            try writer.addReportVersion(version, to: review.reference)
            return .init(caseReference: review.reference, version: version, checklist: review.checklist(version))
        }
    }

    /// The review team's confirmation that a version meets the terms of reference.
    func confirmTermsOfReferenceMet(_ request: ReviewManagementAPI.ReportVersionStepRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.ReportVersionStepResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let step = try review.confirmingTermsOfReferenceMet(request, by: principal, clock: clock)
            try writer.recordTermsOfReferenceMet(step, number: review.termsOfReferenceMet.count + 1, of: review.reference)
            return .init(caseReference: review.reference, step: step)
        }
    }

    /// The board's endorsement of a version's recommendations.
    func endorseRecommendations(_ request: ReviewManagementAPI.ReportVersionStepRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.ReportVersionStepResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let step = try review.endorsingRecommendations(request, by: principal, clock: clock)
            try writer.recordRecommendationsEndorsed(step, number: review.recommendationsEndorsed.count + 1, of: review.reference)
            return .init(caseReference: review.reference, step: step)
        }
    }

    /// The board's approval; `PreparePublication` goes in the outbox with it.
    func approveReport(_ request: ReviewManagementAPI.ReportVersionStepRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.ReportVersionStepResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let approval = try review.approvingReport(request, by: principal, clock: clock)
            var approved = review
            approved.reportApproval = approval
            guard let handOver = approved.preparePublication(clock) else {
                throw ReviewManagementError.outOfOrder(rule: .v9, problem: "report version \(approval.version) is not held")
            }
            try writer.recordApproval(approval, handOver: handOver)
            return .init(caseReference: review.reference, step: approval)
        }
    }
}
