import Contract
import Foundation
import WorkingDays

/// Obviously fictional samples of the report messages and the PreparePublication hand-over,
/// every field filled.
extension Samples {
    static let reportSections = ReportSections(
        executiveSummary: "Fictional: a short summary.", whatHappened: "Fictional: Child A was injured at home.",
        whyDecisionsWereTaken: "Fictional: the threshold was judged not met.",
        howAgenciesWorkedTogether: "Fictional: information was not shared.", whetherShortcomingsAreGeneral: "Fictional: seen in other cases.",
        whatMustChange: "Fictional: a shared record of concerns.", goodPractice: "Fictional: the school nurse escalated promptly.",
        howAgenciesWillLearn: "Fictional: briefings and an audit.", otherSections: [.init(title: "Contents", text: "Fictional: the sections")])

    static let reportRecommendations = [
        ReportRecommendation(text: "Fictional: share concerns at once", owner: "Testshire Partnership", scope: .local, dueBy: date("2025-12-31")),
        ReportRecommendation(text: "Fictional: national guidance", owner: "Department for Education", scope: .national, dueBy: date("2026-06-30")),
    ]

    static let reportVersion = ReviewManagementAPI.ReportVersion(
        version: 1, sections: reportSections, recommendations: reportRecommendations, draftedOn: date("2025-09-01"), draftedBy: "Rev.Team")

    static let reportChecklist = ReviewManagementAPI.ReportChecklist(
        version: 1,
        entries: ReviewManagementAPI.ReportChecklistItem.allCases.map {
            $0 == .goodPractice ? .init(item: $0, met: false, missing: "the section on good practice") : .init(item: $0, met: true)
        }, executiveSummaryWords: 4)

    static let submitReportDraft = Pair(
        request: ReviewManagementAPI.SubmitReportDraftRequest(
            caseReference: reference, sections: reportSections, recommendations: reportRecommendations),
        response: ReviewManagementAPI.SubmitReportDraftResponse(caseReference: reference, version: reportVersion, checklist: reportChecklist))

    static let reportVersionStep = Pair(
        request: ReviewManagementAPI.ReportVersionStepRequest(caseReference: reference, version: 1, on: date("2025-09-10")),
        response: ReviewManagementAPI.ReportVersionStepResponse(
            caseReference: reference, step: .init(version: 1, on: date("2025-09-10"), recordedBy: "Bo.Board")))

    static let preparePublication = Pair(
        request: PublicationAPI.PreparePublicationRequest(
            caseReference: reference, reportVersion: 1, sections: reportSections, approvedOn: date("2025-09-10"),
            reviewers: ["Jo Example", "Dana Sample"],
            recommendations: [
                .init(number: 1, text: "Fictional: share concerns at once", owner: "Testshire Partnership", scope: .local, dueBy: date("2025-12-31"))
            ], ruleSet: .surrey2019,
            t7: Deadline(
                rule: .t7, subject: "local CSPR", due: date("2025-10-03"), originalDue: date("2025-09-03"), status: .met, metOn: date("2025-09-10"),
                ruleSet: .surrey2019),
            delayNoticeOn: date("2025-08-20")),
        response: PublicationAPI.PreparePublicationResponse(caseReference: reference, prepared: true))

    /// `GetReview` with the report drafted, confirmed, endorsed and approved.
    static let reviewWithReport: ReviewManagementAPI.Review = {
        var review = Samples.review
        let step = ReviewManagementAPI.ReportVersionStep(version: 1, on: date("2025-09-10"), recordedBy: "Bo.Board")
        review.report = ReviewManagementAPI.ReportView(
            versions: [reportVersion], checklists: [reportChecklist],
            termsOfReferenceMet: [.init(version: 1, on: date("2025-09-05"), recordedBy: "Rev.Team")],
            recommendationsEndorsed: [step], approval: step)
        return review
    }()
}
