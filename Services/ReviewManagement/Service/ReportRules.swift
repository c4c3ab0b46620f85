import Contract
import WorkingDays

/// The report's rules as functions of its text: the V9 checklist, the two-page executive
/// summary and V10's ban on the genogram.
enum ReportRules {
    /// Words in a page: the framework's "2 A4 pages" (Appendix 15 §3.2) taken as 500 words each.
    static let wordsPerPage = 500
    /// The executive summary's most pages.
    static let executiveSummaryPages = 2

    /// Words in `text`: runs of letters, digits or punctuation between spaces and line ends.
    static func words(_ text: String?) -> Int { text?.split(whereSeparator: \.isWhitespace).count ?? 0 }

    /// `version` judged against V9's minimum contents, the executive summary and the
    /// recommendations (each naming who must act, local or national, and by when).
    static func checklist(_ version: ReviewManagementAPI.ReportVersion) -> ReviewManagementAPI.ReportChecklist {
        let sections = version.sections
        func section(_ item: ReviewManagementAPI.ReportChecklistItem, _ text: String?, _ what: String) -> ReviewManagementAPI.ReportChecklistEntry {
            text.isBlank ? .init(item: item, met: false, missing: "the section on \(what)") : .init(item: item, met: true)
        }
        var entries = [
            section(.whatHappened, sections.whatHappened, "what happened"),
            section(.whyDecisionsWereTaken, sections.whyDecisionsWereTaken, "why decisions were taken"),
            section(.howAgenciesWorkedTogether, sections.howAgenciesWorkedTogether, "how agencies worked together"),
            section(.whetherShortcomingsAreGeneral, sections.whetherShortcomingsAreGeneral, "whether shortcomings are general"),
            section(.whatMustChange, sections.whatMustChange, "what must change"),
            section(.goodPractice, sections.goodPractice, "good practice"),
            section(.howAgenciesWillLearn, sections.howAgenciesWillLearn, "how agencies will learn"),
        ]
        let summaryWords = words(sections.executiveSummary)
        let mostWords = wordsPerPage * executiveSummaryPages
        if sections.executiveSummary.isBlank {
            entries.append(.init(item: .executiveSummary, met: false, missing: "the executive summary"))
        } else if summaryWords > mostWords {
            entries.append(
                .init(
                    item: .executiveSummary, met: false,
                    missing: "an executive summary of at most \(executiveSummaryPages) pages (\(mostWords) words); it has \(summaryWords)"))
        } else {
            entries.append(.init(item: .executiveSummary, met: true))
        }
        entries.append(recommendationsEntry(version.recommendations))
        return ReviewManagementAPI.ReportChecklist(version: version.version, entries: entries, executiveSummaryWords: summaryWords)
    }

    /// Met when there is at least one recommendation and each names who must act and by when.
    private static func recommendationsEntry(_ recommendations: [ReportRecommendation]) -> ReviewManagementAPI.ReportChecklistEntry {
        if recommendations.isEmpty { return .init(item: .recommendations, met: false, missing: "the recommendations") }
        let incomplete = recommendations.indices.compactMap { index in unfinished(recommendations[index]).map { "recommendation \(index + 1) \($0)" }
        }
        if incomplete.isEmpty { return .init(item: .recommendations, met: true) }
        return .init(item: .recommendations, met: false, missing: incomplete.joined(separator: "; "))
    }

    /// What a recommendation lacks to be endorsed: who must act (and whether local or
    /// national) and by when; nil when it has all three.
    static func unfinished(_ recommendation: ReportRecommendation) -> String? {
        var lacks: [String] = []
        if recommendation.owner.isBlank { lacks.append("who must act") }
        if recommendation.scope == nil { lacks.append("whether the action is local or national") }
        if recommendation.dueBy == nil { lacks.append("by when") }
        return lacks.isEmpty ? nil : "does not say " + lacks.joined(separator: ", ")
    }

    /// The path of the first text of a draft that names the genogram, a section titled so
    /// included; nil when none does (V10: the genogram is never part of the report).
    static func genogramPath(_ request: ReviewManagementAPI.SubmitReportDraftRequest) -> String? {
        let sections = request.sections
        var texts: [(String, String?)] = [
            ("sections.executiveSummary", sections.executiveSummary), ("sections.whatHappened", sections.whatHappened),
            ("sections.whyDecisionsWereTaken", sections.whyDecisionsWereTaken),
            ("sections.howAgenciesWorkedTogether", sections.howAgenciesWorkedTogether),
            ("sections.whetherShortcomingsAreGeneral", sections.whetherShortcomingsAreGeneral),
            ("sections.whatMustChange", sections.whatMustChange), ("sections.goodPractice", sections.goodPractice),
            ("sections.howAgenciesWillLearn", sections.howAgenciesWillLearn),
        ]
        for (index, section) in sections.otherSections.enumerated() {
            texts.append(("sections.otherSections[\(index)].title", section.title))
            texts.append(("sections.otherSections[\(index)].text", section.text))
        }
        for (index, recommendation) in request.recommendations.enumerated() {
            texts.append(("recommendations[\(index)].text", recommendation.text))
            texts.append(("recommendations[\(index)].owner", recommendation.owner))
        }
        return texts.first { $0.1?.lowercased().contains("genogram") == true }?.0
    }
}
