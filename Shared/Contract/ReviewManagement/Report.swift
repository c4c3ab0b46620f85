import RPC
import WorkingDays

// MARK: - The report (V9, V10, §9, Appendix 15) and the board's approval

/// Who must act on a recommendation: the local partnership's agencies or a national body (§9.2.3).
package enum ActionScope: String, WireEnum {
    /// The partnership or its agencies.
    case local
    /// A national body (a government department, a regulator, the National Panel).
    case national
}

/// The text of a report, section by section: V9's minimum contents (§9.1.2, Appendix 15 §2),
/// the executive summary (Appendix 15 §3.2) and any other sections the lead reviewer adds.
/// A section left out or blank is missing from the checklist.
package struct ReportSections: Sendable, Equatable, Codable {
    /// At most two pages (Appendix 15 §3.2; a page is taken as 500 words).
    package var executiveSummary: String?
    /// A brief overview of what happened and the key circumstances.
    package var whatHappened: String?
    /// Why relevant decisions by professionals were taken.
    package var whyDecisionsWereTaken: String?
    /// How agencies worked together, and any shortcomings in this.
    package var howAgenciesWorkedTogether: String?
    /// Whether the shortcomings found are features of practice in general.
    package var whetherShortcomingsAreGeneral: String?
    /// What must change to prevent harm to a child in similar circumstances.
    package var whatMustChange: String?
    /// Examples of good practice.
    package var goodPractice: String?
    /// What must happen for agencies to learn from the case.
    package var howAgenciesWillLearn: String?
    /// Further sections (contents, glossary, the child's section), in order.
    package var otherSections: [NamedSection]

    package init(
        executiveSummary: String? = nil, whatHappened: String? = nil, whyDecisionsWereTaken: String? = nil,
        howAgenciesWorkedTogether: String? = nil, whetherShortcomingsAreGeneral: String? = nil, whatMustChange: String? = nil,
        goodPractice: String? = nil, howAgenciesWillLearn: String? = nil, otherSections: [NamedSection] = []
    ) {
        self.executiveSummary = executiveSummary
        self.whatHappened = whatHappened
        self.whyDecisionsWereTaken = whyDecisionsWereTaken
        self.howAgenciesWorkedTogether = howAgenciesWorkedTogether
        self.whetherShortcomingsAreGeneral = whetherShortcomingsAreGeneral
        self.whatMustChange = whatMustChange
        self.goodPractice = goodPractice
        self.howAgenciesWillLearn = howAgenciesWillLearn
        self.otherSections = otherSections
    }

    // A draft may leave any section out, the further sections too: `{}` is an empty draft.
    package init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        executiveSummary = try container.decodeIfPresent(String.self, forKey: .executiveSummary)
        whatHappened = try container.decodeIfPresent(String.self, forKey: .whatHappened)
        whyDecisionsWereTaken = try container.decodeIfPresent(String.self, forKey: .whyDecisionsWereTaken)
        howAgenciesWorkedTogether = try container.decodeIfPresent(String.self, forKey: .howAgenciesWorkedTogether)
        whetherShortcomingsAreGeneral = try container.decodeIfPresent(String.self, forKey: .whetherShortcomingsAreGeneral)
        whatMustChange = try container.decodeIfPresent(String.self, forKey: .whatMustChange)
        goodPractice = try container.decodeIfPresent(String.self, forKey: .goodPractice)
        howAgenciesWillLearn = try container.decodeIfPresent(String.self, forKey: .howAgenciesWillLearn)
        otherSections = try container.decodeIfPresent([NamedSection].self, forKey: .otherSections) ?? []
    }

    private enum CodingKeys: String, CodingKey {
        case executiveSummary, whatHappened, whyDecisionsWereTaken, howAgenciesWorkedTogether, whetherShortcomingsAreGeneral, whatMustChange
        case goodPractice, howAgenciesWillLearn, otherSections
    }

    /// A section of the report beyond the minimum contents.
    package struct NamedSection: Sendable, Equatable, Codable {
        /// Its heading.
        package var title: String
        /// Its text.
        package var text: String
        package init(title: String, text: String) {
            self.title = title
            self.text = text
        }
    }
}

/// One recommendation of a report: what, who must act and by when (V9, §9.2.3). A draft may
/// leave the owner or date out; the board endorses only recommendations with both.
package struct ReportRecommendation: Sendable, Equatable, Codable {
    /// What is recommended.
    package var text: String
    /// Who must act: an agency, the partnership or a national body.
    package var owner: String?
    /// Whether the owner is local or national.
    package var scope: ActionScope?
    /// By when.
    package var dueBy: CivilDate?

    package init(text: String, owner: String? = nil, scope: ActionScope? = nil, dueBy: CivilDate? = nil) {
        self.text = text
        self.owner = owner
        self.scope = scope
        self.dueBy = dueBy
    }
}

extension ReviewManagementAPI {
    /// An item of the V9 checklist a report version is judged against.
    package enum ReportChecklistItem: String, WireEnum {
        /// What happened (V9).
        case whatHappened
        /// Why decisions were taken (V9).
        case whyDecisionsWereTaken
        /// How agencies worked together (V9).
        case howAgenciesWorkedTogether
        /// Whether shortcomings are general (V9).
        case whetherShortcomingsAreGeneral
        /// What must change (V9).
        case whatMustChange
        /// Good practice (V9).
        case goodPractice
        /// How agencies will learn (V9).
        case howAgenciesWillLearn
        /// Present and at most two pages (1,000 words).
        case executiveSummary
        /// At least one, each naming who must act (local or national) and by when.
        case recommendations
    }

