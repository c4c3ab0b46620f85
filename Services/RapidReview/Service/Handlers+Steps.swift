import Contract
import RPC
import ServiceKit

/// The calls that record a step of the Rapid Review.
extension RapidReviewHandlers {
    /// intake's hand-over, applied once per idempotency key; a replay answers the first reply.
    func openRapidReview(_ request: RapidReviewAPI.OpenRapidReviewRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.OpenRapidReviewResponse
    {
        let (clock, partnership) = (clock, context.configuration.partnership)
        let key = call.metadata[Idempotency.header] ?? ""
        let reply = try await store.applyHandOverOnce(call: call, request: request) { writer in
            try OpeningHandOver.check(request, partnership: partnership, today: clock.today)
            guard try !writer.isOpen(request.caseReference) else {
                return RapidReviewAPI.OpenRapidReviewResponse(caseReference: request.caseReference, opened: false)
            }
            try writer.open(request, openedOn: clock.today, idempotencyKey: key)
            return RapidReviewAPI.OpenRapidReviewResponse(caseReference: request.caseReference, opened: true)
        }
        if reply.opened {
            context.logger.info("Rapid Review opened", ["caseReference": .string(request.caseReference.description)])
            for difference in OpeningHandOver.disagreements(request, clock: clock) {
                context.logger.warning(
                    "intake's deadline differs from this service's calendar; this service's is used",
                    ["caseReference": .string(request.caseReference.description), "difference": .string(difference)])
            }
        }
        return reply
    }

    /// intake's update after the open, applied once per idempotency key and only when newer
    /// than the revision applied last (issue 15, item 1).
    func updateRapidReview(_ request: RapidReviewAPI.UpdateRapidReviewRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.UpdateRapidReviewResponse
    {
        let clock = clock
        return try await store.applyUpdateOnce(call: call, request: request) { rapidReview, writer in
            let news = try rapidReview.applying(request)
            if news { try writer.addUpdate(request, appliedOn: clock.today) }
            return RapidReviewAPI.UpdateRapidReviewResponse(caseReference: request.caseReference, applied: news)
        }
    }

    /// Sets or moves the meeting's date (T4, T6); the history is kept.
    func scheduleMeeting(_ request: RapidReviewAPI.ScheduleMeetingRequest, _ call: CallContext) async throws -> RapidReviewAPI.ScheduleMeetingResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { rapidReview, writer in
            let meeting = try rapidReview.scheduling(request, by: principal, clock: clock)
            try writer.addScheduling(meeting, to: rapidReview.reference)
            var updated = rapidReview
            updated.schedule.append(meeting)
            return RapidReviewAPI.ScheduleMeetingResponse(
                caseReference: rapidReview.reference, meeting: meeting, history: rapidReview.schedule,
                deadlines: CaseDeadlines(rapidReview: updated, clock: clock).all)
        }
    }

    /// Records the meeting held; quorum (R1) judged, R2-R6 checked; its free text checked by
    /// intake for the family's details before it is stored (P4).
    func recordMeeting(_ request: RapidReviewAPI.RecordMeetingRequest, _ call: CallContext) async throws -> RapidReviewAPI.RecordMeetingResponse {
        let (clock, principal, partners) = (clock, principal(call), partners)
        // The step's own checks first, on the case as it stands, so that a request refused for
        // its content is refused for that and not sent to intake.
        _ = try await store.rapidReview(request.caseReference).recordingMeeting(request, by: principal, clock: clock, partners: partners)
        try await disclosure.check(request.caseReference, .meeting(request), call: call)
        let response = try await store.change(request.caseReference) { rapidReview, writer in
            let meeting = try rapidReview.recordingMeeting(request, by: principal, clock: clock, partners: partners)
            try writer.addMeeting(meeting, to: rapidReview.reference)
            var updated = rapidReview
            updated.meetings.append(meeting)
            return RapidReviewAPI.RecordMeetingResponse(
                caseReference: rapidReview.reference, meetingNumber: meeting.number, quorate: meeting.quorate,
                missingPartners: meeting.missingPartners,
                deadlines: CaseDeadlines(rapidReview: updated, clock: clock).all)
        }
        // A quorate meeting queued intake's hand-over (scoping closes there).
        if response.quorate { context.relay.poke() }
        return response
    }

    /// Corrects the quorate meeting's record before ratification (R1-R6); its free text checked by
    /// intake for the family's details before it is stored (P4), as the record's was.
    func correctMeeting(_ request: RapidReviewAPI.CorrectMeetingRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.CorrectMeetingResponse
    {
        let (clock, principal, partners) = (clock, principal(call), partners)
        _ = try await store.rapidReview(request.caseReference).correctingMeeting(request, by: principal, clock: clock, partners: partners)
        let asRecorded = RapidReviewAPI.RecordMeetingRequest(
            caseReference: request.caseReference, meeting: request.meeting, documentation: request.documentation)
        try await disclosure.check(request.caseReference, .meeting(asRecorded), call: call)
        return try await store.change(request.caseReference) { rapidReview, writer in
            let correction = try rapidReview.correctingMeeting(request, by: principal, clock: clock, partners: partners)
            try writer.addMeetingCorrection(correction, to: rapidReview.reference)
            return RapidReviewAPI.CorrectMeetingResponse(caseReference: rapidReview.reference, correction: correction)
        }
    }

    /// Agrees the recommendation (R1, R7, R8), or revises it after clarification (R9); its
    /// free text checked by intake for the family's details before it is stored (P4).
    func agreeRecommendation(_ request: RapidReviewAPI.AgreeRecommendationRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.AgreeRecommendationResponse
    {
        let (clock, principal) = (clock, principal(call))
        _ = try await store.rapidReview(request.caseReference).agreeing(request, by: principal, clock: clock)
        try await disclosure.check(request.caseReference, .recommendation(request), call: call)
        return try await store.change(request.caseReference) { rapidReview, writer in
            let recommendation = try rapidReview.agreeing(request, by: principal, clock: clock)
            try writer.addRecommendation(recommendation, to: rapidReview.reference)
            var updated = rapidReview
            updated.recommendations.append(recommendation)
            return RapidReviewAPI.AgreeRecommendationResponse(
                caseReference: rapidReview.reference, recommendation: recommendation, state: updated.state,
                deadlines: CaseDeadlines(rapidReview: updated, clock: clock).all)
        }
    }

    /// The independent chair's question: back to the panel (R9).
    func requestClarification(_ request: RapidReviewAPI.RequestClarificationRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.RequestClarificationResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { rapidReview, writer in
            let clarification = try rapidReview.requestingClarification(request, by: principal, clock: clock)
            try writer.addClarification(clarification, to: rapidReview.reference)
            var updated = rapidReview
            updated.clarifications.append(clarification)
            return RapidReviewAPI.RequestClarificationResponse(
                caseReference: rapidReview.reference, clarification: clarification, state: updated.state)
        }
    }

    /// The independent chair ratifies (R9); a commissioned review goes to review-management
    /// through the outbox in the same transaction, its free text checked by intake again first
    /// (P4: intake may have learnt of more of the family since the meeting).
    func ratify(_ request: RapidReviewAPI.RatifyRequest, _ call: CallContext) async throws -> RapidReviewAPI.RatifyResponse {
        let (clock, principal) = (clock, principal(call))
        let current = try await store.rapidReview(request.caseReference)
        if let commission = current.commissionReview(try current.ratifying(request, by: principal, clock: clock)) {
            try await disclosure.check(request.caseReference, .commission(commission), call: call)
        }
        let response = try await store.change(request.caseReference) { rapidReview, writer in
            let ratification = try rapidReview.ratifying(request, by: principal, clock: clock)
            try writer.recordRatification(ratification, of: rapidReview.reference, handOver: rapidReview.commissionReview(ratification))
            var updated = rapidReview
            updated.ratification = ratification
            return RapidReviewAPI.RatifyResponse(
                caseReference: rapidReview.reference, ratification: ratification, stage: updated.stage,
                deadlines: CaseDeadlines(rapidReview: updated, clock: clock).all)
        }
        if response.ratification.path == .reviewCommissioned { context.relay.poke() }
        context.logger.info(
            "Rapid Review ratified",
            ["caseReference": .string(request.caseReference.description), "path": .string(response.ratification.path.rawValue)])
        return response
    }

    /// A recorded decision extending T4, T5 or T6 (RULES.md); audited like every call.
    func recordExtension(_ request: RecordExtensionRequest, _ call: CallContext) async throws -> RecordExtensionResponse {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { rapidReview, writer in
            let granted = try rapidReview.extending(request, by: principal, clock: clock)
            try writer.addExtension(granted, number: rapidReview.extensions.count + 1, to: rapidReview.reference)
            var updated = rapidReview
            updated.extensions.append(granted)
            guard let deadline = CaseDeadlines(rapidReview: updated, clock: clock).all.first(where: { $0.rule == granted.rule }) else {
                throw RapidReviewError.timescaleNotCounted(granted.rule)
            }
            return RecordExtensionResponse(caseReference: rapidReview.reference, decision: granted, deadline: deadline)
        }
    }

    /// An immediate action taken (R4); accepted in every state after the meeting, the case
    /// closed (h, i) included.
    func recordActionDone(_ request: RapidReviewAPI.RecordActionDoneRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.RecordActionDoneResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { rapidReview, writer in
            let done = try rapidReview.recordingActionDone(request, by: principal, clock: clock)
            try writer.addActionDone(done, to: rapidReview.reference)
            var updated = rapidReview
            updated.actionsDone.append(done)
            return RapidReviewAPI.RecordActionDoneResponse(
                caseReference: rapidReview.reference, recorded: done, actions: updated.immediateActions, deadlines: updated.actionDeadlines(clock))
        }
    }

    /// The submission to the National Panel and the sharing with agencies (R10, T5, T6).
    func recordSubmission(_ request: RapidReviewAPI.RecordSubmissionRequest, _ call: CallContext) async throws
        -> RapidReviewAPI.RecordSubmissionResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { rapidReview, writer in
            let submission = try rapidReview.submitting(request, by: principal, clock: clock)
            try writer.recordSubmission(submission, of: rapidReview.reference)
            var updated = rapidReview
            updated.submission = submission
            return RapidReviewAPI.RecordSubmissionResponse(
                caseReference: rapidReview.reference, submission: submission, complete: true,
                deadlines: CaseDeadlines(rapidReview: updated, clock: clock).all)
        }
    }
}
