import Contract
import RPC
import ServiceKit

/// The calls of oversight: parallel processes, delays (T7 extended), forecasts and the notice
/// they may make due (T8), checkpoints.
extension ReviewManagementHandlers {
    /// A parallel process registered, or its status and a liaison note (§5.6, §6.2.3).
    func recordParallelProcess(_ request: ReviewManagementAPI.RecordParallelProcessRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordParallelProcessResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let step = try review.recordingParallelProcess(request, by: principal, clock: clock)
            try writer.recordParallelProcess(step, of: review.reference)
            return ReviewManagementAPI.RecordParallelProcessResponse(caseReference: review.reference, process: step.process)
        }
    }

    /// A decision to delay: T7 extended, its original date kept.
    func recordDelayDecision(_ request: ReviewManagementAPI.RecordDelayDecisionRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordDelayDecisionResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let decision = try review.decidingDelay(request, by: principal, clock: clock)
            try writer.recordOversight(decision, number: decision.number, in: .delayDecisions, of: review.reference)
            var updated = review
            updated.delayDecisions.append(decision)
            return ReviewManagementAPI.RecordDelayDecisionResponse(
                caseReference: review.reference, decision: decision, deadlines: updated.deadlines(clock))
        }
    }

    /// A completion forecast; past T7's due date it makes T8 due.
    func recordForecastCompletion(_ request: ReviewManagementAPI.RecordForecastCompletionRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordForecastCompletionResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let forecast = try review.forecasting(request, by: principal, clock: clock)
            try writer.recordOversight(forecast, number: forecast.number, in: .completionForecasts, of: review.reference)
            var updated = review
            updated.forecasts.append(forecast)
            return ReviewManagementAPI.RecordForecastCompletionResponse(
                caseReference: review.reference, forecast: forecast, deadlines: updated.deadlines(clock))
        }
    }

    /// The National Panel and the Secretary of State informed of the delay (T8 met).
    func recordDelayNotice(_ request: ReviewManagementAPI.RecordDelayNoticeRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordDelayNoticeResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let notice = try review.noticingDelay(request, by: principal, clock: clock)
            try writer.recordOversight(notice, number: notice.number, in: .delayNotices, of: review.reference)
            var updated = review
            updated.delayNotices.append(notice)
            return ReviewManagementAPI.RecordDelayNoticeResponse(caseReference: review.reference, notice: notice, deadlines: updated.deadlines(clock))
        }
    }

    /// A progress or quality checkpoint with its written requests to the reviewer.
    func recordCheckpoint(_ request: ReviewManagementAPI.RecordCheckpointRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordCheckpointResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let checkpoint = try review.checkpointing(request, by: principal, clock: clock)
            try writer.recordOversight(checkpoint, number: checkpoint.number, in: .checkpoints, of: review.reference)
            return ReviewManagementAPI.RecordCheckpointResponse(caseReference: review.reference, checkpoint: checkpoint)
        }
    }
}
