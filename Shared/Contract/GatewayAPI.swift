import Foundation
import RPC
import WorkingDays

/// `cspr.gateway.v1.Gateway`: every case across the stages, read-only, for the Case Review
/// Panel. The gateway merges the stages' `GetStatuses` answers by case reference; it holds no
/// case data of its own and no personal data (`CaseStatus` has no field for any).
package enum GatewayAPI {
    // Methods and roles (DESIGN.md, Security) first; the messages follow.
    /// Who may read the gateway, by call or on the dashboard: the Case Review Panel and its viewers.
    package static let viewerRoles: Set<String> = .roles(.panelViewer, .caseReviewPanel)

    private static let service = ServiceIdentity.gateway.rpcService
    /// `ListCases`: every case, filtered, by next deadline.
    package static let listCases = Method<ListCasesRequest, ListCasesResponse>(service: service, name: "ListCases", roles: viewerRoles)
    /// `GetCase`: one case across the stages.
    package static let getCase = Method<GetCaseRequest, GetCaseResponse>(service: service, name: "GetCase", roles: viewerRoles)
    /// `GetSummary`: the panel's figures.
    package static let getSummary = Method<GetSummaryRequest, GetSummaryResponse>(service: service, name: "GetSummary", roles: viewerRoles)
    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [MethodDescription(listCases), MethodDescription(getCase), MethodDescription(getSummary)]

    /// How urgent a case is: the worst state of its deadlines not yet met (red, amber, green on
    /// the dashboard).
    package enum Urgency: String, WireEnum {
        /// A deadline is past due and not met (red).
        case overdue
        /// A deadline is due within `Deadline.dueSoonWorkingDays` working days (amber).
        case dueSoon
        /// Every open deadline is further off, or none is open (green).
        case onTrack

        /// The text a bad value is refused with (pinned by tests and clients).
        package static let expectedValues = "expected overdue, dueSoon or onTrack"
    }

    /// A stage's deadline as the gateway shows it: the stage's own deadline, the working days
    /// left to it today, and which stage reported it. On the wire its fields sit beside the
    /// deadline's, flat (golden/gateway-*.json).
    @dynamicMemberLookup
    package struct TrackedDeadline: Sendable, Equatable, Codable {
        /// The deadline as the stage computed it.
        package var deadline: Deadline
        /// Working days from today to the due date: negative when overdue, absent once met.
        package var workingDaysLeft: Int?
        /// The stage service that reported it, e.g. `rapid-review`.
        package var reportedBy: String

        package init(_ deadline: Deadline, workingDaysLeft: Int?, reportedBy: String) {
            self.deadline = deadline
            self.workingDaysLeft = workingDaysLeft
            self.reportedBy = reportedBy
        }

        /// The embedded deadline's fields, read as this one's (`tracked.due`).
        package subscript<Value>(dynamicMember field: WritableKeyPath<Deadline, Value>) -> Value {
            get { deadline[keyPath: field] }
            set { deadline[keyPath: field] = newValue }
        }

        private enum CodingKeys: String, CodingKey {
            case workingDaysLeft
            case reportedBy
        }

        package init(from decoder: any Decoder) throws {
            // The deadline's fields are read from the same object: embedded, not nested.
            deadline = try Deadline(from: decoder)
            let container = try decoder.container(keyedBy: CodingKeys.self)
            workingDaysLeft = try container.decodeIfPresent(Int.self, forKey: .workingDaysLeft)
            reportedBy = try container.decode(String.self, forKey: .reportedBy)
        }

        package func encode(to encoder: any Encoder) throws {
            try deadline.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encodeIfPresent(workingDaysLeft, forKey: .workingDaysLeft)
            try container.encode(reportedBy, forKey: .reportedBy)
        }
    }

    /// One case across the stages: the merged `CaseStatus` with working days left and urgency.
    package struct CaseOverview: Sendable, Equatable, Codable {
        /// The case.
        package var reference: CaseReference
        /// The latest stage any service reports for it.
        package var stage: CaseStage
        /// Milestones of every stage, by date.
        package var milestones: [Milestone]
        /// Deadlines of every stage, by due date.
        package var deadlines: [TrackedDeadline]
        /// The earliest deadline not yet met.
        package var nextDeadline: TrackedDeadline?
        /// Its worst open deadline's state.
        package var urgency: Urgency
        /// The stage services that know the case, in stage order.
        package var reportedBy: [String]
        /// What the case's current stage expects next, as a step code (`CaseStatus.nextStep`).
        package var nextStep: String?

        package init(
            reference: CaseReference, stage: CaseStage, milestones: [Milestone], deadlines: [TrackedDeadline], nextDeadline: TrackedDeadline?,
            urgency: Urgency, reportedBy: [String], nextStep: String? = nil
        ) {
            self.reference = reference
            self.stage = stage
            self.milestones = milestones
            self.deadlines = deadlines
            self.nextDeadline = nextDeadline
            self.urgency = urgency
            self.reportedBy = reportedBy
            self.nextStep = nextStep
        }

        /// The contract's status of the case.
        package var status: CaseStatus {
            CaseStatus(reference: reference, stage: stage, milestones: milestones, deadlines: deadlines.map(\.deadline), nextStep: nextStep)
        }
    }

    /// A stage service that did not answer in time, so its part of every case is missing.
    package struct StageOutage: Sendable, Equatable, Codable {
        /// The stage service's name, e.g. `rapid-review`.
        package var stage: String
        /// Its RPC service, e.g. `cspr.rapidreview.v1.RapidReview`.
        package var service: String
        /// When the gateway first found it unavailable, since its last answer.
        package var since: Date
        /// The status code of the last failure, e.g. `UNAVAILABLE`, `DEADLINE_EXCEEDED`.
        package var code: String

        package init(stage: String, service: String, since: Date, code: String) {
            self.stage = stage
            self.service = service
            self.since = since
            self.code = code
        }
    }

    /// `ListCases`' filters and page; every one optional. The filters apply before paging.
    package struct ListCasesRequest: Sendable, Equatable, Codable {
        /// The page size when none is asked for.
        package static let defaultPageSize = ListPage.defaultSize
        /// The largest page.
        package static let maxPageSize = ListPage.maxSize

        /// Only cases at this stage.
        package var stage: CaseStage?
        /// Only cases with an overdue deadline.
        package var overdueOnly: Bool?
        /// Only cases whose next deadline is due within this many working days (0-260), the
        /// overdue ones included.
        package var dueWithinWorkingDays: Int?
        /// At most this many cases (1-1000); absent: 100.
        package var pageSize: Int?
        /// How many matching cases to pass over first (0 or more); absent: none.
        package var offset: Int?

        package init(
            stage: CaseStage? = nil, overdueOnly: Bool? = nil, dueWithinWorkingDays: Int? = nil, pageSize: Int? = nil, offset: Int? = nil
        ) {
            self.stage = stage
            self.overdueOnly = overdueOnly
            self.dueWithinWorkingDays = dueWithinWorkingDays
            self.pageSize = pageSize
            self.offset = offset
        }
    }

    /// A page of the cases, by next deadline (none last), with how many match and the stages
    /// that could not be asked.
    package struct ListCasesResponse: Sendable, Equatable, Codable {
        /// The page: cases that pass the filters, the most urgent first.
        package var cases: [CaseOverview]
        /// How many cases pass the filters, on every page.
        package var total: Int
        /// How many matching cases come before this page.
        package var offset: Int
        /// Stage services that did not answer when last asked; their part is as of `since`.
        package var unavailable: [StageOutage]
        /// When the stages were last asked for changes.
        package var asOf: Date
        /// The date deadlines were judged on.
        package var today: CivilDate

        package init(cases: [CaseOverview], total: Int, offset: Int = 0, unavailable: [StageOutage], asOf: Date, today: CivilDate) {
            self.cases = cases
            self.total = total
            self.offset = offset
            self.unavailable = unavailable
            self.asOf = asOf
            self.today = today
        }
    }

    /// `GetCase`'s request.
    package struct GetCaseRequest: Sendable, Equatable, Codable {
        /// The case wanted.
        package var caseReference: CaseReference
        package init(caseReference: CaseReference) { self.caseReference = caseReference }
    }

    /// One case. NOT_FOUND when every stage answered and none knows it; UNAVAILABLE when it was
    /// not found and a stage could not be asked.
    package struct GetCaseResponse: Sendable, Equatable, Codable {
        /// The case across the stages that answered.
        package var `case`: CaseOverview
        /// Stage services whose part is missing.
        package var unavailable: [StageOutage]
        /// When the stages were asked.
        package var asOf: Date
        /// The date deadlines were judged on.
        package var today: CivilDate

        package init(case: CaseOverview, unavailable: [StageOutage], asOf: Date, today: CivilDate) {
            self.case = `case`
            self.unavailable = unavailable
            self.asOf = asOf
            self.today = today
        }
    }

    /// `GetSummary`'s request: no fields.
    package struct GetSummaryRequest: Sendable, Equatable, Codable {
        package init() {}
    }

    /// Cases at one stage.
    package struct StageCount: Sendable, Equatable, Codable {
        /// The stage.
        package var stage: CaseStage
        /// How many cases are at it.
        package var count: Int
        package init(stage: CaseStage, count: Int) {
            self.stage = stage
            self.count = count
        }
    }

    /// Overdue deadlines of one rule.
    package struct RuleCount: Sendable, Equatable, Codable {
        /// `T1` ... `T10`.
        package var rule: TimescaleRule
        /// How many deadlines of the rule are overdue.
        package var count: Int
        package init(rule: TimescaleRule, count: Int) {
            self.rule = rule
            self.count = count
        }
    }

    /// The periods T6's share is given for.
    package enum Period: String, WireEnum {
        /// From 1 January of today's year to today.
        case thisYear
        /// The twelve months up to today: from the day after today's date a year ago.
        case last12Months
    }

    /// T6: of the Rapid Reviews decided in a period, how many within 15 working days.
    package struct RapidReviewTimeliness: Sendable, Equatable, Codable {
        /// Which period.
        package var period: Period
        /// The period's first and last day.
        package var from: CivilDate
        /// The period's last day: today.
        package var to: CivilDate
        /// Rapid Reviews whose T6 was met (on time or late) in the period.
        package var decided: Int
        /// Of those, the ones met by the due date.
        package var withinTimescale: Int
        /// `withinTimescale / decided`, absent when none was decided.
        package var share: Double?

        package init(period: Period, from: CivilDate, to: CivilDate, decided: Int, withinTimescale: Int) {
            self.period = period
            self.from = from
            self.to = to
            self.decided = decided
            self.withinTimescale = withinTimescale
            self.share = decided == 0 ? nil : Double(withinTimescale) / Double(decided)
        }
    }

    /// The panel's figures.
    package struct GetSummaryResponse: Sendable, Equatable, Codable {
        /// Every case known to the stages that answered.
        package var totalCases: Int
        /// Cases by stage, every stage listed, in stage order.
        package var casesByStage: [StageCount]
        /// Cases with an overdue deadline.
        package var overdueCases: Int
        /// Overdue deadlines by rule, rules with none left out, in rule order.
        package var overdueByRule: [RuleCount]
        /// T6 this year and over the last 12 months.
        package var rapidReviewTimeliness: [RapidReviewTimeliness]
        /// Stage services whose part is missing.
        package var unavailable: [StageOutage]
        /// When the stages were asked.
        package var asOf: Date
        /// The date deadlines were judged on.
        package var today: CivilDate

        package init(
            totalCases: Int, casesByStage: [StageCount], overdueCases: Int, overdueByRule: [RuleCount],
            rapidReviewTimeliness: [RapidReviewTimeliness], unavailable: [StageOutage], asOf: Date, today: CivilDate
        ) {
            self.totalCases = totalCases
            self.casesByStage = casesByStage
            self.overdueCases = overdueCases
            self.overdueByRule = overdueByRule
            self.rapidReviewTimeliness = rapidReviewTimeliness
            self.unavailable = unavailable
            self.asOf = asOf
            self.today = today
        }
    }
}
