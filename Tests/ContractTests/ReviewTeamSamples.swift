import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the lead reviewer and review team messages, every field filled.
extension Samples {
    static let leadReviewerAppointment = ReviewManagementAPI.LeadReviewerAppointment(
        name: "Jo Example", organisation: "Fictional Reviews Ltd", appointedOn: date("2025-04-10"),
        independence: "Fictional: no role in any agency involved", conflictsOfInterest: "Fictional: once trained a member of the team",
        recordedBy: "Rev.Team")

    static let appointLeadReviewer = Pair(
        request: ReviewManagementAPI.AppointLeadReviewerRequest(
            caseReference: reference, name: "Jo Example", organisation: "Fictional Reviews Ltd", appointedOn: date("2025-04-10"),
            independence: "Fictional: no role in any agency involved", conflictsOfInterest: "Fictional: once trained a member of the team"),
        response: ReviewManagementAPI.AppointLeadReviewerResponse(
            caseReference: reference, appointment: leadReviewerAppointment, noticesDue: [.nationalPanel, .departmentForEducation, .ofsted]))

    static let reviewerNotices = [
        ReviewManagementAPI.ReviewerNotice(recipient: .nationalPanel, sentOn: date("2025-04-11")),
        ReviewManagementAPI.ReviewerNotice(recipient: .ofsted, sentOn: date("2025-04-11")),
    ]

    static let recordReviewerNotice = Pair(
        request: ReviewManagementAPI.RecordReviewerNoticeRequest(caseReference: reference, notices: reviewerNotices),
        response: ReviewManagementAPI.RecordReviewerNoticeResponse(
            caseReference: reference, notices: reviewerNotices, noticesDue: [.departmentForEducation]))

    static let reviewTeamMembers = [
        ReviewManagementAPI.ReviewTeamRole(
            name: "Chris Placeholder", role: "local authority representative",
            agency: Agency(name: "Testshire Children's Services", kind: .localAuthority)),
        ReviewManagementAPI.ReviewTeamRole(
            name: "Dana Sample", role: "police representative", agency: Agency(name: "Testshire Police", kind: .police)),
    ]

    static let reviewTeamVersion = ReviewManagementAPI.ReviewTeamVersion(
        version: 1, members: reviewTeamMembers, partnersNotRepresented: [.health], missingPartnerReason: "Fictional: no health involvement",
        setOn: date("2025-04-14"), setBy: "Rev.Team")

    static let setReviewTeam = Pair(
        request: ReviewManagementAPI.SetReviewTeamRequest(
            caseReference: reference, members: reviewTeamMembers, missingPartnerReason: "Fictional: no health involvement"),
        response: ReviewManagementAPI.SetReviewTeamResponse(
            caseReference: reference, team: reviewTeamVersion, notDeclared: ["Jo Example", "Chris Placeholder", "Dana Sample"]))

    static let declaration = ReviewManagementAPI.Declaration(
        person: "Dana Sample", conflictsOfInterest: "Fictional: knew the family through work", confidentialityAgreed: true,
        declaredOn: date("2025-04-15"), recordedBy: "Rev.Team")

    static let recordDeclaration = Pair(
        request: ReviewManagementAPI.RecordDeclarationRequest(
            caseReference: reference, person: "Dana Sample", conflictsOfInterest: "Fictional: knew the family through work",
            confidentialityAgreed: true, declaredOn: date("2025-04-15")),
        response: ReviewManagementAPI.RecordDeclarationResponse(
            caseReference: reference, declaration: declaration, notDeclared: ["Jo Example", "Chris Placeholder"]))

    /// `GetReview` with the lead reviewer and team recorded.
    static let reviewWithTeam: ReviewManagementAPI.Review = {
        var review = Samples.review
        review.reviewTeam = ReviewManagementAPI.ReviewTeamView(
            leadReviewer: leadReviewerAppointment, notices: reviewerNotices, noticesDue: [.departmentForEducation], teams: [reviewTeamVersion],
            partnersNotRepresented: [.health], declarations: [declaration], notDeclared: ["Jo Example", "Chris Placeholder"])
        return review
    }()
}
