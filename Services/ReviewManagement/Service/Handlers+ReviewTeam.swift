import Contract
import RPC
import ServiceKit

/// The calls of the lead reviewer and the review team (V3, V4, §1.5.7).
extension ReviewManagementHandlers {
    /// The lead reviewer appointed, and the notices V3 asks for.
    func appointLeadReviewer(_ request: ReviewManagementAPI.AppointLeadReviewerRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.AppointLeadReviewerResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let appointment = try review.appointingLeadReviewer(request, by: principal, clock: clock)
            try writer.recordAppointment(appointment, of: review.reference)
            var updated = review
            updated.leadReviewer = appointment
            return .init(caseReference: review.reference, appointment: appointment, noticesDue: updated.noticesDue)
        }
    }

    /// Notices of the reviewer's name recorded (V3).
    func recordReviewerNotice(_ request: ReviewManagementAPI.RecordReviewerNoticeRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordReviewerNoticeResponse
    {
        let clock = clock
        return try await store.change(request.caseReference) { review, writer in
            let notices = try review.recordingReviewerNotices(request, clock: clock)
            try writer.recordNotices(notices, after: review.reviewerNotices.count, of: review.reference)
            var updated = review
            updated.reviewerNotices += notices
            return .init(caseReference: review.reference, notices: updated.reviewerNotices, noticesDue: updated.noticesDue)
        }
    }

    /// The review team set (V4).
    func setReviewTeam(_ request: ReviewManagementAPI.SetReviewTeamRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.SetReviewTeamResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let team = try review.settingReviewTeam(request, by: principal, clock: clock)
            try writer.addTeam(team, to: review.reference)
            var updated = review
            updated.teams.append(team)
            return .init(caseReference: review.reference, team: team, notDeclared: updated.notDeclared)
        }
    }

    /// One participant's declaration (§1.5.7).
    func recordDeclaration(_ request: ReviewManagementAPI.RecordDeclarationRequest, _ call: CallContext) async throws
        -> ReviewManagementAPI.RecordDeclarationResponse
    {
        let (clock, principal) = (clock, principal(call))
        return try await store.change(request.caseReference) { review, writer in
            let declaration = try review.recordingDeclaration(request, by: principal, clock: clock)
            try writer.recordDeclaration(declaration, number: review.declarations.count + 1, of: review.reference)
            var updated = review
            updated.declarations.append(declaration)
            return .init(caseReference: review.reference, declaration: declaration, notDeclared: updated.notDeclared)
        }
    }
}
