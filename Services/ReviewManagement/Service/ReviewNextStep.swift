import Contract

extension Review {
    /// What the review expects next, as the step code the panel's dashboard words ("Next: agree
    /// terms of reference"); nil once nothing more is expected here (a national review, none
    /// commissioned locally, or the report approved and handed to publication).
    var nextStep: String? {
        switch state {
        case .awaitingNationalPanel: return "recordNationalPanelDecision"
        case .nationalReview, .notCommissionedLocally, .reportApproved: return nil
        case .commissioned: return "draftTermsOfReference"
        case .termsOfReferenceDrafted: return "agreeTermsOfReference"
        case .termsOfReferenceAgreed: return stepBeforeTheReport
        case .reportDrafted: return stepToApproval
        }
    }

    /// With the terms agreed: the reviewer (§6.1), then the agencies' information (§8), then the report.
    private var stepBeforeTheReport: String {
        if leadReviewer == nil { return "appointLeadReviewer" }
        if agencyRequests.isEmpty { return "requestAgencyInformation" }
        if hasSubmissionsToReview { return "reviewAgencySubmissions" }
        if agencyRequests.contains(where: { !outstanding(of: $0).isEmpty }) { return "awaitAgencyInformation" }
        return "submitReportDraft"
    }

    /// With a draft: the review team confirms the terms met, the board endorses, then approves (V9).
    private var stepToApproval: String {
        guard let latest = reportVersions.last else { return "submitReportDraft" }
        if !termsOfReferenceMet.contains(where: { $0.version == latest.version }) { return "confirmTermsOfReferenceMet" }
        if !recommendationsEndorsed.contains(where: { $0.version == latest.version }) { return "endorseRecommendations" }
        return "approveReport"
    }

    /// A chronology or information report submitted and not yet accepted or sent back (V8).
    private var hasSubmissionsToReview: Bool {
        let submitted = chronologies.map(\.key) + informationReports.map(\.key)
        return submitted.contains { decision(on: $0) == nil }
    }
}
