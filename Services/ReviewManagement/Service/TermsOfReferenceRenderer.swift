import Contract
import WorkingDays

/// Appendix 6, "Surrey Child Safeguarding Practice Review Terms of Reference", filled in from
/// one version, as Markdown. A field not yet written reads "(not yet recorded)".
enum TermsOfReferenceRenderer {
    /// The document of `version` (the version in force when nil).
    static func document(_ review: Review, version number: Int?) throws(ReviewManagementError) -> ReviewManagementAPI.TermsOfReferenceDocument {
        guard let current = review.currentVersion else {
            throw .outOfOrder(rule: .v1, problem: "no terms of reference drafted yet (DraftTermsOfReference)")
        }
        let wanted = number ?? current.version
        guard let version = review.versions.first(where: { $0.version == wanted }) else {
            throw .invalidField(path: "version", rule: nil, problem: "no version \(wanted); versions 1 to \(current.version) exist")
        }
        let agreed = review.isAgreed(version.version)
        return ReviewManagementAPI.TermsOfReferenceDocument(
            caseReference: review.reference, version: version.version, agreed: agreed, document: render(review, version, agreed: agreed))
    }

    /// The form's text with the version's answers.
    static func render(_ review: Review, _ version: ReviewManagementAPI.TermsOfReferenceVersion, agreed: Bool) -> String {
        let terms = version.termsOfReference
        var lines = ["# Surrey Child Safeguarding Practice Review Terms of Reference", ""]
        func field(_ label: String, _ value: String?) { lines += ["**\(label):** " + text(value), ""] }
        func heading(_ title: String) { lines += ["## \(title)", ""] }

        field("Child reference", review.reference.description)
        field("Date", (review.agreement.flatMap { agreed && $0.version == version.version ? $0.agreedOn : nil } ?? version.writtenOn).description)
        field("Version", "\(version.version), " + status(review, version, agreed: agreed))
        heading("1. Introduction")
        lines += [
            "The aim of this review is to identify improvements that can be made to better safeguard children and to prevent, or reduce the risk, of recurrence of similar incidents.",
            "",
            "The review will undertake a rigorous and objective analysis of what happened and why. It will consider whether there are systematic issues, and whether and how policy and practice need to change.",
            "",
            "It should be noted that the review is not being conducted to hold individuals, organisations or agencies to account as there are separate processes for this.",
            "",
        ]
        heading("2. Case Summary")
        field("Summary of Serious Incident", terms.caseSummary.seriousIncident)
        field("Information about the Family", terms.caseSummary.family)
        heading("3. Review Team")
        field("Name of Lead Reviewer", terms.reviewTeam.leadReviewer)
        lines += ["**Membership of the Review Team:**", ""]
        if terms.reviewTeam.members.isEmpty {
            lines += [text(nil), ""]
        } else {
            lines += ["| Name | Organisation | Responsibilities |", "| --- | --- | --- |"]
            lines += terms.reviewTeam.members.map { "| \(cell($0.name)) | \(cell($0.organisation)) | \(cell($0.responsibilities ?? "")) |" }
            lines.append("")
        }
        heading("4. Scope of the Review")
        let period = terms.scope.periodFrom.map { from in "\(from) to \(terms.scope.periodTo?.description ?? "(not yet recorded)")" }
        field("Time Period to be Considered by the Review", period)
        field("Rationale", terms.scope.periodRationale)
        lines += ["**Key Issues to be Addressed by the Review:**", ""]
        lines += terms.scope.keyLinesOfEnquiry.isEmpty ? [text(nil)] : terms.scope.keyLinesOfEnquiry.map { "- " + escaped($0) }
        lines.append("")
        heading("5. Plans to Involve Children and Family Members")
        field("Plans", terms.familyInvolvement.plans)
        field("Responsible for making contact and following up", terms.familyInvolvement.responsibleForContact)
        heading("6. Methodology")
        lines += [text(terms.methodology), ""]
        heading("7. Legal Considerations")
        field("Parallel Investigations", terms.legal.parallelInvestigations)
        field("Legal Advice", terms.legal.legalAdvice)
        heading("8. Other Considerations")
        field("Racial", terms.otherConsiderations.racial)
        field("Cultural", terms.otherConsiderations.cultural)
        field("Linguistic", terms.otherConsiderations.linguistic)
        field("Religious", terms.otherConsiderations.religious)
        if let other = terms.otherConsiderations.other { field("Other", other) }
        heading("9. Timeline and Key Dates")
        if terms.timeline.keyDates.isEmpty {
            lines += [text(nil), ""]
        } else {
            lines += ["| Milestone | Date |", "| --- | --- |"] + terms.timeline.keyDates.map { "| \(cell($0.milestone)) | \($0.date) |" } + [""]
        }
        field("Target date for presenting the learning to the Safeguarding Partners", terms.timeline.presentationToPartners?.description)
        return lines.joined(separator: "\n")
    }

    /// Where the version stands: a draft, the agreed version, or a change approved after it.
    private static func status(_ review: Review, _ version: ReviewManagementAPI.TermsOfReferenceVersion, agreed: Bool) -> String {
        if let change = review.changes.first(where: { $0.toVersion == version.version }) {
            return "key lines of enquiry changed with the Case Review Panel's approval of \(change.approvedOn): \(escaped(change.reason))"
        }
        if agreed, let agreement = review.agreement { return "agreed by the Case Review Panel on \(agreement.agreedOn)" }
        return "draft, not agreed"
    }

    private static func text(_ value: String?) -> String {
        guard let value, !value.isBlank else { return "(not yet recorded)" }
        return escaped(value)
    }

    private static func cell(_ value: String) -> String { escaped(value).replacingOccurrences(of: "|", with: "\\|") }

    // Characters that would turn free text into Markdown markup.
    private static func escaped(_ value: String) -> String {
        var result = ""
        for character in value {
            if "\\`*_[]#<>".contains(character) { result.append("\\") }
            result.append(character == "\n" ? " " : character)
        }
        return result
    }
}
