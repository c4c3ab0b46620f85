import Contract
import WorkingDays

/// The anonymisation gate (P4, V10): a version checked clean against every person the stages
/// hold, then signed off by a named person, before it is scheduled or published. Any revision
/// is a new version, checked and signed off again.
extension Publication {
    /// The text of `version`, when it is held here: the approved report or a revision.
    func sections(ofVersion version: Int) -> ReportSections? {
        if let revision = revisions.first(where: { $0.reportVersion == version }) { return revision.sections }
        return version == preparation.reportVersion ? preparation.sections : nil
    }

    /// The lead reviewer, named first in the hand-over.
    var leadReviewer: String? { preparation.reviewers.first }

    /// The text to check for `version`: only the version to be published is checked.
    func textToCheck(_ version: Int) throws(PublicationError) -> ReportText {
        guard version == reportVersion, let sections = sections(ofVersion: version) else {
            throw .invalidField(
                path: "reportVersion", rule: .p4, problem: "version \(version) is not the version to be published (\(reportVersion)); check that one")
        }
        return ReportText(sections)
    }

    /// A check as recorded, when `version` is still the one to be published (a revision made
    /// while the stages were asked is checked on its own).
    func recordingCheck(_ version: Int, findings: [PublicationAPI.GateFinding], by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.DisclosureCheck
    {
        _ = try textToCheck(version)
        return PublicationAPI.DisclosureCheck(
            number: disclosureChecks.count + 1, reportVersion: version, checkedOn: clock.today, checkedBy: principal, findings: findings)
    }

    /// Where the gate stands for `version`: its latest check, and the sign-off that counts (one
    /// given after a clean check with no check finding anything since).
    func gate(of version: Int) -> (latest: PublicationAPI.DisclosureCheck?, signOff: PublicationAPI.AnonymisationSignOff?) {
        let checks = disclosureChecks.filter { $0.reportVersion == version }
        let lastFinding = checks.last { !$0.clean }?.number ?? 0
        let signOff = anonymisationSignOffs.last { $0.reportVersion == version && $0.checkNumber > lastFinding }
        return (checks.last, checks.last?.clean == true ? signOff : nil)
    }

    /// True when the version to be published has passed the gate.
    var anonymisationPassed: Bool { gate(of: reportVersion).signOff != nil }

    /// Refuses scheduling or publishing the report before its version passed the gate (P4).
    /// The information about improvements, whose text this service does not hold, is not gated.
    func checkAnonymisationGate() throws(PublicationError) {
        guard document == .report else { return }
        let (latest, signOff) = gate(of: reportVersion)
        guard signOff == nil else { return }
        let version = "report version \(reportVersion)"
        guard let latest else {
            throw .outOfOrder(
                rule: .p4, problem: "\(version) has not been checked for disclosure (CheckReportForDisclosure, then SignOffAnonymisation)")
        }
        guard latest.clean else {
            throw .outOfOrder(
                rule: .p4,
                problem: "the latest check of \(version) (check \(latest.number)) has \(latest.findings.count) findings; "
                    + "revise the report (ReviseReport) and check the new version")
        }
        throw .outOfOrder(rule: .p4, problem: "\(version) was checked clean but not signed off (SignOffAnonymisation)")
    }

    /// A named person's sign-off (P4): of the version to be published, after its latest check
    /// came back clean, once per clean check; dated between that check and today.
    func signingOff(_ request: PublicationAPI.SignOffAnonymisationRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.AnonymisationSignOff
    {
        guard request.reportVersion == reportVersion else {
            throw .invalidField(
                path: "reportVersion", rule: .p4,
                problem: "version \(request.reportVersion) is not the version to be published (\(reportVersion))")
        }
        let signedOffBy = request.signedOffBy.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !signedOffBy.isEmpty else { throw .invalidField(path: "signedOffBy", rule: .p4, problem: "name the person who signs off") }
        let role = request.role.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !role.isEmpty else { throw .invalidField(path: "role", rule: .p4, problem: "give the role of the person who signs off") }
        let (latest, signOff) = gate(of: reportVersion)
        guard let latest, latest.clean else {
            throw .outOfOrder(
                rule: .p4,
                problem: latest.map { "the latest check of report version \(reportVersion) (check \($0.number)) has \($0.findings.count) findings" }
                    ?? "report version \(reportVersion) has not been checked for disclosure (CheckReportForDisclosure first)")
        }
        if let signOff {
            throw .outOfOrder(
                rule: .p4, problem: "report version \(reportVersion) was signed off on \(signOff.signedOffOn) (sign-off \(signOff.number))")
        }
        guard request.signedOffOn >= latest.checkedOn, request.signedOffOn <= clock.today else {
            throw .invalidField(
                path: "signedOffOn", rule: .p4,
                problem: "\(request.signedOffOn) is not between the clean check (\(latest.checkedOn)) and today (\(clock.today))")
        }
        return PublicationAPI.AnonymisationSignOff(
            number: anonymisationSignOffs.count + 1, reportVersion: reportVersion, checkNumber: latest.number, signedOffBy: signedOffBy, role: role,
            signedOffOn: request.signedOffOn, recordedBy: principal)
    }

    /// A revision (P4): new text becomes the next version, to be checked, signed off and sent
    /// again (T9); never once published (T10: it stays as published).
    func revising(_ request: PublicationAPI.ReviseReportRequest, by principal: String, clock: CaseClock) throws(PublicationError)
        -> PublicationAPI.ReportRevision
    {
        if let published {
            throw .outOfOrder(
                rule: .t10, problem: "\(AdvanceCopyRule.name(published.document, published.reportVersion)) was published on \(published.publishedOn)")
        }
        guard !ReportText(request.sections).isEmpty else {
            throw .invalidField(path: "sections", rule: .p4, problem: "the revision has no text")
        }
        let reason = request.reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reason.isEmpty else { throw .invalidField(path: "reason", rule: .p4, problem: "say why the report is revised") }
        return PublicationAPI.ReportRevision(
            reportVersion: reportVersion + 1, sections: request.sections, reason: reason, revisedOn: clock.today, recordedBy: principal)
    }

    /// The gate's steps, as milestones (events and dates only).
    var gateMilestones: [Milestone] {
        revisions.map { Milestone(event: "reportRevised", date: $0.revisedOn) }
            + disclosureChecks.map { Milestone(event: $0.clean ? "disclosureCheckClean" : "disclosureCheckFound", date: $0.checkedOn) }
            + anonymisationSignOffs.map { Milestone(event: "anonymisationSignedOff", date: $0.signedOffOn) }
    }

    /// The gate as `GetPublication` shows it.
    var anonymisationView: PublicationAPI.AnonymisationGateView {
        PublicationAPI.AnonymisationGateView(
            revisions: revisions, checks: disclosureChecks, signOffs: anonymisationSignOffs, passed: anonymisationPassed)
    }
}
