import RPC
import WorkingDays

/// `cspr.publication.v1.Publication`: publication of approved reports and the action plans
/// (framework §10-11, Appendix 16). Planning starts with review-management's hand-over (P1).
///
/// The method list comes first; the messages follow in one file per workflow step:
/// this file (the hand-over), PublicationReads, AdvanceCopies, Publishing and NotPublishing.
package enum PublicationAPI {
    // Methods and roles (DESIGN.md, Security): the publication officer and the Partnership
    // Support Team record the steps; the panel, the chair, the board and auditors read.
    private static let service = ServiceIdentity.publication.rpcService
    /// Who records the publication's steps.
    private static let writers: Set<String> = .roles(.publication, .partnershipSupport)
    /// Who reads a publication in full (it holds the report and the reviewers' names: every read audited).
    private static let readers: Set<String> = .roles(
        .publication, .partnershipSupport, .caseReviewPanel, .independentChair, .board, .auditor)

    /// From review-management (its service principal) once the board approved the report, applied once
    /// per idempotency key: publication planning starts only then (P1, §10.2.1).
    package static let preparePublication = Method<PreparePublicationRequest, PreparePublicationResponse>(
        service: service, name: "PreparePublication", callers: [.reviewManagement])
    /// One publication in full: the approved report as handed over, the advance copies, the
    /// earliest publication date T9 allows, milestones and deadlines.
    package static let getPublication = Method<CaseRequest, Publication>(service: service, name: "GetPublication", roles: readers)
    /// Every publication, summarised (no personal data), a page at a time.
    package static let listPublications = Method<ListPublicationsRequest, ListPublicationsResponse>(
        service: service, name: "ListPublications", roles: readers.union(Set<String>.roles(.panelViewer)))
    /// Statuses for the gateway (no personal data).
    package static let getStatuses = getStatusesMethod(of: service)
    /// A copy of a report version sent ahead of publication to the National Panel, Ofsted or the
    /// Secretary of State (T9, §10.5.1).
    package static let recordAdvanceCopy = Method<RecordAdvanceCopyRequest, RecordAdvanceCopyResponse>(
        service: service, name: "RecordAdvanceCopy", roles: writers)
    /// The publication date and address, refused before T9 allows it.
    package static let schedulePublication = Method<SchedulePublicationRequest, SchedulePublicationResponse>(
        service: service, name: "SchedulePublication", roles: writers)
    /// The report published, on a date at an address (P5, T10: then available a year, then archived).
    package static let recordPublished = Method<RecordPublishedRequest, RecordPublishedResponse>(
        service: service, name: "RecordPublished", roles: writers)
    /// The report submitted to the NSPCC national case review repository, and its acknowledgement (P5).
    package static let recordRepositorySubmission = Method<RecordRepositorySubmissionRequest, RecordRepositorySubmissionResponse>(
        service: service, name: "RecordRepositorySubmission", roles: writers)
    /// The National Panel and the Secretary of State told that publication is later than six
    /// months from the decision, with the reason (T8, §3.1.3); the same message as review-management's.
    package static let recordDelayNotice = Method<ReviewManagementAPI.RecordDelayNoticeRequest, RecordDelayNoticeResponse>(
        service: service, name: "RecordDelayNotice", roles: writers)
    /// The partners, with the Case Review Panel, decide not to publish the report, with reasons
    /// (P2); the information about improvements is then published instead, on the same timescale.
    package static let decideNotToPublish = Method<DecideNotToPublishRequest, DecideNotToPublishResponse>(
        service: service, name: "DecideNotToPublish", roles: writers.union(Set<String>.roles(.board)))
    /// The anonymisation gate (P4, V10): a report version checked against every person intake
    /// and review-management hold, for the reviewers' names and for the genogram; recorded with
    /// its findings' positions (never the matched text). UNAVAILABLE, recording nothing, when a
    /// stage does not answer.
    package static let checkReportForDisclosure = Method<CheckReportForDisclosureRequest, CheckReportForDisclosureResponse>(
        service: service, name: "CheckReportForDisclosure", roles: writers)
    /// A named person's sign-off of a version after a clean check (P4).
    package static let signOffAnonymisation = Method<SignOffAnonymisationRequest, SignOffAnonymisationResponse>(
        service: service, name: "SignOffAnonymisation", roles: writers)
    /// New text for the report: a new version, to be checked, signed off and sent again (P4, T9).
    package static let reviseReport = Method<ReviseReportRequest, ReviseReportResponse>(
        service: service, name: "ReviseReport", roles: writers)
    /// The publication plan (P3, §10.2-10.4): the family's wishes, practitioners, media contact
    /// and strategic leads; each record a new version.
    package static let recordPublicationPlan = Method<RecordPublicationPlanRequest, RecordPublicationPlanResponse>(
        service: service, name: "RecordPublicationPlan", roles: writers)
    /// Publication held for parallel proceedings (a trial, an inquest), with a review date.
    package static let recordPublicationHold = Method<RecordPublicationHoldRequest, RecordPublicationHoldResponse>(
        service: service, name: "RecordPublicationHold", roles: writers)
    /// A hold released.
    package static let releasePublicationHold = Method<ReleasePublicationHoldRequest, ReleasePublicationHoldResponse>(
        service: service, name: "ReleasePublicationHold", roles: writers)
    /// The archive step a year after publication (T10, §10.5.2): archived, available on request.
    package static let recordArchived = Method<RecordArchivedRequest, RecordArchivedResponse>(
        service: service, name: "RecordArchived", roles: writers)
    /// Who keeps the action plans: the writers and the Case Review Panel, which sees the
    /// improvements implemented (§11.3.1).
    private static let actionWriters: Set<String> = writers.union(Set<String>.roles(.caseReviewPanel))
    /// An action plan item (P6, Appendix 16): from a recommendation, a Rapid Review's immediate
    /// action, or a Rapid Review decided h or i (the plan is started by its first item).
    package static let addActionPlanItem = Method<AddActionPlanItemRequest, ActionPlanItemResponse>(
        service: service, name: "AddActionPlanItem", roles: actionWriters)
    /// A progress update on an item, with its RAG rating (Appendix 16).
    package static let recordActionProgress = Method<RecordActionProgressRequest, ActionPlanItemResponse>(
        service: service, name: "RecordActionProgress", roles: actionWriters)
    /// An item closed, only with evidence that the improvement is sustained (P6, §11.4.1).
    package static let closeActionPlanItem = Method<CloseActionPlanItemRequest, ActionPlanItemResponse>(
        service: service, name: "CloseActionPlanItem", roles: actionWriters)
    /// A case's action plan: its items and their target dates as deadlines.
    package static let getActionPlan = Method<CaseRequest, ActionPlan>(service: service, name: "GetActionPlan", roles: readers)
    /// The plan for sharing a review's learning: how, to whom, by when (§11.3.2), per case.
    package static let recordLearningPlan = Method<RecordLearningPlanRequest, RecordLearningPlanResponse>(
        service: service, name: "RecordLearningPlan", roles: actionWriters)
    /// Learning taken from a national review (§11.5.1), for the partnership as a whole.
    package static let recordNationalLearning = Method<RecordNationalLearningRequest, NationalLearning>(
        service: service, name: "RecordNationalLearning", roles: actionWriters)
    /// The learning taken from national reviews, a page at a time.
    package static let listNationalLearning = Method<ListNationalLearningRequest, ListNationalLearningResponse>(
        service: service, name: "ListNationalLearning", roles: readers)
    /// The year's publications, recommendations, action items and T1-T10 figures, as JSON or CSV.
    package static let getYearlyReport = Method<GetYearlyReportRequest, GetYearlyReportResponse>(
        service: service, name: "GetYearlyReport", roles: readers)

    /// Every call above, for `cspr` and `ServiceIdentity.methods`.
    package static let methods: [MethodDescription] = [
        MethodDescription(preparePublication), MethodDescription(getPublication), MethodDescription(listPublications),
        MethodDescription(getStatuses), MethodDescription(recordAdvanceCopy), MethodDescription(schedulePublication),
        MethodDescription(recordPublished), MethodDescription(recordRepositorySubmission), MethodDescription(recordDelayNotice),
        MethodDescription(decideNotToPublish), MethodDescription(checkReportForDisclosure), MethodDescription(signOffAnonymisation),
        MethodDescription(reviseReport), MethodDescription(recordPublicationPlan), MethodDescription(recordPublicationHold),
        MethodDescription(releasePublicationHold), MethodDescription(recordArchived), MethodDescription(addActionPlanItem),
        MethodDescription(recordActionProgress),
        MethodDescription(closeActionPlanItem), MethodDescription(getActionPlan),
        MethodDescription(recordLearningPlan), MethodDescription(recordNationalLearning), MethodDescription(listNationalLearning),
        MethodDescription(getYearlyReport),
    ]

    /// A recommendation as the board endorsed it: what, who must act and by when (V9).
    package struct Recommendation: Sendable, Equatable, Codable {
        /// Its number in the report, from 1.
        package var number: Int
        /// What is recommended.
        package var text: String
        /// Who must act.
        package var owner: String
        /// Whether the owner is local or national.
        package var scope: ActionScope
        /// By when.
        package var dueBy: CivilDate
        package init(number: Int, text: String, owner: String, scope: ActionScope, dueBy: CivilDate) {
            self.number = number
            self.text = text
            self.owner = owner
            self.scope = scope
            self.dueBy = dueBy
        }
    }

    /// `PreparePublication`'s request: the approved report and what publication needs of it.
    package struct PreparePublicationRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// The approved report version.
        package var reportVersion: Int
        /// Its text, section by section (never the genogram, V10).
        package var sections: ReportSections
        /// When the board approved it.
        package var approvedOn: CivilDate
        /// The reviewers named in the report: the lead reviewer first, then the review team.
        package var reviewers: [String]
        /// The endorsed recommendations.
        package var recommendations: [Recommendation]
        /// The rule set the case runs under.
        package var ruleSet: RuleSet
        /// T7 as review-management holds it: its due date after any recorded extension (with the
        /// original kept), met on the approval. Publication judges "published within six months
        /// of the decision" against it (§3.1.2-3.1.3). Absent from senders before it was added.
        package var t7: Deadline?
        /// When the National Panel and the Secretary of State were told of a delay (T8), if
        /// review-management recorded it; absent when it recorded none.
        package var delayNoticeOn: CivilDate?
        package init(
            caseReference: CaseReference, reportVersion: Int, sections: ReportSections, approvedOn: CivilDate, reviewers: [String],
            recommendations: [Recommendation], ruleSet: RuleSet, t7: Deadline? = nil, delayNoticeOn: CivilDate? = nil
        ) {
            self.caseReference = caseReference
            self.reportVersion = reportVersion
            self.sections = sections
            self.approvedOn = approvedOn
            self.reviewers = reviewers
            self.recommendations = recommendations
            self.ruleSet = ruleSet
            self.t7 = t7
            self.delayNoticeOn = delayNoticeOn
        }
    }

    /// `PreparePublication`'s answer.
    package struct PreparePublicationResponse: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// True once publication holds the report.
        package var prepared: Bool
        package init(caseReference: CaseReference, prepared: Bool) {
            self.caseReference = caseReference
            self.prepared = prepared
        }
    }
}
