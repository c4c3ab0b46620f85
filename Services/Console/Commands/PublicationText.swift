import Contract
import Foundation
import WorkingDays

/// Publication's answers in words and tables for the terminal (`cspr publication ...`).
enum PublicationText {
    /// `GetPublication`: state, advance copies and the earliest date T9 allows, the gate, the
    /// plan and holds, the schedule and the publication, deadlines and milestones. The report's
    /// text is not printed: `--json` has it.
    static func show(_ publication: PublicationAPI.Publication) -> String {
        let preparation = publication.preparation
        var text =
            "Publication \(publication.caseReference): \(publication.state.rawValue) (\(publication.document.rawValue) version \(publication.reportVersion))"
        text += "; approved on \(preparation.approvedOn), handed over on \(publication.preparedOn)\n"
        text += "Next step: \(publication.nextStep ?? "none here")\n"
        text += "Reviewers: \(preparation.reviewers.isEmpty ? "none named" : preparation.reviewers.joined(separator: ", "))\n"
        if let decision = publication.notPublishingDecision {
            text += "Not publishing the report (P2): decided on \(decision.decidedOn) by \(decision.decidedBy)\n"
        }

        text += "\nAdvance copies (T9)\n"
        var copies = TextTable(["RECIPIENT", "DOCUMENT", "VERSION", "SENT ON"])
        for copy in publication.advanceCopies {
            copies.add([copy.recipient.rawValue, copy.document.rawValue, String(copy.reportVersion), copy.sentOn.description])
        }
        text += publication.advanceCopies.isEmpty ? "none sent\n" : copies.text
        if let earliest = publication.earliestPublicationDate {
            text += "Earliest publication date (T9): \(earliest)\n"
        } else {
            text +=
                "Still to be sent version \(publication.reportVersion): \(publication.advanceCopiesMissing.map(\.rawValue).joined(separator: ", "))\n"
        }

        text += "\n" + gate(publication.anonymisation, version: publication.reportVersion)
        text += planning(publication.planning)
        if let schedule = publication.schedules.last {
            text +=
                "Scheduled: \(schedule.document.rawValue) version \(schedule.reportVersion) for \(schedule.publicationDate) at \(schedule.address)"
            text += " (on \(schedule.scheduledOn))\n"
        }
        if let published = publication.published {
            text +=
                "Published: \(published.document.rawValue) version \(published.reportVersion) on \(published.publishedOn) at \(published.address)\n"
        }
        for submission in publication.repositorySubmissions {
            text += "Repository: submitted on \(submission.submittedOn) to \(submission.repository)"
            text += submission.acknowledgedOn.map { ", acknowledged on \($0)" } ?? ", not acknowledged yet"
            text += "\n"
        }

        text += "\nDeadlines\n" + Formatting.deadlines(publication.deadlines)
        var milestones = TextTable(["DATE", "EVENT"])
        for milestone in publication.milestones { milestones.add([milestone.date.description, milestone.event]) }
        return text + "\nMilestones\n" + milestones.text
    }

    /// The anonymisation gate's state for the version in force (P4).
    static func gate(_ gate: PublicationAPI.AnonymisationGateView?, version: Int) -> String {
        guard let gate else { return "Anonymisation gate (P4): not checked\n" }
        let checks = gate.checks.filter { $0.reportVersion == version }
        var text = "Anonymisation gate (P4): "
        if gate.passed {
            let signOff = gate.signOffs.last { $0.reportVersion == version }
            text += "passed"
            text += signOff.map { "; signed off by \($0.signedOffBy) (\($0.role)) on \($0.signedOffOn) after check \($0.checkNumber)" } ?? ""
        } else if let latest = checks.last {
            text +=
                latest.clean
                ? "check \(latest.number) of version \(version) clean on \(latest.checkedOn); not signed off"
                : "check \(latest.number) of version \(version) on \(latest.checkedOn) found \(latest.findings.count); not clean"
        } else {
            text += "version \(version) not checked"
        }
        return text + "\n"
    }

