import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the reflective learning workshop and quality marker
/// messages, every field filled.
extension Samples {
    static let arrangedWorkshop = ReviewManagementAPI.LearningEvent(
        kind: .practitionersWorkshop, date: date("2025-04-20"), scheduledOn: date("2025-04-12"), scheduledBy: "Rev.Team", startsAt: "09:45",
        endsAt: "13:00", venue: "Fictional Hall, Testshire", feedbackSessionDate: date("2025-06-02"))

    static let scheduleArrangedWorkshop = Pair(
        request: ReviewManagementAPI.ScheduleLearningEventRequest(
            caseReference: reference, kind: .practitionersWorkshop, date: date("2025-04-20"), startsAt: "09:45", endsAt: "13:00",
            venue: "Fictional Hall, Testshire", feedbackSessionDate: date("2025-06-02")),
        response: ReviewManagementAPI.ScheduleLearningEventResponse(caseReference: reference, event: arrangedWorkshop, warnings: []))

    static let invitation = ReviewManagementAPI.LearningEventInvitation(
        invitee: 1, name: "Fictional Practitioner", role: "Health visitor", agency: "Fictional Health", kind: .lineManager,
        invitedOn: date("2025-04-13"), recordedBy: "Rev.Team")

    static let inviteToLearningEvent = Pair(
        request: ReviewManagementAPI.InviteToLearningEventRequest(
            caseReference: reference, name: invitation.name, role: invitation.role, agency: invitation.agency, kind: .lineManager,
            invitedOn: date("2025-04-13")),
        response: ReviewManagementAPI.InviteToLearningEventResponse(caseReference: reference, invitation: invitation))

    static let attendanceRecord = ReviewManagementAPI.LearningEventAttendanceRecord(
        invitee: 1, attendance: .sentApologies, recordedOn: date("2025-04-21"), recordedBy: "Rev.Team")

    static let recordLearningEventAttendance = Pair(
        request: ReviewManagementAPI.RecordLearningEventAttendanceRequest(caseReference: reference, invitee: 1, attendance: .sentApologies),
        response: ReviewManagementAPI.RecordLearningEventAttendanceResponse(caseReference: reference, attendance: attendanceRecord))

    static let oneToOne = ReviewManagementAPI.OneToOneConversation(
        invitee: 1, on: date("2025-04-25"), with: "Fictional Lead Reviewer", recordedBy: "Rev.Team")

    static let recordOneToOneConversation = Pair(
        request: ReviewManagementAPI.RecordOneToOneConversationRequest(
            caseReference: reference, invitee: 1, on: date("2025-04-25"), with: "Fictional Lead Reviewer"),
        response: ReviewManagementAPI.RecordOneToOneConversationResponse(caseReference: reference, conversation: oneToOne))

    static let learning = ReviewManagementAPI.LearningPointsVersion(
        version: 1, themes: [.init(text: "Fictional: making space for children", agencies: ["Fictional Health"])],
        learningPoints: [.init(text: "Fictional: share concerns at once", agencies: ["Fictional Health", "Fictional Police"])],
        recordedOn: date("2025-04-28"), recordedBy: "Rev.Team")

    static let recordLearningPoints = Pair(
        request: ReviewManagementAPI.RecordLearningPointsRequest(
            caseReference: reference, themes: learning.themes, learningPoints: learning.learningPoints),
        response: ReviewManagementAPI.RecordLearningPointsResponse(caseReference: reference, learning: learning))

    static let feedbackSession = ReviewManagementAPI.FeedbackSession(on: date("2025-06-02"), recordedBy: "Rev.Team")

    static let recordFeedbackSession = Pair(
        request: ReviewManagementAPI.RecordFeedbackSessionRequest(caseReference: reference, on: date("2025-06-02")),
        response: ReviewManagementAPI.RecordFeedbackSessionResponse(caseReference: reference, feedbackSession: feedbackSession))

    static let learningEventDocument = Pair(
        request: ReviewManagementAPI.GetLearningEventDocumentRequest(caseReference: reference, kind: .invitation, invitee: 1),
        response: ReviewManagementAPI.LearningEventDocument(
            caseReference: reference, kind: .invitation, invitee: 1, document: "# Invitation to Reflective Learning Workshop\n"))

    static let qualityMarkersRecord = ReviewManagementAPI.QualityMarkersRecord(
        version: 1, answers: [.init(marker: .conclusionsTransparent, answer: .partly, comment: "Fictional: say how")],
        recordedOn: date("2025-05-02"), recordedBy: "Lee.Reviewer")

    static let recordQualityMarkers = Pair(
        request: ReviewManagementAPI.RecordQualityMarkersRequest(caseReference: reference, version: 1, answers: qualityMarkersRecord.answers),
        response: ReviewManagementAPI.RecordQualityMarkersResponse(
            caseReference: reference, record: qualityMarkersRecord,
            checklist: ReviewManagementAPI.ReportChecklist(
                version: 1, entries: reportChecklist.entries, executiveSummaryWords: reportChecklist.executiveSummaryWords,
                qualityMarkers: ReviewManagementAPI.QualityMarker.allCases.map {
                    $0 == .conclusionsTransparent ? .init(marker: $0, answer: .partly, comment: "Fictional: say how") : .init(marker: $0)
                })))

    /// `GetReview` with the workshop's invitees, learning and feedback session.
    static let reviewWithLearningWorkshop: ReviewManagementAPI.Review = {
        var review = Samples.review
        review.learningEvents = [arrangedWorkshop]
        review.learningWorkshop = ReviewManagementAPI.LearningWorkshopView(
            event: arrangedWorkshop, facilitator: "Fictional Lead Reviewer",
            invitees: [.init(invitation: invitation, attendance: .sentApologies, oneToOneConversations: [oneToOne])], learning: learning,
            feedbackSession: feedbackSession)
        return review
    }()
}