    /// One item of the checklist: met or missing, and why when missing.
    package struct ReportChecklistEntry: Sendable, Equatable, Codable {
        /// The item.
        package var item: ReportChecklistItem
        /// True when the version meets it.
        package var met: Bool
        /// What is missing, when it is not met.
        package var missing: String?
        package init(item: ReportChecklistItem, met: Bool, missing: String? = nil) {
            self.item = item
            self.met = met
            self.missing = missing
        }
    }

    /// A report version judged against V9's minimum contents and the two-page summary.
    package struct ReportChecklist: Sendable, Equatable, Codable {
        /// The version judged.
        package var version: Int
        /// Every item, in checklist order.
        package var entries: [ReportChecklistEntry]
        /// True when every item is met.
        package var passes: Bool
        /// Words in the executive summary (a page is 500 words).
        package var executiveSummaryWords: Int
        /// Appendix 15 §4's seven quality markers, answered or not. Advisory: `passes` is
        /// decided by V9's minimum contents alone. Absent when the checklist carries none.
        package var qualityMarkers: [QualityMarkerEntry]?
        package init(version: Int, entries: [ReportChecklistEntry], executiveSummaryWords: Int, qualityMarkers: [QualityMarkerEntry] = []) {
            self.version = version
            self.entries = entries
            self.passes = entries.allSatisfy(\.met)
            self.executiveSummaryWords = executiveSummaryWords
            self.qualityMarkers = qualityMarkers.isEmpty ? nil : qualityMarkers
        }
    }

    /// A version of the report as drafted; earlier ones stay readable.
    package struct ReportVersion: Sendable, Equatable, Codable {
        /// 1 for the first draft, then one more each time.
        package var version: Int
        /// The text.
        package var sections: ReportSections
        /// The recommendations, in order (numbered from 1).
        package var recommendations: [ReportRecommendation]
        /// When it was submitted.
        package var draftedOn: CivilDate
        /// Who submitted it.
        package var draftedBy: String
        package init(version: Int, sections: ReportSections, recommendations: [ReportRecommendation], draftedOn: CivilDate, draftedBy: String) {
            self.version = version
            self.sections = sections
            self.recommendations = recommendations
            self.draftedOn = draftedOn
            self.draftedBy = draftedBy
        }
    }

    /// `SubmitReportDraft`'s request: a new version of the report.
    package struct SubmitReportDraftRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The text, section by section. The genogram is never part of it (V10).
        package var sections: ReportSections
        /// The recommendations.
        package var recommendations: [ReportRecommendation]
        package init(caseReference: CaseReference, sections: ReportSections, recommendations: [ReportRecommendation]) {
            self.caseReference = caseReference
            self.sections = sections
            self.recommendations = recommendations
        }

        // Recommendations may come in a later draft: absent reads as none.
        package init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            caseReference = try container.decode(CaseReference.self, forKey: .caseReference)
            sections = try container.decode(ReportSections.self, forKey: .sections)
            recommendations = try container.decodeIfPresent([ReportRecommendation].self, forKey: .recommendations) ?? []
        }

        private enum CodingKeys: String, CodingKey { case caseReference, sections, recommendations }
    }

    /// `SubmitReportDraft`'s answer: the version and its checklist.
    package struct SubmitReportDraftResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The version recorded.
        package var version: ReportVersion
        /// The version judged against V9.
        package var checklist: ReportChecklist
        package init(caseReference: CaseReference, version: ReportVersion, checklist: ReportChecklist) {
            self.caseReference = caseReference
            self.version = version
            self.checklist = checklist
        }
    }

    /// A step of the review team or the board on one report version, with its date.
    package struct ReportVersionStepRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The report version.
        package var version: Int
        /// When the step was taken.
        package var on: CivilDate
        package init(caseReference: CaseReference, version: Int, on: CivilDate) {
            self.caseReference = caseReference
            self.version = version
            self.on = on
        }
    }

    /// A step recorded on a report version: the review team's confirmation that it meets the
    /// terms of reference, the board's endorsement of its recommendations, or its approval.
    package struct ReportVersionStep: Sendable, Equatable, Codable {
        /// The report version.
        package var version: Int
        /// When.
        package var on: CivilDate
        /// Who recorded it.
        package var recordedBy: String
        package init(version: Int, on: CivilDate, recordedBy: String) {
            self.version = version
            self.on = on
            self.recordedBy = recordedBy
        }
    }

    /// The answer to a step on a report version.
    package struct ReportVersionStepResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The step recorded.
        package var step: ReportVersionStep
        package init(caseReference: CaseReference, step: ReportVersionStep) {
            self.caseReference = caseReference
            self.step = step
        }
    }

    /// The report as `GetReview` shows it: every version with its checklist, and the steps
    /// towards approval.
    package struct ReportView: Sendable, Equatable, Codable {
        /// Every version, oldest first.
        package var versions: [ReportVersion]
        /// Each version's checklist, in the same order.
        package var checklists: [ReportChecklist]
        /// The review team's confirmations that a version meets the terms of reference (V9).
        package var termsOfReferenceMet: [ReportVersionStep]
        /// The board's endorsements of a version's recommendations (V9).
        package var recommendationsEndorsed: [ReportVersionStep]
        /// The board's approval, once given.
        package var approval: ReportVersionStep?
        package init(
            versions: [ReportVersion], checklists: [ReportChecklist], termsOfReferenceMet: [ReportVersionStep],
            recommendationsEndorsed: [ReportVersionStep], approval: ReportVersionStep?
        ) {
            self.versions = versions
            self.checklists = checklists
            self.termsOfReferenceMet = termsOfReferenceMet
            self.recommendationsEndorsed = recommendationsEndorsed
            self.approval = approval
        }
    }
}
