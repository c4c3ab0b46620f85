import Contract
import RPC
import ServiceKit

/// The calls that record a step of the review.
extension ReviewManagementHandlers {
    /// rapid-review's hand-over, applied once per idempotency key; a replay answers the first reply.
    func commissionReview(_ request: ReviewManagementAPI.CommissionReviewRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.CommissionReviewResponse
    {
        let (clock, partnership) = (clock, context.configuration.partnership)
        let key = call.metadata[Idempotency.header] ?? ""
        let reply = try await store.applyHandOverOnce(call: call, request: request) { writer in
            try CommissionHandOver.check(request, partnership: partnership, today: clock.today)
            guard try !writer.isCommissioned(request.caseReference) else {
                return ReviewManagementAPI.CommissionReviewResponse(caseReference: request.caseReference, commissioned: false)
            }
            try writer.commission(request, on: clock.today, idempotencyKey: key)
            return ReviewManagementAPI.CommissionReviewResponse(caseReference: request.caseReference, commissioned: true)
        }
        if reply.commissioned {
            context.logger.info(
                "review commissioned",
                ["caseReference": .string(request.caseReference.description), "reviewKind": .string(request.reviewKind.rawValue)])
        }
        return reply
    }

    /// The National Panel's decision on a national review, and the partners' (T7).
    func recordNationalPanelDecision(_ request: ReviewManagementAPI.RecordNationalPanelDecisionRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordNationalPanelDecisionResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let decision = try review.recordingNationalPanelDecision(request, by: principal, clock: clock)
            try writer.recordNationalPanelDecision(decision, of: review.reference)
            var updated = review
            updated.nationalPanelDecision = decision
            return ReviewManagementAPI.RecordNationalPanelDecisionResponse(
                caseReference: review.reference, decision: decision, state: updated.state, deadlines: updated.deadlines(clock))
        }
    }

    /// A draft or redraft of the terms of reference, and what V1 still asks for.
    func draftTermsOfReference(_ request: ReviewManagementAPI.DraftTermsOfReferenceRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.DraftTermsOfReferenceResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let version = try review.drafting(request, by: principal, clock: clock)
            try writer.addVersion(version, to: review.reference)
            return ReviewManagementAPI.DraftTermsOfReferenceResponse(
                caseReference: review.reference, version: version, missingForAgreement: TermsOfReferenceRules.missing(version.termsOfReference))
        }
    }

    /// The Case Review Panel agrees the terms of reference (V1).
    func agreeTermsOfReference(_ request: ReviewManagementAPI.AgreeTermsOfReferenceRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.AgreeTermsOfReferenceResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let agreement = try review.agreeing(request, by: principal, clock: clock)
            try writer.recordAgreement(agreement, of: review.reference)
            var updated = review
            updated.agreement = agreement
            return ReviewManagementAPI.AgreeTermsOfReferenceResponse(caseReference: review.reference, agreement: agreement, state: updated.state)
        }
    }

    /// The key lines of enquiry changed after agreement, with the panel's approval (V2).
    func changeKeyLinesOfEnquiry(_ request: ReviewManagementAPI.ChangeKeyLinesOfEnquiryRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.ChangeKeyLinesOfEnquiryResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let (change, version) = try review.changingKeyLines(request, by: principal, clock: clock)
            try writer.recordChange(change, version: version, of: review.reference)
            return ReviewManagementAPI.ChangeKeyLinesOfEnquiryResponse(caseReference: review.reference, change: change, version: version)
        }
    }
}
