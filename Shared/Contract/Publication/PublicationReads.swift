import WorkingDays

extension PublicationAPI {
    /// Where a publication stands.
    package enum PublicationState: String, WireEnum {
        /// The approved report is held; publication is being planned (P1, §10.2).
        case planning
        /// A publication date and address are set (T9 allowed it).
        case scheduled
        /// The partners decided not to publish the report (P2): the information about
        /// improvements is to be published instead.
        case notPublishingReport
        /// Published (P5): the report, or the information about improvements; available a year,
        /// then archived (T10).
        case published
    }

    /// A request naming one case.
    package struct CaseRequest: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        package init(caseReference: CaseReference) { self.caseReference = caseReference }
    }

    /// `GetPublication`: everything this service holds on one publication. It holds the report
    /// and the reviewers' names: every read is audited.
    package struct Publication: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it stands.
        package var state: PublicationState
        /// The case's stage here.
        package var stage: CaseStage
        /// review-management's hand-over as received: the approved version, its text, the
        /// reviewers and the recommendations.
        package var preparation: PreparePublicationRequest
        /// When the hand-over was applied.
        package var preparedOn: CivilDate
        /// The report version to be published.
        package var reportVersion: Int
        /// Every advance copy recorded, in the order recorded (T9).
        package var advanceCopies: [AdvanceCopy]
        /// The earliest publication date T9 allows for `reportVersion`; nil while a recipient
        /// has no copy of it.
        package var earliestPublicationDate: CivilDate?
        /// The recipients still without a copy of `reportVersion`.
        package var advanceCopiesMissing: [AdvanceCopyRecipient]
        /// Every schedule, oldest first; the latest is in force.
        package var schedules: [PublicationSchedule]
        /// The publication, once recorded.
        package var published: PublishedReport?
        /// Every record of the NSPCC repository submission, oldest first; the latest is in force.
        package var repositorySubmissions: [RepositorySubmission]
        /// Every notice of delay recorded here (T8).
        package var delayNotices: [ReviewManagementAPI.DelayNotice]
        /// The partners' decision not to publish the report, if they made one (P2).
        package var notPublishingDecision: NotPublishingDecision?
        /// What is to be published: the report, or the information about improvements after a
        /// decision not to publish.
        package var document: PublicationDocument
        /// The steps reached, in date order.
        package var milestones: [Milestone]
        /// The deadlines that apply now.
        package var deadlines: [Deadline]
        /// The anonymisation gate (P4, V10): revisions, checks and sign-offs, and whether the
        /// version to be published has passed it. Absent from a service before the gate.
        package var anonymisation: AnonymisationGateView?
        /// The publication plan's versions, the holds for parallel proceedings (P3) and the
        /// archive step (T10). Absent from a service before them.
        package var planning: PublicationPlanningView?
        /// What publication expects next, as a step code (`CaseStatus.nextStep`); nil when nothing.
        package var nextStep: String?
        package init(
            caseReference: CaseReference, state: PublicationState, stage: CaseStage, preparation: PreparePublicationRequest,
            preparedOn: CivilDate, reportVersion: Int, advanceCopies: [AdvanceCopy], earliestPublicationDate: CivilDate?,
            advanceCopiesMissing: [AdvanceCopyRecipient], schedules: [PublicationSchedule] = [], published: PublishedReport? = nil,
            repositorySubmissions: [RepositorySubmission] = [], delayNotices: [ReviewManagementAPI.DelayNotice] = [],
            notPublishingDecision: NotPublishingDecision? = nil, document: PublicationDocument = .report, milestones: [Milestone],
            deadlines: [Deadline], anonymisation: AnonymisationGateView? = nil, planning: PublicationPlanningView? = nil, nextStep: String? = nil
        ) {
            self.nextStep = nextStep
            self.anonymisation = anonymisation
            self.planning = planning
            self.notPublishingDecision = notPublishingDecision
            self.document = document
            self.caseReference = caseReference
            self.state = state
            self.stage = stage
            self.preparation = preparation
            self.preparedOn = preparedOn
            self.reportVersion = reportVersion
            self.advanceCopies = advanceCopies
            self.earliestPublicationDate = earliestPublicationDate
            self.advanceCopiesMissing = advanceCopiesMissing
            self.schedules = schedules
            self.published = published
            self.repositorySubmissions = repositorySubmissions
            self.delayNotices = delayNotices
            self.milestones = milestones
            self.deadlines = deadlines
        }
    }

    /// `ListPublications`' page: `pageSize` from 1 to 1000 (100 when absent), from `offset` (0
    /// when absent), in case reference order.
    package struct ListPublicationsRequest: Sendable, Equatable, Codable {
        /// How many at most.
        package var pageSize: Int?
        /// How many to skip.
        package var offset: Int?
        package init(pageSize: Int? = nil, offset: Int? = nil) {
            self.pageSize = pageSize
            self.offset = offset
        }
    }

    /// A publication in a list: no personal data (no text, no names).
    package struct PublicationSummary: Sendable, Equatable, Codable {
        /// The case.
        package var caseReference: CaseReference
        /// Where it stands.
        package var state: PublicationState
        /// The case's stage here.
        package var stage: CaseStage
        /// The report version to be published.
        package var reportVersion: Int
        /// The earliest publication date T9 allows, once every recipient has a copy.
        package var earliestPublicationDate: CivilDate?
        /// The deadline due first, if any is open.
        package var nextDeadline: Deadline?
        /// True when a deadline is overdue.
        package var overdue: Bool
        package init(
            caseReference: CaseReference, state: PublicationState, stage: CaseStage, reportVersion: Int, earliestPublicationDate: CivilDate?,
            nextDeadline: Deadline?, overdue: Bool
        ) {
            self.caseReference = caseReference
            self.state = state
            self.stage = stage
            self.reportVersion = reportVersion
            self.earliestPublicationDate = earliestPublicationDate
            self.nextDeadline = nextDeadline
            self.overdue = overdue
        }
    }

    /// `ListPublications`' answer: one page and how many there are in all.
    package struct ListPublicationsResponse: Sendable, Equatable, Codable {
        /// This page, in case reference order.
        package var publications: [PublicationSummary]
        /// How many publications are held in all.
        package var total: Int
        package init(publications: [PublicationSummary], total: Int) {
            self.publications = publications
            self.total = total
        }
    }
}
