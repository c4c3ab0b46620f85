import Contract
import WorkingDays

/// An obviously fictional report: every V9 section, a short executive summary, and two
/// recommendations each naming who must act and by when.
extension Fixtures {
    static let reportSections = ReportSections(
        executiveSummary: "Fictional: a short summary of the review and its learning.",
        whatHappened: "Fictional: Child A was injured at home.", whyDecisionsWereTaken: "Fictional: the threshold was judged not met.",
        howAgenciesWorkedTogether: "Fictional: information was not shared between agencies.",
        whetherShortcomingsAreGeneral: "Fictional: an audit found the same in other cases.",
        whatMustChange: "Fictional: a shared record of concerns.", goodPractice: "Fictional: the school nurse escalated promptly.",
        howAgenciesWillLearn: "Fictional: briefings and a practice audit.",
        otherSections: [.init(title: "Contents", text: "Fictional: the sections in order")])

    static let reportRecommendations = [
        ReportRecommendation(text: "Fictional: share concerns at once", owner: "Testshire Partnership", scope: .local, dueBy: date("2025-12-31")),
        ReportRecommendation(
            text: "Fictional: national guidance on records", owner: "Department for Education", scope: .national, dueBy: date("2026-06-30")),
    ]

    /// A draft of the complete report for `reference`.
    static func reportDraft(
        _ reference: CaseReference, _ sections: ReportSections = reportSections, _ recommendations: [ReportRecommendation] = reportRecommendations
    )
        -> ReviewManagementAPI.SubmitReportDraftRequest
    {
        .init(caseReference: reference, sections: sections, recommendations: recommendations)
    }

    /// `words` words of text.
    static func words(_ count: Int) -> String { Array(repeating: "word", count: count).joined(separator: " ") }
}
