import Contract
import WorkingDays

extension Review {
    /// A new version of the report (§9.1): refused when its text includes the genogram (V10),
    /// or once the board has approved the report (V9).
    func submittingReportDraft(_ request: ReviewManagementAPI.SubmitReportDraftRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.ReportVersion
    {
        try requireOpenReport()
        if let path = ReportRules.genogramPath(request) {
            throw .invalidField(path: path, rule: .v10, problem: "the genogram is never part of the report; take it out")
        }
        for (index, recommendation) in request.recommendations.enumerated() where recommendation.text.isBlank {
            throw .invalidField(path: "recommendations[\(index)].text", rule: .v9, problem: "say what is recommended")
        }
        return ReviewManagementAPI.ReportVersion(
            version: reportVersions.count + 1, sections: request.sections, recommendations: request.recommendations, draftedOn: clock.today,
            draftedBy: principal)
    }

    /// The review team confirms `request.version` meets the agreed terms of reference (V9, §9.1.4).
    func confirmingTermsOfReferenceMet(_ request: ReviewManagementAPI.ReportVersionStepRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.ReportVersionStep
    {
        try requireOpenReport()
        let version = try reportVersion(request, clock: clock)
        guard agreement != nil else {
            throw .outOfOrder(rule: .v9, problem: "the terms of reference are not agreed (AgreeTermsOfReference); the report is judged against them")
        }
        return ReviewManagementAPI.ReportVersionStep(version: version.version, on: request.on, recordedBy: principal)
    }

    /// The board endorses the recommendations of `request.version`, each naming who must act,
    /// local or national, and by when (V9, §9.2.3-9.2.4).
    func endorsingRecommendations(_ request: ReviewManagementAPI.ReportVersionStepRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.ReportVersionStep
    {
        try requireOpenReport()
        let version = try reportVersion(request, clock: clock)
        if version.recommendations.isEmpty {
            throw .outOfOrder(rule: .v9, problem: "report version \(version.version) has no recommendations to endorse")
        }
        for (index, recommendation) in version.recommendations.enumerated() {
            if let lacks = ReportRules.unfinished(recommendation) {
                throw .outOfOrder(rule: .v9, problem: "recommendation \(index + 1) of report version \(version.version) \(lacks)")
            }
        }
        return ReviewManagementAPI.ReportVersionStep(version: version.version, on: request.on, recordedBy: principal)
    }

    /// The board approves `request.version` (V9, §9.1.5): the latest version, passing the
    /// checklist, confirmed to meet the terms of reference, its recommendations endorsed, and
    /// a lead reviewer to name in it.
    func approvingReport(_ request: ReviewManagementAPI.ReportVersionStepRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.ReportVersionStep
    {
        try requireOpenReport()
        let version = try reportVersion(request, clock: clock)
        var missing: [String] = []
        if version.version != reportVersions.count {
            missing.append("it is not the latest version (\(reportVersions.count))")
        }
        missing += ReportRules.checklist(version).entries.compactMap(\.missing)
        if !termsOfReferenceMet.contains(where: { $0.version == version.version }) {
            missing.append("the review team's confirmation that it meets the terms of reference (ConfirmTermsOfReferenceMet)")
        }
        if !recommendationsEndorsed.contains(where: { $0.version == version.version }) {
            missing.append("the board's endorsement of its recommendations (EndorseRecommendations)")
        }
        if leadReviewer == nil { missing.append("a lead reviewer to name in it (AppointLeadReviewer)") }
        if !missing.isEmpty {
            throw .outOfOrder(rule: .v9, problem: "report version \(version.version) cannot be approved: " + missing.joined(separator: "; "))
        }
        return ReviewManagementAPI.ReportVersionStep(version: version.version, on: request.on, recordedBy: principal)
    }

    /// The hand-over of the approved report to publication (P1), or nil before approval; with
    /// T7 as held here (met on the approval) and the first notice of delay (T8), for publication
    /// to judge "published within six months of the decision".
    func preparePublication(_ clock: CaseClock) -> PublicationAPI.PreparePublicationRequest? {
        guard let approval = reportApproval, let version = reportVersions.first(where: { $0.version == approval.version }) else { return nil }
        var reviewers: [String] = leadReviewer.map { [$0.name] } ?? []
        for member in teams.last?.members ?? [] where !reviewers.contains(where: { Self.samePerson($0, member.name) }) {
            reviewers.append(member.name)
        }
        let recommendations = version.recommendations.enumerated().compactMap { index, recommendation -> PublicationAPI.Recommendation? in
            guard let owner = recommendation.owner, let scope = recommendation.scope, let dueBy = recommendation.dueBy else { return nil }
            return PublicationAPI.Recommendation(number: index + 1, text: recommendation.text, owner: owner, scope: scope, dueBy: dueBy)
        }
        return PublicationAPI.PreparePublicationRequest(
            caseReference: reference, reportVersion: version.version, sections: version.sections, approvedOn: approval.on, reviewers: reviewers,
            recommendations: recommendations, ruleSet: ruleSet, t7: t7(clock, completedOn: approval.on),
            delayNoticeOn: delayNotices.first?.informedOn)
    }

    /// The report's steps as milestones: each draft, confirmations, endorsements, approval.
    var reportMilestones: [Milestone] {
        var reached = reportVersions.map { Milestone(event: $0.version == 1 ? "reportDrafted" : "reportRedrafted", date: $0.draftedOn) }
        reached += termsOfReferenceMet.map { Milestone(event: "termsOfReferenceMet", date: $0.on) }
        reached += recommendationsEndorsed.map { Milestone(event: "recommendationsEndorsed", date: $0.on) }
        if let reportApproval { reached.append(Milestone(event: "reportApproved", date: reportApproval.on)) }
        return reached
    }

    /// The report for `GetReview`; nil until a draft is submitted.
    var reportView: ReviewManagementAPI.ReportView? {
        guard !reportVersions.isEmpty else { return nil }
        return ReviewManagementAPI.ReportView(
            versions: reportVersions, checklists: reportVersions.map(checklist), termsOfReferenceMet: termsOfReferenceMet,
            recommendationsEndorsed: recommendationsEndorsed, approval: reportApproval)
    }

    /// A local review whose report the board has not yet approved: the approved report is final.
    private func requireOpenReport() throws(ReviewManagementError) {
        guard localCommission != nil else {
            throw .outOfOrder(rule: .v9, problem: "no local review is commissioned (state \(state.rawValue)): a report belongs to one")
        }
        if let reportApproval {
            throw .outOfOrder(rule: .v9, problem: "the board approved report version \(reportApproval.version) on \(reportApproval.on); it is final")
        }
    }

    /// The version `request` names, its date between the draft and today.
    private func reportVersion(_ request: ReviewManagementAPI.ReportVersionStepRequest, clock: CaseClock) throws(ReviewManagementError)
        -> ReviewManagementAPI.ReportVersion
    {
        guard let version = reportVersions.first(where: { $0.version == request.version }) else {
            let held = reportVersions.isEmpty ? "no report is drafted yet (SubmitReportDraft)" : "versions 1 to \(reportVersions.count) are held"
            throw .invalidField(path: "version", rule: .v9, problem: "no report version \(request.version); \(held)")
        }
        guard request.on >= version.draftedOn, request.on <= clock.today else {
            throw .invalidField(
                path: "on", rule: nil, problem: "\(request.on) is not between the draft (\(version.draftedOn)) and today (\(clock.today))")
        }
        return version
    }
}
