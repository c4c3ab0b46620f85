import Contract
import WorkingDays

/// Appendix 15 §4's quality markers on a report version. They are advisory ("questions that
/// reviewers may wish to consider"): shown on the checklist, answered or not, never deciding
/// `passes`, which V9's minimum contents decide alone.
extension Review {
    /// The lead reviewer's answers for one version, each marker at most once, before approval.
    func recordingQualityMarkers(_ request: ReviewManagementAPI.RecordQualityMarkersRequest, by principal: String, clock: CaseClock)
        throws(ReviewManagementError) -> ReviewManagementAPI.QualityMarkersRecord
    {
        guard localCommission != nil else {
            throw .outOfSectionOrder(section: "Appendix 15", problem: "no local review is commissioned (state \(state.rawValue))")
        }
        if let reportApproval {
            throw .outOfOrder(rule: .v9, problem: "the board approved report version \(reportApproval.version) on \(reportApproval.on); it is final")
        }
        guard reportVersions.contains(where: { $0.version == request.version }) else {
            let held = reportVersions.isEmpty ? "no report is drafted yet (SubmitReportDraft)" : "versions 1 to \(reportVersions.count) are held"
            throw .invalidField(path: "version", rule: nil, problem: "no report version \(request.version); \(held)")
        }
        if request.answers.isEmpty { throw .invalidField(path: "answers", rule: nil, problem: "answer at least one quality marker") }
        for (index, answer) in request.answers.enumerated() where request.answers[..<index].contains(where: { $0.marker == answer.marker }) {
            throw .invalidField(path: "answers[\(index)].marker", rule: nil, problem: "\(answer.marker.rawValue) is answered twice")
        }
        let answers = request.answers.map { answer in
            ReviewManagementAPI.QualityMarkerResponse(
                marker: answer.marker, answer: answer.answer, comment: answer.comment.isBlank ? nil : answer.comment)
        }
        return ReviewManagementAPI.QualityMarkersRecord(version: request.version, answers: answers, recordedOn: clock.today, recordedBy: principal)
    }

    /// The seven markers of `version`, each with its latest answer or unanswered.
    func qualityMarkerEntries(_ version: Int) -> [ReviewManagementAPI.QualityMarkerEntry] {
        let answers = qualityMarkers.filter { $0.version == version }.flatMap(\.answers)
        return ReviewManagementAPI.QualityMarker.allCases.map { marker in
            let latest = answers.last { $0.marker == marker }
            return ReviewManagementAPI.QualityMarkerEntry(marker: marker, answer: latest?.answer, comment: latest?.comment)
        }
    }

    /// `version`'s checklist: V9's items (which decide `passes`) and the advisory quality markers.
    func checklist(_ version: ReviewManagementAPI.ReportVersion) -> ReviewManagementAPI.ReportChecklist {
        var checklist = ReportRules.checklist(version)
        checklist.qualityMarkers = qualityMarkerEntries(version.version)
        return checklist
    }
}
