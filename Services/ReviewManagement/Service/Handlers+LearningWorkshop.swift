import Contract
import RPC
import ServiceKit

/// The calls of the reflective learning workshop (§8.8, Appendices 12-14) and of the quality
/// markers (Appendix 15 §4).
extension ReviewManagementHandlers {
    /// An invitation to the workshop.
    func inviteToLearningEvent(_ request: ReviewManagementAPI.InviteToLearningEventRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.InviteToLearningEventResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let invitation = try review.invitingToLearningEvent(request, by: principal, clock: clock)
            try writer.recordInvitation(invitation, of: review.reference)
            return .init(caseReference: review.reference, invitation: invitation)
        }
    }

    /// An invitee's attendance, after the workshop.
    func recordLearningEventAttendance(_ request: ReviewManagementAPI.RecordLearningEventAttendanceRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordLearningEventAttendanceResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let record = try review.recordingLearningEventAttendance(request, by: principal, clock: clock)
            try writer.recordAttendance(record, number: review.learningAttendance.count + 1, of: review.reference)
            return .init(caseReference: review.reference, attendance: record)
        }
    }

    /// A one-to-one conversation instead of attending.
    func recordOneToOneConversation(_ request: ReviewManagementAPI.RecordOneToOneConversationRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordOneToOneConversationResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let conversation = try review.recordingOneToOneConversation(request, by: principal, clock: clock)
            try writer.recordOneToOne(conversation, number: review.oneToOneConversations.count + 1, of: review.reference)
            return .init(caseReference: review.reference, conversation: conversation)
        }
    }

    /// A new version of the key themes and learning points.
    func recordLearningPoints(_ request: ReviewManagementAPI.RecordLearningPointsRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordLearningPointsResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let learning = try review.recordingLearningPoints(request, by: principal, clock: clock)
            try writer.recordLearningPoints(learning, of: review.reference)
            return .init(caseReference: review.reference, learning: learning)
        }
    }

    /// The feedback session to participants.
    func recordFeedbackSession(_ request: ReviewManagementAPI.RecordFeedbackSessionRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordFeedbackSessionResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let session = try review.recordingFeedbackSession(request, by: principal, clock: clock)
            try writer.recordFeedbackSession(session, number: review.feedbackSessions.count + 1, of: review.reference)
            return .init(caseReference: review.reference, feedbackSession: session)
        }
    }

    /// Appendix 12 (with Appendix 13) or Appendix 14 filled in.
    func getLearningEventDocument(_ request: ReviewManagementAPI.GetLearningEventDocumentRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.LearningEventDocument
    {
        let review = try await store.review(request.caseReference)
        // Rendering is CPU work: off the event loop that answers this call's connection.
        return try await context.compute.run { () throws(ReviewManagementError) in try LearningEventRenderer.document(review, request) }
    }

    /// The lead reviewer's answers to the quality markers for a report version.
    func recordQualityMarkers(_ request: ReviewManagementAPI.RecordQualityMarkersRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordQualityMarkersResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let record = try review.recordingQualityMarkers(request, by: principal, clock: clock)
            try writer.recordQualityMarkers(record, number: review.qualityMarkers.count + 1, of: review.reference)
            var updated = review
            updated.qualityMarkers.append(record)
            guard let version = updated.reportVersions.first(where: { $0.version == record.version }) else {
                throw ReviewManagementError.invalidField(path: "version", rule: nil, problem: "no report version \(record.version)")
            }
            return .init(caseReference: review.reference, record: record, checklist: updated.checklist(version))
        }
    }
}
