import WorkingDays

extension PublicationAPI {
    /// The format `GetYearlyReport` answers in.
    package enum YearlyReportFormat: String, WireEnum {
        case json
        case csv
    }

    /// `GetYearlyReport`: the partnership's figures for one calendar year.
    package struct GetYearlyReportRequest: Sendable, Equatable, Codable {
        /// The calendar year, 2000-2999.
        package var year: Int
        /// `json` (default): `report`; `csv`: `csv`.
        package var format: YearlyReportFormat?
        package init(year: Int, format: YearlyReportFormat? = nil) {
            self.year = year
            self.format = format
        }
    }

    /// How a deadline came out, for counting.
    package enum Timeliness: String, WireEnum {
        /// Met on or before its due date.
        case met
        /// Met after its due date, or not met and past it.
        case late
        /// Done outside its window (T4): done, not met.
        case outsideWindow
        /// Not met, not yet due.
        case open
    }

    /// One rule's figures for the year: its deadlines due in the year, by how they came out.
    package struct RuleFigures: Sendable, Equatable, Codable {
        /// `T1` ... `T10`.
        package var rule: TimescaleRule
        package var met: Int
        package var late: Int
        package var outsideWindow: Int
        package var open: Int
        /// Of those, how many had a recorded extension (counted in the four above too).
        package var extended: Int
        /// met + late + outsideWindow + open.
        package var total: Int
        package init(rule: TimescaleRule, met: Int = 0, late: Int = 0, outsideWindow: Int = 0, open: Int = 0, extended: Int = 0) {
            self.rule = rule
            self.met = met
            self.late = late
            self.outsideWindow = outsideWindow
            self.open = open
            self.extended = extended
            self.total = met + late + outsideWindow + open
        }
    }

    /// Where the figures came from: each stage asked, and how many case statuses it gave.
    package struct FigureSource: Sendable, Equatable, Codable {
        /// The stage service, e.g. `intake`.
        package var stage: String
        /// How many cases' statuses it gave.
        package var statuses: Int
        /// How many `GetStatuses` pages were read.
        package var pages: Int
        package init(stage: String, statuses: Int, pages: Int) {
            self.stage = stage
            self.statuses = statuses
            self.pages = pages
        }
    }

    /// A publication of the year, with T9 and T10 as they came out.
    package struct YearlyPublication: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        /// The report, or the information about improvements.
        package var document: PublicationDocument
        package var publishedOn: CivilDate
        package var address: String
        /// T9: the advance copies.
        package var t9: Timeliness?
        /// T10: the archive step a year on.
        package var t10: Timeliness?
        /// True when a T9 or T10 deadline had a recorded extension.
        package var extended: Bool
        package init(
            caseReference: CaseReference, document: PublicationDocument, publishedOn: CivilDate, address: String, t9: Timeliness?, t10: Timeliness?,
            extended: Bool
        ) {
            self.caseReference = caseReference
            self.document = document
            self.publishedOn = publishedOn
            self.address = address
            self.t9 = t9
            self.t10 = t10
            self.extended = extended
        }
    }

    /// A recommendation of a report published in the year, and how far its items are.
    package struct YearlyRecommendation: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var recommendation: Recommendation
        /// Its action plan items, and how many are closed with evidence.
        package var items: Int
        package var closedItems: Int
        package init(caseReference: CaseReference, recommendation: Recommendation, items: Int, closedItems: Int) {
            self.caseReference = caseReference
            self.recommendation = recommendation
            self.items = items
            self.closedItems = closedItems
        }
    }

    /// An action plan item open at some time in the year, with its status and evidence.
    package struct YearlyActionItem: Sendable, Equatable, Codable {
        package var caseReference: CaseReference
        package var item: ActionPlanItem
        /// Its target date's deadline as it came out.
        package var timeliness: Timeliness
        package init(caseReference: CaseReference, item: ActionPlanItem, timeliness: Timeliness) {
            self.caseReference = caseReference
            self.item = item
            self.timeliness = timeliness
        }
    }

    /// The partnership's year: publications, recommendations, action items, and T1-T10 counted
    /// from every stage's statuses.
    package struct YearlyReport: Sendable, Equatable, Codable {
        package var year: Int
        /// The day the open deadlines were judged on.
        package var judgedOn: CivilDate
        /// Publications dated in the year.
        package var publications: [YearlyPublication]
        /// The recommendations of those publications.
        package var recommendations: [YearlyRecommendation]
        /// Action plan items open at some time in the year.
        package var actionItems: [YearlyActionItem]
        /// T1-T10: deadlines due in the year.
        package var timescales: [RuleFigures]
        /// The stages the statuses came from.
        package var sources: [FigureSource]
        package init(
            year: Int, judgedOn: CivilDate, publications: [YearlyPublication], recommendations: [YearlyRecommendation],
            actionItems: [YearlyActionItem], timescales: [RuleFigures], sources: [FigureSource]
        ) {
            self.year = year
            self.judgedOn = judgedOn
            self.publications = publications
            self.recommendations = recommendations
            self.actionItems = actionItems
            self.timescales = timescales
            self.sources = sources
        }
    }

    /// `GetYearlyReport`'s answer: the report as JSON, or the same as CSV text.
    package struct GetYearlyReportResponse: Sendable, Equatable, Codable {
        package var year: Int
        /// The report (format `json`).
        package var report: YearlyReport?
        /// The report as CSV: one table after another, each under its name, a blank line between (format `csv`).
        package var csv: String?
        package init(year: Int, report: YearlyReport? = nil, csv: String? = nil) {
            self.year = year
            self.report = report
            self.csv = csv
        }
    }
}