    /// The latest publication plan and the holds standing (P3), when there are any.
    static func planning(_ planning: PublicationAPI.PublicationPlanningView?) -> String {
        guard let planning else { return "" }
        var text = ""
        if let plan = planning.plans.last {
            text += "Publication plan (P3): version \(plan.version) recorded on \(plan.recordedOn)"
            text += plan.familyConsultedOn.map { "; family consulted on \($0)" } ?? "; family not consulted yet"
            text += "\n"
        }
        for hold in planning.holds where planning.holdsStanding.contains(hold.number) {
            text += "Held (P3): hold \(hold.number) for \(hold.proceedings.rawValue) since \(hold.heldOn), to be reviewed on \(hold.reviewOn)\n"
        }
        if let archived = planning.archived { text += "Archived (T10): on \(archived.archivedOn)\n" }
        return text
    }

    /// A disclosure check: its findings by section, line, kind and whose, never the text matched.
    static func check(_ check: PublicationAPI.DisclosureCheck, _ reference: CaseReference) -> String {
        var text = "Check \(check.number) of report version \(check.reportVersion) of \(reference) on \(check.checkedOn): "
        guard !check.clean else { return text + "clean; a named person can sign it off (P4)\n" }
        text += "\(check.findings.count) finding\(check.findings.count == 1 ? "" : "s"); it cannot be scheduled or published (P4)\n"
        var table = TextTable(["SECTION", "LINE", "KIND", "WHOSE", "FOUND BY"])
        for finding in check.findings {
            table.add([
                finding.section ?? "-", finding.line.map(String.init) ?? "-", finding.kind.rawValue, finding.whose ?? "-", finding.foundBy,
            ])
        }
        return text + table.text
    }

    /// The action plan (Appendix 16) as a table, one row per item with its latest progress.
    static func actions(_ plan: PublicationAPI.ActionPlan) -> String {
        var text = "Action plan of \(plan.caseReference) (stage \(plan.stage.rawValue))\n"
        var table = TextTable(["ITEM", "SOURCE", "OWNER AGENCY", "LEAD OFFICER", "TARGET", "RAG", "LATEST UPDATE", "STATUS"])
        for item in plan.items {
            let source = item.recommendationNumber.map { "recommendation \($0)" } ?? item.source.rawValue
            let latest = item.progress.last
            table.add([
                String(item.number), source, item.ownerAgency, item.leadOfficer, item.targetDate.description, latest?.rag.rawValue ?? "-",
                latest?.date.description ?? "-", item.closure.map { "closed \($0.judgedOn)" } ?? item.status.rawValue,
            ])
        }
        text += plan.items.isEmpty ? "no items\n" : table.text
        if !plan.recommendationsWithoutItems.isEmpty {
            text += "Recommendations with no item yet (P6): \(plan.recommendationsWithoutItems.map(String.init).joined(separator: ", "))\n"
        }
        return text
    }

    /// The yearly report's figures: T1-T10, then the year's publications and action items.
    static func yearly(_ report: PublicationAPI.YearlyReport) -> String {
        var text = "Yearly report \(report.year), judged on \(report.judgedOn)\n\nTimescales\n"
        var rules = TextTable(["RULE", "MET", "LATE", "OUTSIDE WINDOW", "OPEN", "EXTENDED", "TOTAL"])
        for figures in report.timescales {
            rules.add([
                figures.rule.rawValue, String(figures.met), String(figures.late), String(figures.outsideWindow), String(figures.open),
                String(figures.extended), String(figures.total),
            ])
        }
        text += rules.text + "\nPublications\n"
        var publications = TextTable(["CASE", "DOCUMENT", "PUBLISHED ON", "T9", "T10", "ADDRESS"])
        for publication in report.publications {
            publications.add([
                publication.caseReference.description, publication.document.rawValue, publication.publishedOn.description,
                publication.t9?.rawValue ?? "-", publication.t10?.rawValue ?? "-", publication.address,
            ])
        }
        text += report.publications.isEmpty ? "none\n" : publications.text
        let closed = report.actionItems.filter { $0.item.status == .closed }.count
        text += "\nRecommendations: \(report.recommendations.count); action items: \(report.actionItems.count), \(closed) closed\n"
        return text
    }
}
